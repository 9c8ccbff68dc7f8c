import { cases, legalCosts } from "@accord/db";
import { checkLegalCost } from "@accord/domain";
import { eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { currentLitigation, todayInParis } from "./litigation-case";
import type { RecordLegalCostInput } from "./schemas";

export { recordLegalCostSchema, type RecordLegalCostInput } from "./schemas";

/**
 * Legal records a cost of the procedure (fees, bailiff, court) on a case handed over to legal, during
 * the litigation or after it ended (invoices come late). The case's `legal_costs_cents` becomes the sum
 * of its costs. Internal.
 */
export async function recordLegalCost({ db, actor, input, now }: UseCaseArgs<RecordLegalCostInput>) {
  const staff = requireStaff(actor, "case:litigation");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    if (!(await currentLitigation(tx, row.id))) throw new AppError("invalid_transition", { messageKey: "litigation.error.not_in_litigation" });
    const refusal = checkLegalCost({ amountCents: input.amount, label: input.label, date: input.date }, todayInParis(now));
    if (refusal) throw AppError.fromDomain(refusal);
    const [cost] = await tx
      .insert(legalCosts)
      .values({ caseId: row.id, amountCents: input.amount, label: input.label, incurredOn: input.date, recordedById: staff.userId, createdAt: now })
      .returning({ id: legalCosts.id });
    const [total] = await tx
      .update(cases)
      .set({
        legalCostsCents: sql`(select coalesce(sum(${legalCosts.amountCents}), 0) from ${legalCosts} where ${legalCosts.caseId} = ${row.id})`,
        updatedAt: now,
      })
      .where(eq(cases.id, row.id))
      .returning({ totalCents: cases.legalCostsCents });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "legal_cost_recorded", visibility: "internal", payload: { costId: cost!.id, amountCents: input.amount, label: input.label, date: input.date, totalCents: total!.totalCents } }],
    });
    return { costId: cost!.id, totalCents: total!.totalCents };
  });
}
