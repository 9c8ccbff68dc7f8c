import { Readable } from "node:stream";
import { evidence, type InboundAttachment, type Tx } from "@accord/db";
import { detectContentType } from "../files/detect-content-type";
import type { FileStore } from "../files/file-store";
import { displayFileName } from "../files/stage-upload";
import { addReference, lockContent } from "../files/stored-file-references";
import type { InboundFile } from "./parse-inbound-email";

/** An attachment written to the store's temporary area, not yet referenced (ADR 0009, 0036). */
export interface StagedInboundFile extends InboundAttachment {
  tempKey: string;
}

export type StageInboundFilesResult = { ok: true; files: StagedInboundFile[] } | { ok: false; tooLarge: { name: string; maxBytes: number } };

/**
 * Writes every attachment to the store's temporary area (hashing it), and reads its type from its
 * content. A file the upload form would refuse (an unknown or disguised type) is still kept — the
 * customer's message must not lose a piece — as `application/octet-stream`, downloaded as an
 * attachment like every evidence file. One file over `maxBytes` refuses the message: nothing is kept.
 */
export async function stageInboundFiles(store: FileStore, files: readonly InboundFile[], maxBytes: number): Promise<StageInboundFilesResult> {
  const staged: StagedInboundFile[] = [];
  try {
    for (const file of files) {
      const name = displayFileName(file.name);
      const written = await store.writeTemp(Readable.from([file.content]), { maxBytes });
      if (!written.ok) {
        await discardStagedFiles(store, staged);
        return { ok: false, tooLarge: { name, maxBytes } };
      }
      staged.push({ tempKey: written.tempKey, sha256: written.sha256, size: written.sizeBytes, name, type: "application/octet-stream" });
      const detected = written.sizeBytes > 0 ? await detectContentType(() => store.openTemp(written.tempKey), name) : { ok: false as const };
      if (detected.ok) staged[staged.length - 1]!.type = detected.contentType;
    }
    return { ok: true, files: staged };
  } catch (error) {
    await discardStagedFiles(store, staged);
    throw error;
  }
}

/** Takes one reference per file on its stored content, in the caller's transaction. */
export async function referenceInboundFiles(tx: Tx, files: readonly StagedInboundFile[], now: Date): Promise<void> {
  for (const file of [...files].sort((a, b) => a.sha256.localeCompare(b.sha256))) {
    await lockContent(tx, file.sha256);
    await addReference(tx, { sha256: file.sha256, sizeBytes: file.size, contentType: file.type, now });
  }
}

/** After the commit: the bytes move into the store (whoever removes unreferenced bytes sees our rows). */
export async function commitStagedFiles(store: FileStore, files: readonly StagedInboundFile[]): Promise<void> {
  for (const file of files) await store.commit(file.tempKey, file.sha256);
}

export async function discardStagedFiles(store: FileStore, files: readonly StagedInboundFile[]): Promise<void> {
  for (const file of files) await store.removeTemp(file.tempKey).catch(() => {});
}

/** Evidence rows for referenced contents (each row holds the reference taken for it). */
export async function insertInboundEvidence(
  tx: Tx,
  options: { caseId: string; messageId: string | null; files: readonly InboundAttachment[]; uploaderId: string; now: Date },
): Promise<{ id: string; fileName: string }[]> {
  if (options.files.length === 0) return [];
  return tx
    .insert(evidence)
    .values(
      options.files.map((file) => ({
        caseId: options.caseId,
        messageId: options.messageId,
        sha256: file.sha256,
        sizeBytes: file.size,
        contentType: file.type,
        fileName: file.name,
        uploadedByKind: "customer" as const,
        uploadedById: options.uploaderId,
        visibility: "public" as const,
        createdAt: options.now,
      })),
    )
    .returning({ id: evidence.id, fileName: evidence.fileName });
}

export function attachmentRefs(files: readonly StagedInboundFile[]): InboundAttachment[] {
  return files.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 }));
}
