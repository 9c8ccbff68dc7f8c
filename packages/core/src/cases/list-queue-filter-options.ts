import type { Actor } from "@accord/auth";
import { customerAccounts, rootCauses, staffUsers, teams, type DbOrTx } from "@accord/db";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";

export interface QueueFilterOptions {
  teams: { id: string; name: string }[];
  assignees: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
  /** The root-cause taxonomy in its order, labelled in the user's language (retired causes too: ended cases carry them). */
  rootCauses: { code: string; label: string }[];
}

/** The choices of the queue's filter form: teams, active staff, customer accounts (by name) and root causes. */
export async function listQueueFilterOptions({
  db,
  actor,
  language = "fr",
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  now?: Date;
  language?: "fr" | "en";
}): Promise<QueueFilterOptions> {
  requireStaff(actor, "case:read");
  const [teamRows, staffRows, accountRows, causeRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)),
    db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name), asc(staffUsers.id)),
    db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name), asc(customerAccounts.id)),
    db
      .select({ code: rootCauses.code, labelFr: rootCauses.labelFr, labelEn: rootCauses.labelEn })
      .from(rootCauses)
      .orderBy(asc(rootCauses.position), asc(rootCauses.code)),
  ]);
  return {
    teams: teamRows,
    assignees: staffRows,
    accounts: accountRows,
    rootCauses: causeRows.map((cause) => ({ code: cause.code, label: language === "en" ? cause.labelEn : cause.labelFr })),
  };
}
