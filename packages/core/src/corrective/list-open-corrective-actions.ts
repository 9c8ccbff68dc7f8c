import { cases, correctiveActions, customerAccounts, staffUsers } from "@accord/db";
import { isOverdue, localDate } from "@accord/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { staffCaseScope } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { CORRECTIVE_TIME_ZONE } from "./get-case-corrective-actions";
import type { ListOpenCorrectiveActionsInput } from "./schemas";

/** The page shows at most this many open actions (the oldest due dates first). */
export const OPEN_ACTIONS_LIMIT = 500;

/**
 * The « Actions correctives » page: every open corrective action, overdue ones first, then by owner and
 * due date; "mine" keeps those the signed-in staff member owns. A mediator sees only the actions of the
 * cases they mediate, as everywhere else. Runs on the partial indexes of open actions (owner, due date).
 */
export async function listOpenCorrectiveActions({ db, actor, input, now }: UseCaseArgs<ListOpenCorrectiveActionsInput>) {
  const staff = requireStaff(actor, "case:read");
  const today = localDate(now, CORRECTIVE_TIME_ZONE);
  const rows = await db
    .select({
      id: correctiveActions.id,
      title: correctiveActions.title,
      dueDate: correctiveActions.dueDate,
      status: correctiveActions.status,
      rootCauseCode: correctiveActions.rootCauseCode,
      ownerId: correctiveActions.ownerId,
      ownerName: staffUsers.name,
      reference: cases.reference,
      caseTitle: cases.title,
      accountName: customerAccounts.name,
    })
    .from(correctiveActions)
    .innerJoin(staffUsers, eq(staffUsers.id, correctiveActions.ownerId))
    .innerJoin(cases, eq(cases.id, correctiveActions.caseId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .where(
      and(
        eq(correctiveActions.status, "open"),
        input.scope === "mine" ? eq(correctiveActions.ownerId, staff.userId) : undefined,
        staffCaseScope(staff),
      ),
    )
    .orderBy(sql`${correctiveActions.dueDate} < ${today}::date desc`, asc(staffUsers.name), asc(correctiveActions.dueDate), asc(correctiveActions.id))
    .limit(OPEN_ACTIONS_LIMIT);
  return { today, scope: input.scope, actions: rows.map((row) => ({ ...row, overdue: isOverdue(row, today) })) };
}

export type OpenCorrectiveActions = Awaited<ReturnType<typeof listOpenCorrectiveActions>>;
