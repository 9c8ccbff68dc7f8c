import type { Actor, CustomerActor, Permission, StaffActor } from "@accord/auth";
import { customerAccounts, type DbOrTx } from "@accord/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer, requireStaff } from "../access";
import { AppError } from "../errors";

/**
 * Who manages which account's keys or reason codes: a customer admin their own account (whatever the
 * caller names), a staff member holding `permission` the account named. An unknown or malformed account
 * id is not_found.
 */
export async function accountScope(tx: DbOrTx, actor: Actor | null, permission: Permission, accountId: string | undefined): Promise<{ who: CustomerActor | StaffActor; accountId: string }> {
  if (actor?.kind === "staff") {
    const staff = requireStaff(actor, permission);
    return { who: staff, accountId: await existingAccount(tx, accountId) };
  }
  const customer = requireCustomer(actor, permission);
  return { who: customer, accountId: customer.accountId };
}

/**
 * The reason codes' scope: a customer admin's own account; for staff, the account named, or the
 * administration (null: the mapping valid for every account) when none is named.
 */
export async function reasonCodeScope(tx: DbOrTx, actor: Actor | null, accountId: string | null | undefined): Promise<{ who: CustomerActor | StaffActor; accountId: string | null }> {
  if (actor?.kind === "staff" && (accountId === null || accountId === undefined)) return { who: requireStaff(actor, "reason_codes:manage"), accountId: null };
  return accountScope(tx, actor, "reason_codes:manage", accountId ?? undefined);
}

async function existingAccount(tx: DbOrTx, accountId: string | undefined): Promise<string> {
  const id = z.uuid().safeParse(accountId);
  if (!id.success) throw new AppError("not_found");
  const [row] = await tx.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.id, id.data)).limit(1);
  if (!row) throw new AppError("not_found");
  return row.id;
}

/** Serialises the writers of one scope's reason codes (so the duplicate check holds). */
export async function lockReasonCodes(tx: DbOrTx, accountId: string | null): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`reason-codes:${accountId ?? "administration"}`}, 0))`);
}

/** A uuid or nothing: a malformed id names no row (not_found, never a database error). */
export function rowId(id: string): string {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}
