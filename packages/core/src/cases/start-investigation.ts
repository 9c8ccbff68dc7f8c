import { caseTasks, checklistTemplates } from "@accord/db";
import { addBusinessMinutes, localDate, workingDayMinutes } from "@accord/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { applyCommand, caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import { defaultCalendar } from "../sla/case-sla";
import type { UseCaseArgs } from "../use-case";

export const startInvestigationSchema = z.object({ reference: caseReferenceSchema });
export type StartInvestigationInput = z.output<typeof startInvestigationSchema>;

/**
 * Starts the investigation of a qualified case, with the tasks of the active checklist template of
 * its type (the type-less template when the type has none). Task titles are written in the language
 * of the staff member who starts it; due dates count business days on the default calendar; the
 * tasks go to the case's assignee (unassigned when the case is).
 */
export async function startInvestigation({ db, actor, input, now }: UseCaseArgs<StartInvestigationInput>) {
  const staff = requireStaff(actor, "case:investigate");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const [template] =
      (await tx
        .select()
        .from(checklistTemplates)
        .where(and(eq(checklistTemplates.active, true), eq(checklistTemplates.caseType, row.type)))
        .orderBy(asc(checklistTemplates.createdAt))
        .limit(1)) ?? [];
    const [fallback] = template
      ? [template]
      : await tx
          .select()
          .from(checklistTemplates)
          .where(and(eq(checklistTemplates.active, true), isNull(checklistTemplates.caseType)))
          .orderBy(asc(checklistTemplates.createdAt))
          .limit(1);
    const calendar = await defaultCalendar(tx);
    const dayMinutes = workingDayMinutes(calendar);
    const items = fallback?.items ?? [];
    const taskRows = items.map((item, position) => ({
      caseId: row.id,
      title: staff.language === "en" ? item.titleEn : item.titleFr,
      // the case's assignee does the work: the tasks are theirs from the start
      assigneeId: row.assigneeId,
      templateId: fallback!.id,
      position,
      dueDate:
        item.dueInBusinessDays && item.dueInBusinessDays > 0 && dayMinutes > 0
          ? localDate(addBusinessMinutes(now, item.dueInBusinessDays * dayMinutes, calendar), calendar.timeZone)
          : null,
      createdAt: now,
    }));
    const inserted = taskRows.length ? await tx.insert(caseTasks).values(taskRows).returning({ id: caseTasks.id, title: caseTasks.title }) : [];
    const result = await applyCommand(tx, {
      actor: staff,
      row,
      command: { type: "start_investigation" },
      now,
      extraEvents: inserted.length
        ? [{ type: "tasks_created_from_checklist", visibility: "internal", payload: { templateId: fallback!.id, tasks: inserted.map((t) => t.title) } }]
        : [],
    });
    return { reference: row.reference, status: result.status, tasks: inserted.length };
  });
}
