import { openEvidenceFile } from "@accord/core";
import { fileStore } from "@accord/web/uploads";
import { Readable } from "node:stream";
import type { Route } from "./+types/cases.evidence";
import { requireCustomer } from "../.server/actor";
import { contentDisposition } from "../.server/content-disposition";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

/** A shared evidence file of a case the customer may see; 404 for anything else. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireCustomer(args, "case:read");
  try {
    const file = await openEvidenceFile({
      db: args.context.get(dbContext),
      actor,
      input: { reference: (args.params.reference ?? ""), evidenceId: (args.params.evidenceId ?? "") },
      files: fileStore(),
    });
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": contentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}
