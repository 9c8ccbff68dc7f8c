import { pingDatabase } from "../.server/db";

/** 200 when the database answers `select 1`, 503 otherwise (used by `npm start` and probes). */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await pingDatabase();
    return Response.json({ status: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}
