import { apiKeys, customerUsers } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import type { CreateApiKeyInput } from "./schemas";
import { accountScope, rowId } from "./scope";
import { API_KEY_PREFIX, newSecretKey } from "./secret-key";

export interface CreatedKey {
  id: string;
  name: string;
  /** The whole key: returned this once, never stored nor shown again. */
  key: string;
  prefix: string;
}

const actingUserError = (messageKey: string) => new AppError("validation", { messageKey, fieldErrors: { actingUserId: [messageKey] } });

/**
 * An account's admin (or staff, from the account's page: `accountId`) creates a named API key. The key
 * acts as one active admin or member of the account: the customer admin themselves unless they choose
 * another; staff must choose. Audited in the administrative chain without the key.
 */
export async function createApiKey({ db, actor, input, now, accountId }: UseCaseArgs<CreateApiKeyInput, { accountId?: string }>): Promise<CreatedKey> {
  return db.transaction(async (tx) => {
    const scope = await accountScope(tx, actor, "api_keys:manage", accountId);
    const actingUserId = input.actingUserId ?? (scope.who.kind === "customer" ? scope.who.userId : undefined);
    if (actingUserId === undefined) throw actingUserError("keys.error.actingUserRequired");
    let userId: string;
    try {
      userId = rowId(actingUserId);
    } catch {
      throw actingUserError("keys.error.actingUserInvalid");
    }
    const [user] = await tx
      .select({ id: customerUsers.id, role: customerUsers.role, active: customerUsers.active })
      .from(customerUsers)
      .where(and(eq(customerUsers.id, userId), eq(customerUsers.accountId, scope.accountId)))
      .limit(1);
    // A viewer files nothing, so a key cannot act as one; a deactivated user's keys stop working.
    if (!user || !user.active || user.role === "viewer") throw actingUserError("keys.error.actingUserInvalid");

    const secret = newSecretKey(API_KEY_PREFIX);
    const [row] = await tx
      .insert(apiKeys)
      .values({
        accountId: scope.accountId,
        name: input.name,
        prefix: secret.prefix,
        keyHash: secret.keyHash,
        actingUserId: user.id,
        createdById: scope.who.kind === "staff" ? scope.who.userId : null,
        createdByCustomerId: scope.who.kind === "customer" ? scope.who.userId : null,
        createdAt: now,
      })
      .returning({ id: apiKeys.id });
    await appendAdminEvent(tx, {
      actor: actorRef(scope.who),
      at: now,
      type: "api_key_created",
      payload: { accountId: scope.accountId, keyId: row!.id, name: input.name, prefix: secret.prefix, actingUserId: user.id },
    });
    return { id: row!.id, name: input.name, key: secret.key, prefix: secret.prefix };
  });
}
