import type { Actor } from "@accord/auth";
import { apiKeys, customerUsers, staffUsers, type CustomerRole, type Db } from "@accord/db";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accountScope } from "./scope";

export interface ApiKeyItem {
  id: string;
  name: string;
  prefix: string;
  actingUserName: string | null;
  createdAt: Date;
  /** Who created it: a colleague's or a staff member's name (null for the demo keys). */
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeys {
  keys: ApiKeyItem[];
  /** Whom a new key may act as: the account's active admins and members. */
  actingUsers: { id: string; name: string; role: CustomerRole }[];
}

/** An account's API keys, revoked ones too (after the live ones), for its admin or for staff (`accountId`). */
export async function listApiKeys({ db, actor, accountId }: { db: Db; actor: Actor | null; accountId?: string }): Promise<ApiKeys> {
  return db.transaction(async (tx) => {
    const scope = await accountScope(tx, actor, "api_keys:manage", accountId);
    const acting = alias(customerUsers, "acting");
    const byCustomer = alias(customerUsers, "by_customer");
    const keys = await tx
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        actingUserName: acting.name,
        createdAt: apiKeys.createdAt,
        createdByName: sql<string | null>`coalesce(${byCustomer.name}, ${staffUsers.name})`,
        lastUsedAt: apiKeys.lastUsedAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .leftJoin(acting, eq(acting.id, apiKeys.actingUserId))
      .leftJoin(byCustomer, eq(byCustomer.id, apiKeys.createdByCustomerId))
      .leftJoin(staffUsers, eq(staffUsers.id, apiKeys.createdById))
      .where(eq(apiKeys.accountId, scope.accountId))
      .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt), asc(apiKeys.id));
    const actingUsers = await tx
      .select({ id: customerUsers.id, name: customerUsers.name, role: customerUsers.role })
      .from(customerUsers)
      .where(and(eq(customerUsers.accountId, scope.accountId), eq(customerUsers.active, true), inArray(customerUsers.role, ["admin", "member"])))
      .orderBy(asc(customerUsers.name), asc(customerUsers.id));
    return { keys, actingUsers };
  });
}
