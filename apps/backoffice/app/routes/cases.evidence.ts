import { openStaffEvidenceFile } from "@accord/core";
import { fileStore } from "@accord/web/uploads";
import { Readable } from "node:stream";
import type { Route } from "./+types/cases.evidence";
import { requireStaff } from "../.server/actor";
import { dbContext } from "../.server/db";
import { throwAsResponse } from "../.server/errors";
import { translator } from "../.server/i18n";

/** `attachment` with an ASCII fallback and the exact name (RFC 6266 / 5987): no name can break the header. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A file of a case (shared or internal) for staff who may see the case; 404 for anything else. */
export async function loader(args: Route.LoaderArgs) {
  const actor = await requireStaff(args, "case:read");
  try {
    const file = await openStaffEvidenceFile({
      db: args.context.get(dbContext),
      actor,
      input: { reference: args.params.reference ?? "", evidenceId: args.params.evidenceId ?? "" },
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
