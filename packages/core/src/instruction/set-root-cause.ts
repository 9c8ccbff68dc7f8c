import { cases, rootCauses } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { caseReferenceSchema, findStaffCase } from "./staff-case";
import type { UseCaseArgs } from "../use-case";

export const setRootCauseSchema = z.object({
  reference: caseReferenceSchema,
  code: z.string({ error: "casePage.rootCause.error.code" }).trim().min(1, "casePage.rootCause.error.code"),
  analysis: z.string().trim().max(10_000, "validation.tooLong").optional().default(""),
});
export type SetRootCauseInput = z.output<typeof setRootCauseSchema>;

/** The root cause of a case, from the taxonomy (active codes only), with an analysis text. */
export async function setRootCause({ db, actor, input, now }: UseCaseArgs<SetRootCauseInput>) {
  const staff = requireStaff(actor, "case:investigate");
  const value = input;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, value.reference, { lock: true });
    const [cause] = await tx.select({ code: rootCauses.code }).from(rootCauses).where(and(eq(rootCauses.code, value.code), eq(rootCauses.active, true)));
    if (!cause) throw new AppError("validation", { fieldErrors: { code: ["casePage.rootCause.error.code"] } });
    const analysis = value.analysis === "" ? null : value.analysis;
    await tx.update(cases).set({ rootCauseCode: cause.code, rootCauseAnalysis: analysis, updatedAt: now }).where(eq(cases.id, row.id));
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "root_cause_set", visibility: "internal", payload: { code: cause.code, previous: row.rootCauseCode, analysis } }],
    });
    return { code: cause.code };
  });
}
