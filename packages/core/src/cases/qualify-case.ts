import { cases, staffUsers, teams, type Tx } from "@accord/db";
import { CASE_TYPES, PRIORITIES, type CaseType, type Priority } from "@accord/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents, type NewCaseEvent } from "../audit/append-case-events";
import { AppError } from "../errors";
import { refreshCaseSla } from "../sla/case-sla";
import { applyCommand, assertOpen, caseReferenceSchema, findStaffCase, holds, markFirstResponse, type StaffCaseRow } from "../instruction/staff-case";
import type { StaffActor } from "@accord/auth";
import { queueEmail } from "../email/queue-email";
import type { UseCaseArgs } from "../use-case";

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("validation.invalid").optional());

export const qualifyCaseSchema = z.object({
  reference: caseReferenceSchema,
  type: z.enum(CASE_TYPES, { error: "casePage.qualify.error.type" }),
  priority: z.enum(PRIORITIES, { error: "casePage.qualify.error.priority" }),
  teamId: optionalId,
  assigneeId: optionalId,
});
export type QualifyCaseInput = z.output<typeof qualifyCaseSchema>;

/**
 * Qualification: confirm or change the type, set the priority (the page proposes the one the impact
 * score implies), the team and the assignee. A received case is qualified through the domain (a
 * customer-visible status change, so it is the first response when there was none); a case further
 * on only gets its classification updated, with an internal event.
 */
export async function qualifyCase({ db, actor, input, now, backofficeUrl }: UseCaseArgs<QualifyCaseInput, { backofficeUrl?: string }>): Promise<{ reference: string; status: string }> {
  const staff = requireStaff(actor, "case:qualify");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    assertOpen(row);
    const teamId = value.teamId ?? null;
    const assigneeId = value.assigneeId ?? null;
    const assignment = await checkAssignment(tx, staff, row, { teamId, assigneeId });
    const classification = { type: value.type as CaseType, priority: value.priority as Priority, teamId, assigneeId };

    if (row.status === "received") {
      await markFirstResponse(tx, row.id, now);
      const { status } = await applyCommand(tx, {
        actor: staff,
        row,
        command: { type: "qualify", priority: classification.priority, caseType: classification.type },
        now,
        // A new priority or type may select another SLA policy: let the refresh choose again.
        set: { ...classification, slaPolicyId: null },
        extraEvents: assignment.events,
      });
      await notifyAssignee(tx, { staff, row, assigneeId: assignment.notify, now, backofficeUrl });
      return { reference: row.reference, status };
    }

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (row.type !== classification.type) changes.type = { from: row.type, to: classification.type };
    if (row.priority !== classification.priority) changes.priority = { from: row.priority, to: classification.priority };
    const events: NewCaseEvent[] = [];
    if (Object.keys(changes).length > 0) events.push({ type: "case_reclassified", visibility: "internal", payload: changes });
    events.push(...assignment.events);
    if (events.length === 0) return { reference: row.reference, status: row.status };
    const reclassified = Boolean(changes.priority || changes.type);
    await tx
      .update(cases)
      .set({ ...classification, updatedAt: now, ...(reclassified ? { slaPolicyId: null } : {}) })
      .where(eq(cases.id, row.id));
    await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(staff), at: now, events });
    if (reclassified) await refreshCaseSla(tx, row.id, now);
    await notifyAssignee(tx, { staff, row, assigneeId: assignment.notify, now, backofficeUrl });
    return { reference: row.reference, status: row.status };
  });
}

/**
 * Checks a new team and assignee: they exist (the assignee active), and taking a case away from a
 * colleague needs `case:assign`. Returns the internal event to record and whom to tell.
 */
export async function checkAssignment(
  tx: Tx,
  staff: StaffActor,
  row: StaffCaseRow,
  next: { teamId: string | null; assigneeId: string | null },
): Promise<{ events: NewCaseEvent[]; notify: string | null }> {
  if (next.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, next.teamId));
    if (!team) throw new AppError("validation", { fieldErrors: { teamId: ["casePage.assign.error.team"] } });
  }
  if (next.assigneeId) {
    const [assignee] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.id, next.assigneeId), eq(staffUsers.active, true)));
    if (!assignee) throw new AppError("validation", { fieldErrors: { assigneeId: ["casePage.assign.error.assignee"] } });
  }
  const assigneeChanged = (row.assigneeId ?? null) !== next.assigneeId;
  const teamChanged = (row.teamId ?? null) !== next.teamId;
  if (assigneeChanged && row.assigneeId && row.assigneeId !== staff.userId && !holds(staff, "case:assign")) {
    throw new AppError("forbidden", { messageKey: "casePage.assign.error.reassignForbidden" });
  }
  if (!assigneeChanged && !teamChanged) return { events: [], notify: null };
  return {
    events: [
      {
        type: "case_assigned",
        visibility: "internal",
        payload: {
          team: { from: row.teamId ?? null, to: next.teamId },
          assignee: { from: row.assigneeId ?? null, to: next.assigneeId },
        },
      },
    ],
    notify: assigneeChanged && next.assigneeId && next.assigneeId !== staff.userId ? next.assigneeId : null,
  };
}

/** Internal e-mail `case-assigned` to the new assignee (never to a customer). */
export async function notifyAssignee(
  tx: Tx,
  options: { staff: StaffActor; row: StaffCaseRow; assigneeId: string | null; now: Date; backofficeUrl?: string | undefined },
): Promise<void> {
  if (!options.assigneeId) return;
  const [assignee] = await tx
    .select({ email: staffUsers.email, name: staffUsers.name, language: staffUsers.language })
    .from(staffUsers)
    .where(eq(staffUsers.id, options.assigneeId));
  if (!assignee) return;
  await queueEmail(tx, {
    to: assignee.email,
    template: "case-assigned",
    language: assignee.language,
    props: {
      name: assignee.name,
      reference: options.row.reference,
      title: options.row.title,
      assignedBy: options.staff.name,
      caseUrl: options.backofficeUrl ? new URL(`cases/${options.row.reference}`, options.backofficeUrl).toString() : null,
    },
    idempotencyKey: `case-assigned:${options.row.id}:${options.assigneeId}:${options.now.toISOString()}`,
    caseId: options.row.id,
    now: options.now,
  });
}
