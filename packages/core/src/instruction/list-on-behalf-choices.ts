import type { Actor } from "@accord/auth";
import { customerAccounts, customerUsers, type Db } from "@accord/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { listClaimableInvoices, type ClaimableInvoice } from "../claims/list-claimable-invoices";

/**
 * What the back-office "open a case on behalf" page offers: the customer accounts, then the
 * contacts of the chosen account who may file (admins and members, active) and its invoices.
 */
export async function listOnBehalfChoices({ db, actor, input }: { db: Db; actor: Actor | null; input: { accountId?: string | null } }): Promise<{
  accounts: { id: string; name: string }[];
  account: { id: string; name: string } | null;
  contacts: { id: string; name: string; email: string }[];
  invoices: ClaimableInvoice[];
}> {
  requireStaff(actor, "case:create");
  const accounts = await db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name)).limit(1000);
  const accountId = input.accountId && z.uuid().safeParse(input.accountId).success ? input.accountId : null;
  const account = accounts.find((a) => a.id === accountId) ?? null;
  if (!account) return { accounts, account: null, contacts: [], invoices: [] };
  const contacts = await db
    .select({ id: customerUsers.id, name: customerUsers.name, email: customerUsers.email })
    .from(customerUsers)
    .where(and(eq(customerUsers.accountId, account.id), eq(customerUsers.active, true), inArray(customerUsers.role, ["admin", "member"])))
    .orderBy(asc(customerUsers.name));
  const invoices = await listClaimableInvoices({ db, actor, input: { accountId: account.id } });
  return { accounts, account, contacts, invoices };
}
