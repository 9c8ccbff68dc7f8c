import { healthResponse } from "@accord/web/responses";
import { pingDatabase } from "../.server/db";

/** 200 when the database answers `select 1`, 503 otherwise (used by `npm start` and probes). */
export function loader() {
  return healthResponse(pingDatabase);
}
