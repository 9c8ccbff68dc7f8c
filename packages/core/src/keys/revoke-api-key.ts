import { apiKeys } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import type { KeyTargetInput } from "./schemas";
import { accountScope, rowId } from "./scope";

/**
 * Revokes one of the account's API keys (it stays listed, with its revocation date). Another account's
 * key is not_found; revoking a revoked key changes nothing.
 */
export async function revokeApiKey({ db, actor, input, now, accountId }: UseCaseArgs<KeyTargetInput, { accountId?: string }>): Promise<{ id: string; name: string; revoked: boolean }> {
  return db.transaction(async (tx) => {
    const scope = await accountScope(tx, actor, "api_keys:manage", accountId);
    const [key] = await tx
      .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, rowId(input.keyId)), eq(apiKeys.accountId, scope.accountId)))
      .for("update")
      .limit(1);
    if (!key) throw new AppError("not_found");
    if (key.revokedAt) return { id: key.id, name: key.name, revoked: false };
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id));
    await appendAdminEvent(tx, { actor: actorRef(scope.who), at: now, type: "api_key_revoked", payload: { accountId: scope.accountId, keyId: key.id, name: key.name, prefix: key.prefix } });
    return { id: key.id, name: key.name, revoked: true };
  });
}
