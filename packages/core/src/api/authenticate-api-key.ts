import { hashToken, loadCustomerActor, type CustomerActor } from "@accord/auth";
import { apiKeys, integrationKeys, type Db } from "@accord/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";

/** Who calls the public API: a company's key acting as its user, or a staff integration key. */
export type ApiPrincipal =
  | { kind: "customer"; keyId: string; principal: string; accountId: string; actor: CustomerActor }
  | { kind: "integration"; keyId: string; principal: string; scopes: string[] };

export type ApiKeyRefusal = "key_invalid" | "key_without_user" | "acting_user_inactive";

/** `last_used_at` is written at most once a minute per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal behind an API key (`Authorization: Bearer <key>`), looked up by the hex SHA-256 of
 * the whole key among the companies' keys, then the integration keys. A revoked or unknown key, a
 * key whose acting user is gone or deactivated, is refused (the caller answers 401). A customer key
 * yields its acting user's `CustomerActor`, so every use case applies that user's rights unchanged.
 */
export async function authenticateApiKey({ db, key, now }: { db: Db; key: string; now: Date }): Promise<{ ok: true; principal: ApiPrincipal } | { ok: false; reason: ApiKeyRefusal }> {
  const keyHash = hashToken(key);
  const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  const [customerKey] = await db
    .select({ id: apiKeys.id, accountId: apiKeys.accountId, actingUserId: apiKeys.actingUserId, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  if (customerKey) {
    if (customerKey.revokedAt) return { ok: false, reason: "key_invalid" };
    if (!customerKey.actingUserId) return { ok: false, reason: "key_without_user" };
    const actor = await loadCustomerActor(db, customerKey.actingUserId);
    // A user moved to another company no longer speaks for this key's company.
    if (!actor || actor.accountId !== customerKey.accountId) return { ok: false, reason: "acting_user_inactive" };
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, customerKey.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
    return { ok: true, principal: { kind: "customer", keyId: customerKey.id, principal: `api_key:${customerKey.id}`, accountId: customerKey.accountId, actor } };
  }
  const [integrationKey] = await db
    .select({ id: integrationKeys.id, scopes: integrationKeys.scopes, revokedAt: integrationKeys.revokedAt })
    .from(integrationKeys)
    .where(eq(integrationKeys.keyHash, keyHash))
    .limit(1);
  if (!integrationKey || integrationKey.revokedAt) return { ok: false, reason: "key_invalid" };
  await db
    .update(integrationKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(integrationKeys.id, integrationKey.id), or(isNull(integrationKeys.lastUsedAt), lt(integrationKeys.lastUsedAt, stale))));
  return { ok: true, principal: { kind: "integration", keyId: integrationKey.id, principal: `integration_key:${integrationKey.id}`, scopes: integrationKey.scopes } };
}
