import { uploadResponse } from "@accord/web/uploads";
import type { Route } from "./+types/uploads";
import { currentCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { notFound } from "../.server/errors";
import { translator } from "../.server/i18n";

/**
 * POST /uploads: the EvidenceUploader stages each file here (multipart, one or more files) and gets
 * JSON back: { uploads: [{ id, fileName, sizeBytes, contentType }], refused: [{ fileName, message }] }.
 * 401 for a visitor, 404 for someone who may not upload (see @accord/web/uploads).
 */
export async function action({ request, context }: Route.ActionArgs) {
  return uploadResponse(request, { db: context.get(dbContext), actor: await currentCustomer(context), t: translator(context) });
}

export function loader() {
  notFound();
}
