import { apiIdempotencyKeys, type Db } from "@accord/db";
import { and, eq, lt } from "drizzle-orm";

/** How long a response is kept for its idempotency key (Stripe: 24 h). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type IdempotencyClaim =
  | { state: "new" }
  | { state: "replay"; response: StoredResponse }
  | { state: "in_progress" }
  | { state: "mismatch" };

/**
 * Takes `key` for this principal's request (`requestHash`): "new" when this request is the first
 * (or the key's earlier use expired), "replay" with the first response when the same request was
 * answered, "in_progress" while it is still being handled, "mismatch" for another request.
 * One statement: two concurrent requests cannot both get "new" (unique principal + key).
 */
export async function claimIdempotencyKey({ db, principal, key, requestHash, now }: { db: Db; principal: string; key: string; requestHash: string; now: Date }): Promise<IdempotencyClaim> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);
  const taken = await db
    .insert(apiIdempotencyKeys)
    .values({ principal, key, requestHash, state: "running", createdAt: now })
    .onConflictDoUpdate({
      target: [apiIdempotencyKeys.principal, apiIdempotencyKeys.key],
      set: { requestHash, state: "running", responseStatus: null, responseHeaders: null, responseBody: null, createdAt: now, completedAt: null },
      // An expired key starts again; a live one is left as it is.
      setWhere: lt(apiIdempotencyKeys.createdAt, expired),
    })
    .returning({ id: apiIdempotencyKeys.id });
  if (taken.length > 0) return { state: "new" };
  const [row] = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.principal, principal), eq(apiIdempotencyKeys.key, key)))
    .limit(1);
  // Released between the two statements (the first request failed): the client may try again.
  if (!row) return { state: "in_progress" };
  if (row.requestHash !== requestHash) return { state: "mismatch" };
  if (row.state === "running") return { state: "in_progress" };
  return { state: "replay", response: { status: row.responseStatus ?? 200, headers: row.responseHeaders ?? {}, body: row.responseBody ?? "" } };
}

/** Keeps the first response under its key (a response the client may see again for 24 h). */
export async function completeIdempotencyKey({ db, principal, key, response, now }: { db: Db; principal: string; key: string; response: StoredResponse; now: Date }): Promise<void> {
  await db
    .update(apiIdempotencyKeys)
    .set({ state: "done", responseStatus: response.status, responseHeaders: response.headers, responseBody: response.body, completedAt: now })
    .where(and(eq(apiIdempotencyKeys.principal, principal), eq(apiIdempotencyKeys.key, key), eq(apiIdempotencyKeys.state, "running")));
}

/** Gives the key back after a server error: an error of ours never poisons the client's key. */
export async function releaseIdempotencyKey({ db, principal, key }: { db: Db; principal: string; key: string }): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.principal, principal), eq(apiIdempotencyKeys.key, key), eq(apiIdempotencyKeys.state, "running")));
}
