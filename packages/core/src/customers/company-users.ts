import { customerUsers, type CustomerRole, type DbOrTx } from "@accord/db";
import { CUSTOMER_ROLES } from "@accord/domain";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import { singleLine } from "../single-line";

/**
 * Shared by the company-user use cases (list, invite, role, deactivate): the account's lock,
 * the scoped lookup, and the "never without an active admin" count.
 */
export const NAME_MAX_LENGTH = 200;

export const personNameSchema = singleLine(z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(NAME_MAX_LENGTH, "validation.tooLong"));

export const customerRoleSchema = z.enum(CUSTOMER_ROLES, { error: "company.errors.roleInvalid" });

export const userIdSchema = z.uuid({ error: "error.not_found" });

/** Serialises user changes within one account, so two admins cannot each demote the other. */
export async function lockAccountUsers(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`customer-users:${accountId}`}, 0))`);
}

/** A user of this account; anyone else's user (or an unknown id) is not_found, never forbidden. */
export async function findAccountUser(tx: DbOrTx, accountId: string, userId: string) {
  const parsed = userIdSchema.safeParse(userId);
  if (!parsed.success) throw new AppError("not_found");
  const [user] = await tx
    .select({
      id: customerUsers.id,
      email: customerUsers.email,
      name: customerUsers.name,
      role: customerUsers.role,
      active: customerUsers.active,
    })
    .from(customerUsers)
    .where(and(eq(customerUsers.id, parsed.data), eq(customerUsers.accountId, accountId)))
    .limit(1);
  if (!user) throw new AppError("not_found");
  return user;
}

/** Active admins of the account other than `exceptUserId`. */
export async function otherActiveAdmins(tx: DbOrTx, accountId: string, exceptUserId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(customerUsers)
    .where(
      and(
        eq(customerUsers.accountId, accountId),
        eq(customerUsers.role, "admin" satisfies CustomerRole),
        eq(customerUsers.active, true),
        ne(customerUsers.id, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}
