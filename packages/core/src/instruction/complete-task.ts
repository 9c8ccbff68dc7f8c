import { caseTasks } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase, holds } from "./staff-case";
import type { UseCaseArgs } from "../use-case";

export const completeTaskSchema = z.object({ reference: caseReferenceSchema, taskId: z.uuid("validation.invalid") });
export type CompleteTaskInput = z.output<typeof completeTaskSchema>;

/** Marks a task done: whoever investigates the case, or the staff member the task is assigned to. */
export async function completeTask({ db, actor, input, now }: UseCaseArgs<CompleteTaskInput>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const [task] = await tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.id, input.taskId), eq(caseTasks.caseId, row.id)))
      .for("update");
    if (!task) throw new AppError("not_found");
    if (!holds(staff, "case:investigate") && task.assigneeId !== staff.userId) throw new AppError("forbidden");
    if (task.status !== "open") throw new AppError("conflict", { messageKey: "casePage.tasks.error.notOpen" });
    await tx.update(caseTasks).set({ status: "done", doneAt: now, doneById: staff.userId }).where(eq(caseTasks.id, task.id));
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "task_completed", visibility: "internal", payload: { taskId: task.id, title: task.title } }],
    });
    return { id: task.id };
  });
}
