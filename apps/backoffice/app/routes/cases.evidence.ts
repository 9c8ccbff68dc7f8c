import { openStaffEvidenceFile } from "@accord/core";
import { evidenceDownload } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import type { Route } from "./+types/cases.evidence";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** A file of a case (shared or internal) for staff who may see the case; 404 for anything else. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "case:read");
  const file = await loadOrRespond(ctx, () => openStaffEvidenceFile({ ...ctx, input: { reference: args.params.reference, evidenceId: args.params.evidenceId }, files: fileStore() }));
  return evidenceDownload(file);
}
