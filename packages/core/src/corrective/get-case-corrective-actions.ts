import { correctiveActions, staffUsers, type Tx } from "@accord/db";
import { isOverdue, isTerminal, localDate, type CaseStatus } from "@accord/domain";
import { alias } from "drizzle-orm/pg-core";
import { asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { findStaffCase, holds } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { effectivenessOfActions } from "./corrective-action-effectiveness";

export const CORRECTIVE_TIME_ZONE = "Europe/Paris";

/**
 * The case page's « Actions correctives »: every action of the case with its owner, due date, status and
 * (once done) its effectiveness; the active staff an action may be given to; and what this staff
 * member may do (add once the root cause is set, complete their own or any when instructing, waive
 * and reopen when instructing; nothing once the case is over).
 */
export async function getCaseCorrectiveActions({ db, actor, input, now }: UseCaseArgs<{ reference: string }>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const owner = alias(staffUsers, "owner");
      const doneBy = alias(staffUsers, "done_by");
      const rows = await tx
        .select({ action: correctiveActions, ownerName: owner.name, doneByName: doneBy.name })
        .from(correctiveActions)
        .innerJoin(owner, eq(owner.id, correctiveActions.ownerId))
        .leftJoin(doneBy, eq(doneBy.id, correctiveActions.doneById))
        .where(eq(correctiveActions.caseId, row.id))
        .orderBy(asc(correctiveActions.createdAt), asc(correctiveActions.id));
      const effectiveness = await effectivenessOfActions(
        tx,
        rows.filter((r) => r.action.status === "done").map((r) => r.action.id),
        now,
      );
      const owners = await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.active, true)).orderBy(asc(staffUsers.name));
      const today = localDate(now, CORRECTIVE_TIME_ZONE);
      const open = !isTerminal(row.status as CaseStatus);
      const instructs = holds(staff, "case:investigate") && open;
      return {
        rootCauseSet: row.rootCauseCode !== null,
        actions: rows.map(({ action, ownerName, doneByName }) => ({
          id: action.id,
          title: action.title,
          description: action.description,
          rootCauseCode: action.rootCauseCode,
          ownerId: action.ownerId,
          ownerName,
          dueDate: action.dueDate,
          status: action.status,
          overdue: isOverdue(action, today),
          doneAt: action.doneAt,
          doneByName,
          waivedReason: action.waivedReason,
          waivedAt: action.waivedAt,
          effectiveness: effectiveness.get(action.id) ?? ({ state: "not_applicable" } as const),
          canComplete: open && action.status === "open" && (instructs || action.ownerId === staff.userId),
          canWaive: instructs && action.status === "open",
          canReopen: instructs && action.status !== "open",
        })),
        owners,
        can: { add: instructs && row.rootCauseCode !== null },
      };
    },
    { accessMode: "read only" },
  );
}

export type CaseCorrectiveActions = Awaited<ReturnType<typeof getCaseCorrectiveActions>>;

/** The open actions of a case, as the close guard reads them (locked with the case by the caller). */
export async function correctiveActionStates(tx: Tx, caseId: string) {
  return tx.select({ status: correctiveActions.status, title: correctiveActions.title }).from(correctiveActions).where(eq(correctiveActions.caseId, caseId)).orderBy(asc(correctiveActions.createdAt));
}
