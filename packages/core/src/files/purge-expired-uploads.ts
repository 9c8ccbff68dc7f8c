import { stagedUploads, type Db } from "@accord/db";
import { inArray, lte } from "drizzle-orm";
import type { FileStore } from "./file-store";
import { releaseReferences, removeUnreferencedContents } from "./stored-file-references";

/** graphile-worker task name (the worker runs it every 15 minutes). */
export const PURGE_EXPIRED_UPLOADS_TASK = "purge_expired_uploads";
const BATCH = 500;
/** Temporary files older than this are leftovers of interrupted uploads. */
export const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the staged uploads that expired without being attached, in batches: each batch deletes
 * them and releases their references in one transaction, then, after the commit, removes the bytes
 * of contents nothing uses any more (a content still used by evidence or another staged upload stays).
 * Also clears the store's temporary files left by interrupted uploads.
 */
export async function purgeExpiredUploads({
  db,
  store,
  now,
}: {
  db: Db;
  store: FileStore;
  now: Date;
}): Promise<{ purgedUploads: number; removedFiles: number; removedTemps: number }> {
  let purgedUploads = 0;
  let removedFiles = 0;
  for (;;) {
    const { count, released } = await db.transaction(async (tx) => {
      const expired = tx
        .select({ id: stagedUploads.id })
        .from(stagedUploads)
        .where(lte(stagedUploads.expiresAt, now))
        .orderBy(stagedUploads.expiresAt)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      const rows = await tx
        .delete(stagedUploads)
        .where(inArray(stagedUploads.id, expired))
        .returning({ sha256: stagedUploads.sha256 });
      return { count: rows.length, released: await releaseReferences(tx, rows.map((r) => r.sha256)) };
    });
    purgedUploads += count;
    removedFiles += await removeUnreferencedContents(db, store, released);
    if (count < BATCH) break;
  }
  const removedTemps = await store.removeStaleTemps(new Date(now.getTime() - STALE_TEMP_MS));
  return { purgedUploads, removedFiles, removedTemps };
}
