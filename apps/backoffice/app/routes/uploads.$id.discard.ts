import { discardResponse } from "@accord/web/uploads";
import type { Route } from "./+types/uploads.$id.discard";
import { currentStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound } from "../.server/errors";
import { translator } from "../.server/i18n";

/** POST /uploads/:id/discard: the uploader takes back one of their staged files (204; 404 when not theirs). */
export async function action({ params, context }: Route.ActionArgs) {
  return discardResponse(params.id, { db: context.get(dbContext), actor: await currentStaff(context), t: translator(context) });
}

export function loader() {
  notFound();
}
