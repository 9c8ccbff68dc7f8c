import type { Actor } from "@accord/auth";
import { customerAccounts, staffUsers, teams, type DbOrTx } from "@accord/db";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";

export interface QueueFilterOptions {
  teams: { id: string; name: string }[];
  assignees: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
}

/** The choices of the queue's filter form: teams, active staff and customer accounts, by name. */
export async function listQueueFilterOptions({ db, actor }: { db: DbOrTx; actor: Actor | null | undefined; now?: Date }): Promise<QueueFilterOptions> {
  requireStaff(actor, "case:read");
  const [teamRows, staffRows, accountRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name), asc(staffUsers.id)),
    db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name), asc(customerAccounts.id)),
  ]);
  return { teams: teamRows, assignees: staffRows, accounts: accountRows };
}
