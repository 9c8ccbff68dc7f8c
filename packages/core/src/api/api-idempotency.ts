import { apiIdempotencyKeys, type Db } from "@accord/db";
import { and, eq, lt, or, sql } from "drizzle-orm";

/** How long a response is kept for its idempotency key (Stripe: 24 h). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * How long a request may hold its key "running" (ADR 0041). The body is read before the key is taken,
 * so the hold only covers the use case (seconds); past it, the process that took the key is taken for
 * dead (kill -9, lost host) and the same request may take the key again instead of a 409 for 24 h.
 */
export const IDEMPOTENCY_KEY_LEASE_MS = 30 * 1000;

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
 * A key left "running" past the lease by a process that died is taken again by the same request
 * ("new"); the taker's `now` becomes the key's `created_at`, the token that `completeIdempotencyKey`
 * and `releaseIdempotencyKey` match, so a late first request can no longer overwrite the retry's answer.
 */
export async function claimIdempotencyKey({ db, principal, key, requestHash, now }: { db: Db; principal: string; key: string; requestHash: string; now: Date }): Promise<IdempotencyClaim> {
  const expired = new Date(now.getTime() - IDEMPOTENCY_KEY_LIFETIME_MS);
  const abandoned = new Date(now.getTime() - IDEMPOTENCY_KEY_LEASE_MS);
  const taken = await db
    .insert(apiIdempotencyKeys)
    .values({ principal, key, requestHash, state: "running", createdAt: now })
    .onConflictDoUpdate({
      target: [apiIdempotencyKeys.principal, apiIdempotencyKeys.key],
      set: { requestHash, state: "running", responseStatus: null, responseHeaders: null, responseBody: null, createdAt: now, completedAt: null },
      // An expired key starts again, and so does the same request whose first run died mid-way;
      // a live one is left as it is.
      setWhere: or(
        lt(apiIdempotencyKeys.createdAt, expired),
        and(eq(apiIdempotencyKeys.state, "running"), lt(apiIdempotencyKeys.createdAt, abandoned), eq(apiIdempotencyKeys.requestHash, sql`excluded.request_hash`)),
      ),
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

/** Which run holds the key: with `claimedAt` (the `now` it was claimed with), only that run's. */
const heldBy = (principal: string, key: string, claimedAt: Date | undefined) =>
  and(eq(apiIdempotencyKeys.principal, principal), eq(apiIdempotencyKeys.key, key), eq(apiIdempotencyKeys.state, "running"), claimedAt ? eq(apiIdempotencyKeys.createdAt, claimedAt) : undefined);

/**
 * Keeps the first response under its key (a response the client may see again for 24 h). Give the
 * `claimedAt` of the claim: a run whose key was taken over after its lease then stores nothing.
 */
export async function completeIdempotencyKey({ db, principal, key, response, now, claimedAt }: { db: Db; principal: string; key: string; response: StoredResponse; now: Date; claimedAt?: Date }): Promise<void> {
  await db
    .update(apiIdempotencyKeys)
    .set({ state: "done", responseStatus: response.status, responseHeaders: response.headers, responseBody: response.body, completedAt: now })
    .where(heldBy(principal, key, claimedAt));
}

/** Gives the key back after a server error: an error of ours never poisons the client's key. */
export async function releaseIdempotencyKey({ db, principal, key, claimedAt }: { db: Db; principal: string; key: string; claimedAt?: Date }): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(heldBy(principal, key, claimedAt));
}
