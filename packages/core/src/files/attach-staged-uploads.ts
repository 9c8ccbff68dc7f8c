import { evidence, stagedUploads, type Tx, type Visibility } from "@accord/db";
import { and, eq, gt, inArray } from "drizzle-orm";
import { AppError } from "../errors";
import type { ActorRef } from "../audit/actor-ref";

/**
 * Turns the uploader's own staged uploads into evidence of a case, in the caller's transaction.
 * The staged upload's reference on its stored file moves to the evidence row (the count does not
 * change). An id that is not the uploader's, unknown or expired is refused with a validation error
 * on `field`, and nothing is attached.
 */
export async function attachStagedUploads(
  tx: Tx,
  options: {
    uploadIds: readonly string[];
    uploader: ActorRef & { id: string };
    caseId: string;
    visibility: Visibility;
    now: Date;
    messageId?: string | null;
    evidenceRequestId?: string | null;
    field?: string;
  },
): Promise<{ id: string; fileName: string; sha256: string }[]> {
  const ids = [...new Set(options.uploadIds)];
  if (ids.length === 0) return [];
  const staged = await tx
    .select()
    .from(stagedUploads)
    .where(
      and(
        inArray(stagedUploads.id, ids),
        eq(stagedUploads.uploaderKind, options.uploader.kind === "staff" ? "staff" : "customer"),
        eq(stagedUploads.uploaderId, options.uploader.id),
        gt(stagedUploads.expiresAt, options.now),
      ),
    )
    .for("update");
  if (staged.length !== ids.length) {
    throw new AppError("validation", { messageKey: "uploads.error.expired", fieldErrors: { [options.field ?? "uploads"]: ["uploads.error.expired"] } });
  }
  await tx.delete(stagedUploads).where(inArray(stagedUploads.id, ids));
  const rows = await tx
    .insert(evidence)
    .values(
      staged.map((s) => ({
        caseId: options.caseId,
        messageId: options.messageId ?? null,
        evidenceRequestId: options.evidenceRequestId ?? null,
        sha256: s.sha256,
        sizeBytes: s.sizeBytes,
        contentType: s.contentType,
        fileName: s.fileName,
        uploadedByKind: options.uploader.kind,
        uploadedById: options.uploader.id,
        visibility: options.visibility,
        createdAt: options.now,
      })),
    )
    .returning({ id: evidence.id, fileName: evidence.fileName, sha256: evidence.sha256 });
  return rows;
}
