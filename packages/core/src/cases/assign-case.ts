import { cases } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { assertOpen, caseReferenceSchema, findStaffCase, holds } from "../instruction/staff-case";
import { checkAssignment, notifyAssignee } from "./qualify-case";
import type { UseCaseArgs } from "../use-case";

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("validation.invalid").optional());

export const assignCaseSchema = z.object({ reference: caseReferenceSchema, teamId: optionalId, assigneeId: optionalId });
export type AssignCaseInput = z.output<typeof assignCaseSchema>;

/**
 * Sets the team and the assignee of a case. Whoever qualifies cases may assign an unassigned case
 * or their own; taking a case away from a colleague needs `case:assign` (supervisors). The new
 * assignee gets the internal e-mail `case-assigned`.
 */
export async function assignCase({ db, actor, input, now, backofficeUrl }: UseCaseArgs<AssignCaseInput, { backofficeUrl?: string }>): Promise<{ reference: string; changed: boolean }> {
  const staff = requireStaff(actor, "case:read");
  if (!holds(staff, "case:assign") && !holds(staff, "case:qualify")) throw new AppError("forbidden");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    assertOpen(row);
    const next = { teamId: value.teamId ?? null, assigneeId: value.assigneeId ?? null };
    const { events, notify } = await checkAssignment(tx, staff, row, next);
    if (events.length === 0) return { reference: row.reference, changed: false };
    await tx.update(cases).set({ ...next, updatedAt: now }).where(eq(cases.id, row.id));
    await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(staff), at: now, events });
    await notifyAssignee(tx, { staff, row, assigneeId: notify, now, backofficeUrl });
    return { reference: row.reference, changed: true };
  });
}
