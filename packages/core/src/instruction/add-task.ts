import { caseTasks, staffUsers } from "@accord/db";
import { isIsoDate } from "@accord/domain";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { assertOpen, caseReferenceSchema, findStaffCase } from "./staff-case";
import { singleLine } from "../single-line";
import type { UseCaseArgs } from "../use-case";

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.uuid("validation.invalid").optional());
export const optionalIsoDate = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.string().refine(isIsoDate, "casePage.validation.date").optional(),
);

export const addTaskSchema = z.object({
  reference: caseReferenceSchema,
  title: singleLine(z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(300, "validation.tooLong")),
  assigneeId: optionalId,
  dueDate: optionalIsoDate,
});
export type AddTaskInput = z.output<typeof addTaskSchema>;

/** Adds a task to the case's investigation, with an optional assignee and due date. */
export async function addTask({ db, actor, input, now }: UseCaseArgs<AddTaskInput>) {
  const staff = requireStaff(actor, "case:investigate");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    assertOpen(row);
    if (value.assigneeId) {
      const [assignee] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.id, value.assigneeId), eq(staffUsers.active, true)));
      if (!assignee) throw new AppError("validation", { fieldErrors: { assigneeId: ["casePage.assign.error.assignee"] } });
    }
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${caseTasks.position}) + 1, 0)::int` })
      .from(caseTasks)
      .where(eq(caseTasks.caseId, row.id));
    const [task] = await tx
      .insert(caseTasks)
      .values({ caseId: row.id, title: value.title, assigneeId: value.assigneeId ?? null, dueDate: value.dueDate ?? null, position: next, createdAt: now })
      .returning();
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "task_added", visibility: "internal", payload: { taskId: task!.id, title: task!.title, assigneeId: task!.assigneeId, dueDate: task!.dueDate } }],
    });
    return { id: task!.id };
  });
}
