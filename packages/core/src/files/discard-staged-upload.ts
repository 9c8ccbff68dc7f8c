import type { Actor } from "@accord/auth";
import { stagedUploads, type Db } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import type { FileStore } from "./file-store";
import { releaseReferences, removeUnreferencedContents } from "./stored-file-references";

export const discardStagedUploadSchema = z.object({ uploadId: z.uuid() });

/**
 * The uploader takes back one of their staged files (the remove button next to it). Its reference on
 * the stored content is released; the bytes go when nothing else uses them. Someone else's upload,
 * or one already attached or expired and purged, is `not_found`.
 */
export async function discardStagedUpload({
  db,
  actor,
  input,
  store,
}: {
  db: Db;
  actor: Actor;
  input: { uploadId: string };
  store: FileStore;
  now?: Date;
}): Promise<void> {
  const parsed = discardStagedUploadSchema.safeParse(input);
  if (!parsed.success) throw new AppError("not_found");
  const released = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(stagedUploads)
      .where(
        and(
          eq(stagedUploads.id, parsed.data.uploadId),
          eq(stagedUploads.uploaderKind, actor.kind),
          eq(stagedUploads.uploaderId, actor.userId),
        ),
      )
      .returning({ sha256: stagedUploads.sha256 });
    if (!row) throw new AppError("not_found");
    return releaseReferences(tx, [row.sha256]);
  });
  await removeUnreferencedContents(db, store, released);
}
