import { customerAccounts, customerUsers, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { qualified } from "../qualified-column";

/** Customer accounts by name, with their number of active users. */
export async function listCustomerAccounts({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:users");
  return db
    .select({
      id: customerAccounts.id,
      name: customerAccounts.name,
      siren: customerAccounts.siren,
      erpCode: customerAccounts.erpCode,
      tier: customerAccounts.tier,
      paymentTerm: customerAccounts.paymentTerm,
      users: sql<number>`(select count(*)::int from ${customerUsers} where ${customerUsers.accountId} = ${qualified(customerAccounts.id)} and ${customerUsers.active})`,
    })
    .from(customerAccounts)
    .orderBy(asc(customerAccounts.name));
}
