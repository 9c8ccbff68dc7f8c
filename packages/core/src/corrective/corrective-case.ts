/**
 * Shared steps of the corrective-action use cases: one action of a case found (and locked), a status
 * change recorded with its event. Not a use case itself.
 */
import type { StaffActor } from "@accord/auth";
import { correctiveActions, type Tx } from "@accord/db";
import { changeCorrectiveAction, isTerminal, type CaseStatus, type CorrectiveActionChange } from "@accord/domain";
import { and, eq } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";

export type CorrectiveActionRow = typeof correctiveActions.$inferSelect;

/** The case (locked, as this staff member may see it) and one of its actions (locked), or not_found. */
export async function findCaseAction(tx: Tx, staff: StaffActor, reference: string, actionId: string) {
  const row = await findStaffCase(tx, staff, reference, { lock: true });
  const [action] = await tx
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.id, actionId), eq(correctiveActions.caseId, row.id)))
    .for("update");
  if (!action) throw new AppError("not_found");
  return { row, action };
}

const EVENT: Record<CorrectiveActionChange["type"], string> = {
  complete: "corrective_action_completed",
  waive: "corrective_action_waived",
  reopen: "corrective_action_reopened",
};

/** Asks the domain for the action's new status, writes it and appends the case's event. */
export async function changeAction(tx: Tx, options: { staff: StaffActor; reference: string; actionId: string; change: CorrectiveActionChange; now: Date; formFields: readonly string[] }) {
  const { staff, change, now } = options;
  const { row, action } = await findCaseAction(tx, staff, options.reference, options.actionId);
  const decision = changeCorrectiveAction({ status: action.status, caseTerminal: isTerminal(row.status as CaseStatus) }, change);
  if (!decision.ok) throw AppError.fromDomain(decision.error, options.formFields);
  const reason = change.type === "waive" ? change.reason : null;
  await tx
    .update(correctiveActions)
    .set({
      status: decision.status,
      doneAt: decision.status === "done" ? now : null,
      doneById: decision.status === "done" ? staff.userId : null,
      waivedReason: reason,
      waivedAt: reason === null ? null : now,
      waivedById: reason === null ? null : staff.userId,
      updatedAt: now,
    })
    .where(eq(correctiveActions.id, action.id));
  await appendCaseEvents(tx, {
    caseId: row.id,
    actor: actorRef(staff),
    at: now,
    events: [{ type: EVENT[change.type], visibility: "internal", payload: { actionId: action.id, title: action.title, from: action.status, to: decision.status, ...(reason === null ? {} : { reason }) } }],
  });
  return { id: action.id, status: decision.status };
}
