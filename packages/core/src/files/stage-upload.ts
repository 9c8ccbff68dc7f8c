import type { Actor } from "@accord/auth";
import { stagedUploads, type Db } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import { detectContentType } from "./detect-content-type";
import { StoreFullError, type FileStore } from "./file-store";
import { addReference, lockContent, releaseReferences } from "./stored-file-references";
import { canUpload } from "./upload-access";

/** A staged upload that is never attached expires after this long, then the worker removes it. */
export const STAGED_UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;
export const FILE_NAME_MAX_LENGTH = 255;

export const stageUploadSchema = z.object({
  /** A temporary file of the store (FileStore.writeTemp). */
  tempKey: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().min(0),
  /** The name the user gave; kept for display only, never used as a path. */
  fileName: z.string(),
});
export type StageUploadInput = z.infer<typeof stageUploadSchema>;

export interface StagedUpload {
  id: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
  expiresAt: Date;
}

/**
 * The name as shown: its last path segment (browsers may send "C:\fakepath\x.pdf"), without control
 * characters, trimmed, at most 255 characters (the extension kept).
 */
export function displayFileName(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .normalize("NFC");
  if (base.length <= FILE_NAME_MAX_LENGTH) return base || "fichier";
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 16 ? base.slice(dot) : "";
  return base.slice(0, FILE_NAME_MAX_LENGTH - extension.length) + extension;
}

/**
 * Registers a file that was streamed to the store's temporary area: checks its type from its content,
 * then, in one transaction, takes a reference on the stored content (`stored_files`) and records the
 * staged upload (the actor's, for 24 h); then moves the bytes into the store. A refused file
 * (`uploads.error.type` or `uploads.error.empty`, with the file name) leaves nothing behind: its
 * temporary file is removed, whatever went wrong.
 */
export async function stageUpload({
  db,
  actor,
  input,
  store,
  now,
}: {
  db: Db;
  actor: Actor;
  input: StageUploadInput;
  store: FileStore;
  now: Date;
}): Promise<StagedUpload> {
  let committed = false;
  const tempKey = input.tempKey;
  try {
    if (!canUpload(actor)) throw new AppError("forbidden");
    const fileName = displayFileName(input.fileName);
    const params = { fileName };
    if (input.sizeBytes === 0) throw new AppError("validation", { messageKey: "uploads.error.empty", params });
    const detected = await detectContentType(() => store.openTemp(tempKey), fileName);
    if (!detected.ok) throw new AppError("validation", { messageKey: "uploads.error.type", params });

    const { sha256, sizeBytes } = input;
    const expiresAt = new Date(now.getTime() + STAGED_UPLOAD_LIFETIME_MS);
    const row = await db.transaction(async (tx) => {
      await lockContent(tx, sha256);
      await addReference(tx, { sha256, sizeBytes, contentType: detected.contentType, now });
      const [inserted] = await tx
        .insert(stagedUploads)
        .values({
          uploaderKind: actor.kind,
          uploaderId: actor.userId,
          accountId: actor.kind === "customer" ? actor.accountId : null,
          sha256,
          fileName,
          contentType: detected.contentType,
          sizeBytes,
          expiresAt,
          createdAt: now,
        })
        .returning();
      return inserted!;
    });
    // After the commit: whoever removes unreferenced bytes takes the same lock and sees our row.
    try {
      await store.commit(tempKey, sha256);
    } catch (error) {
      // A disk out of space (or inodes) for the content's folder: the rows just written go again, so
      // no row ever names bytes that are not there.
      if (error instanceof StoreFullError) {
        await db.transaction(async (tx) => {
          await lockContent(tx, sha256);
          await tx.delete(stagedUploads).where(eq(stagedUploads.id, row.id));
          await releaseReferences(tx, [sha256]);
        });
      }
      throw error;
    }
    committed = true;
    return { id: row.id, fileName, sizeBytes, contentType: row.contentType, sha256, expiresAt };
  } finally {
    if (!committed) await store.removeTemp(tempKey).catch(() => {});
  }
}
