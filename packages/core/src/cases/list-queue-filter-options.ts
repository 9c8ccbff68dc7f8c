import type { Actor } from "@accord/auth";
import { customerAccounts, rootCauses, staffUsers, teams, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
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
  // One statement, one round trip, for the four lists (ADR 0046): each ordered as the form shows it.
  const [row] = await db.execute<{
    teams: { id: string; name: string }[];
    assignees: { id: string; name: string }[];
    accounts: { id: string; name: string }[];
    causes: { code: string; labelFr: string; labelEn: string }[];
  }>(sql`
    select
      (select coalesce(json_agg(json_build_object('id', ${teams.id}, 'name', ${teams.name}) order by ${teams.name}, ${teams.id}), '[]') from ${teams}) as teams,
      (select coalesce(json_agg(json_build_object('id', ${staffUsers.id}, 'name', ${staffUsers.name}) order by ${staffUsers.name}, ${staffUsers.id}), '[]')
         from ${staffUsers} where ${staffUsers.active}) as assignees,
      (select coalesce(json_agg(json_build_object('id', ${customerAccounts.id}, 'name', ${customerAccounts.name}) order by ${customerAccounts.name}, ${customerAccounts.id}), '[]')
         from ${customerAccounts}) as accounts,
      (select coalesce(json_agg(json_build_object('code', ${rootCauses.code}, 'labelFr', ${rootCauses.labelFr}, 'labelEn', ${rootCauses.labelEn}) order by ${rootCauses.position}, ${rootCauses.code}), '[]')
         from ${rootCauses}) as causes`);
  const { teams: teamRows, assignees: staffRows, accounts: accountRows, causes: causeRows } = row!;
  return {
    teams: teamRows,
    assignees: staffRows,
    accounts: accountRows,
    rootCauses: causeRows.map((cause) => ({ code: cause.code, label: language === "en" ? cause.labelEn : cause.labelFr })),
  };
}
