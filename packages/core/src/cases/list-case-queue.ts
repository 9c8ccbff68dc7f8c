import { cases, customerAccounts, staffUsers, type CasePriority, type CaseStatus, type CaseType, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, eq, notInArray, sql } from "drizzle-orm";
import { requireStaff } from "../access";

/** Terminal statuses never sit in the queue. */
const TERMINAL: CaseStatus[] = ["closed", "withdrawn", "rejected", "duplicate"];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

export interface CaseQueueItem {
  id: string;
  reference: string;
  title: string;
  status: CaseStatus;
  type: CaseType;
  priority: CasePriority;
  accountName: string;
  assigneeName: string | null;
  nextSlaAt: Date | null;
  resolutionDueAt: Date | null;
  receivedAt: Date;
}

/**
 * The back-office queue: open cases, the most urgent SLA instant first (cases
 * without one last, oldest first). Staff who read every case see them all; a
 * mediator sees only the cases they mediate (none until mediation exists).
 */
export async function listCaseQueue({
  db,
  actor,
  input = {},
}: {
  db: Db;
  actor: Actor | null;
  input?: { limit?: number };
  now?: Date;
}): Promise<{ cases: CaseQueueItem[] }> {
  const staff = requireStaff(actor, "case:read");
  // Every staff role reads every case except the mediator, who sees only the
  // cases they mediate (none until mediation lands).
  if (staff.roles.every((role) => role === "mediator")) return { cases: [] };
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);

  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        title: cases.title,
        status: cases.status,
        type: cases.type,
        priority: cases.priority,
        accountName: customerAccounts.name,
        assigneeName: staffUsers.name,
        nextSlaAt: cases.nextSlaAt,
        resolutionDueAt: cases.resolutionDueAt,
        receivedAt: cases.receivedAt,
      })
      .from(cases)
      .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
      .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId))
      .where(notInArray(cases.status, TERMINAL))
      .orderBy(sql`${cases.nextSlaAt} asc nulls last`, asc(cases.receivedAt), asc(cases.id))
      .limit(limit);
    return { cases: rows };
  });
}
