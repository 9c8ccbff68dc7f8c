import { cases } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError, isAppError } from "../errors";
import { assertOpen, caseReferenceSchema, findStaffCase, holds } from "../instruction/staff-case";
import { checkAssignment, notifyAssignee } from "./qualify-case";
import type { UseCaseArgs } from "../use-case";

/** At most a queue page's worth of cases at once. */
export const ASSIGN_CASES_MAX = 50;

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("validation.invalid").optional());
const referenceList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(caseReferenceSchema).min(1, "queue.bulk.error.noCase").max(ASSIGN_CASES_MAX, "queue.bulk.error.tooMany"),
);

export const assignCasesSchema = z
  .object({ references: referenceList, teamId: optionalId, assigneeId: optionalId })
  .refine((v) => v.teamId !== undefined || v.assigneeId !== undefined, { path: ["assigneeId"], message: "queue.bulk.error.nothingChosen" });
export type AssignCasesInput = z.output<typeof assignCasesSchema>;

/**
 * Assigns several cases at once (the queue's bulk assignment): the team and/or the assignee chosen
 * (a field left empty keeps each case's own), case by case with the rules, events and e-mails of
 * {@link assignCase}, in one transaction. One refusal refuses them all, naming the case refused and
 * why: nothing is half-assigned.
 */
export async function assignCases({ db, actor, input, now, backofficeUrl }: UseCaseArgs<AssignCasesInput, { backofficeUrl?: string }>): Promise<{ assigned: number; unchanged: number }> {
  const staff = requireStaff(actor, "case:read");
  if (!holds(staff, "case:assign") && !holds(staff, "case:qualify")) throw new AppError("forbidden");
  const value = input;
  // Always the same order of locks, so two bulk assignments never wait on each other in a circle.
  const references = [...new Set(value.references)].sort();
  return db.transaction(async (tx) => {
    let assigned = 0;
    for (const reference of references) {
      try {
        const row = await findStaffCase(tx, staff, reference, { lock: true });
        assertOpen(row);
        const next = { teamId: value.teamId ?? row.teamId ?? null, assigneeId: value.assigneeId ?? row.assigneeId ?? null };
        const { events, notify } = await checkAssignment(tx, staff, row, next);
        if (events.length === 0) continue;
        await tx.update(cases).set({ ...next, updatedAt: now }).where(eq(cases.id, row.id));
        await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(staff), at: now, events });
        await notifyAssignee(tx, { staff, row, assigneeId: notify, now, backofficeUrl });
        assigned += 1;
      } catch (error) {
        if (!isAppError(error)) throw error;
        // A wrong team or assignee is the form's field; anything else is this case's refusal, named.
        if (error.fieldErrors?.teamId || error.fieldErrors?.assigneeId) throw error;
        const reason = error.code === "not_found" ? "queue.bulk.error.notFound" : error.messageKey;
        // (a conflict, not a forbidden page: the queue shows why, beside the selection)
        throw new AppError("conflict", {
          messageKey: "queue.bulk.error.refused",
          params: { ...error.params, reference },
          fieldErrors: { references: ["queue.bulk.error.refused", reason] },
        });
      }
    }
    return { assigned, unchanged: references.length - assigned };
  });
}
