import { openCustomerAgreement } from "@accord/core";
import { evidenceDownload } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import type { Route } from "./+types/cases.agreement";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** The case's agreement ("protocole d'accord"): the bytes stored at acceptance, for anyone who sees the case; 404 otherwise. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:read");
  const file = await loadOrRespond(ctx, () => openCustomerAgreement({ ...ctx, input: { reference: args.params.reference }, files: fileStore() }));
  return evidenceDownload(file);
}
