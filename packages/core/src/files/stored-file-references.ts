import { evidence, stagedUploads, storedFiles, type Db, type Tx } from "@accord/db";
import { and, eq, inArray, notExists, sql } from "drizzle-orm";
import type { FileStore } from "./file-store";

/**
 * The reference counting of stored contents, shared by the upload use cases.
 *
 * Adding a reference (stageUpload) and removing unreferenced bytes both hold a transaction-level
 * advisory lock on the content's hash, so bytes are never removed while another upload of the same
 * content is being registered: whoever comes second sees the other's committed state.
 */
export async function lockContent(tx: Tx, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`stored_file:${sha256}`}, 0))`);
}

/** One reference more on a content (the row is created with its first reference). */
export async function addReference(tx: Tx, file: { sha256: string; sizeBytes: number; contentType: string; now: Date }): Promise<void> {
  await tx
    .insert(storedFiles)
    .values({ sha256: file.sha256, sizeBytes: file.sizeBytes, contentType: file.contentType, refCount: 1, createdAt: file.now })
    .onConflictDoUpdate({ target: storedFiles.sha256, set: { refCount: sql`${storedFiles.refCount} + 1` } });
}

/**
 * Drops one reference per entry of `sha256s` (a hash listed twice loses two), then deletes the rows
 * left at zero that nothing uses any more. Returns the hashes whose rows were deleted: their bytes are
 * to be removed with `removeUnreferencedContents`, AFTER the caller's transaction commits.
 */
export async function releaseReferences(tx: Tx, sha256s: readonly string[]): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const sha256 of sha256s) counts.set(sha256, (counts.get(sha256) ?? 0) + 1);
  if (counts.size === 0) return [];
  // A stable order keeps two concurrent releases from deadlocking on each other's rows.
  for (const [sha256, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    await tx
      .update(storedFiles)
      .set({ refCount: sql`greatest(${storedFiles.refCount} - ${count}, 0)` })
      .where(eq(storedFiles.sha256, sha256));
  }
  const deleted = await tx
    .delete(storedFiles)
    .where(
      and(
        inArray(storedFiles.sha256, [...counts.keys()]),
        eq(storedFiles.refCount, 0),
        notExists(tx.select({ one: sql`1` }).from(evidence).where(eq(evidence.sha256, storedFiles.sha256))),
        notExists(tx.select({ one: sql`1` }).from(stagedUploads).where(eq(stagedUploads.sha256, storedFiles.sha256))),
      ),
    )
    .returning({ sha256: storedFiles.sha256 });
  return deleted.map((row) => row.sha256);
}

/**
 * Removes the bytes of contents whose rows are gone. Each removal holds the content's lock and
 * re-checks that no row came back meanwhile (the same content uploaded again). Returns how many were
 * removed.
 */
export async function removeUnreferencedContents(db: Db, store: FileStore, sha256s: readonly string[]): Promise<number> {
  let removed = 0;
  for (const sha256 of new Set(sha256s)) {
    await db.transaction(async (tx) => {
      await lockContent(tx, sha256);
      const [row] = await tx.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(eq(storedFiles.sha256, sha256));
      if (row) return;
      await store.remove(sha256);
      removed += 1;
    });
  }
  return removed;
}
