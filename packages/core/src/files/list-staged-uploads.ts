import type { Actor } from "@accord/auth";
import { stagedUploads, type DbOrTx } from "@accord/db";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { z } from "zod";

const uuid = z.uuid();

/**
 * The actor's own staged uploads among `uploadIds` that have not expired, in the order given: what a
 * form re-rendered after a refused submission shows again (ids that are someone else's, unknown or
 * expired are left out; attaching them would be refused anyway).
 */
export async function listStagedUploads({
  db,
  actor,
  uploadIds,
  now,
}: {
  db: DbOrTx;
  actor: Actor;
  uploadIds: readonly string[];
  now: Date;
}): Promise<{ id: string; fileName: string; sizeBytes: number; contentType: string }[]> {
  const ids = [...new Set(uploadIds)].filter((id) => uuid.safeParse(id).success);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: stagedUploads.id, fileName: stagedUploads.fileName, sizeBytes: stagedUploads.sizeBytes, contentType: stagedUploads.contentType })
    .from(stagedUploads)
    .where(
      and(
        inArray(stagedUploads.id, ids),
        eq(stagedUploads.uploaderKind, actor.kind),
        eq(stagedUploads.uploaderId, actor.userId),
        gt(stagedUploads.expiresAt, now),
      ),
    )
    .orderBy(asc(stagedUploads.createdAt), asc(stagedUploads.id));
  // In the order the form gave them.
  return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}
