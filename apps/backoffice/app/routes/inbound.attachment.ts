import { openInboundAttachment } from "@accord/core";
import { evidenceDownload } from "@accord/web/evidence-download";
import { fileStore } from "@accord/web/uploads";
import type { Route } from "./+types/inbound.attachment";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** A file of a quarantined e-mail, downloaded as an attachment (nosniff); 404 for anything else. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "inbound:triage");
  const file = await loadOrRespond(ctx, () => openInboundAttachment({ ...ctx, input: { id: args.params.id, index: Number(args.params.index) }, files: fileStore() }));
  return evidenceDownload(file);
}
