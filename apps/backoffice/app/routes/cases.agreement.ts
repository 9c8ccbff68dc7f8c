import { openAgreementFile } from "@accord/core";
import { evidenceDownload } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import type { Route } from "./+types/cases.agreement";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** The signed agreement of a case: the PDF stored at acceptance (never rendered again), for staff who may see the case; 404 otherwise. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "case:read");
  const file = await loadOrRespond(ctx, () => openAgreementFile({ ...ctx, input: { reference: args.params.reference }, files: fileStore() }));
  return evidenceDownload(file);
}
