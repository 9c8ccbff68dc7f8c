import { openEvidenceFile } from "@accord/core";
import { evidenceDownload } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import type { Route } from "./+types/cases.evidence";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** A shared evidence file of a case the customer may see; 404 for anything else. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:read");
  const file = await loadOrRespond(ctx, () => openEvidenceFile({ ...ctx, input: { reference: args.params.reference, evidenceId: args.params.evidenceId }, files: fileStore() }));
  return evidenceDownload(file);
}
