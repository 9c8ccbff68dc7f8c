import { timeEntries } from "@accord/db";
import { isIsoDate } from "@accord/domain";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase } from "./staff-case";
import type { UseCaseArgs } from "../use-case";

export const logTimeSchema = z.object({
  reference: caseReferenceSchema,
  minutes: z.coerce
    .number({ error: "casePage.time.error.minutes" })
    .int("casePage.time.error.minutes")
    .min(1, "casePage.time.error.minutes")
    .max(1440, "casePage.time.error.minutes"),
  spentOn: z.string({ error: "validation.required" }).refine(isIsoDate, "casePage.validation.date"),
  note: z.string().trim().max(1000, "validation.tooLong").optional().default(""),
});
export type LogTimeInput = z.output<typeof logTimeSchema>;

/** Time a staff member spent on a case (their own; it feeds the cost per dispute). Not in the future. */
export async function logTime({ db, actor, input, now }: UseCaseArgs<LogTimeInput>) {
  const staff = requireStaff(actor, "case:note");
  const value = input;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
  if (value.spentOn > today) throw new AppError("validation", { fieldErrors: { spentOn: ["casePage.time.error.future"] } });
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    const [entry] = await tx
      .insert(timeEntries)
      .values({ caseId: row.id, staffId: staff.userId, minutes: value.minutes, spentOn: value.spentOn, note: value.note || null, createdAt: now })
      .returning({ id: timeEntries.id });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "time_logged", visibility: "internal", payload: { entryId: entry!.id, minutes: value.minutes, spentOn: value.spentOn } }],
    });
    return { id: entry!.id };
  });
}
