import { caseDecisions, cases } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import type { CompleteDecisionInput } from "./schemas";
import { invoiceDueDatesOf, queueResolutionEmail } from "./settlement-case";

export { completeDecisionSchema, type CompleteDecisionInput } from "./schemas";

/**
 * An agent completes the decision of a resolved case (after an accepted proposal, or later): the
 * rationale's public and internal parts, penalties paid, what the customer has paid since of the disputed
 * remainder (recovered, never more than the decision left due), and the credit note's number once the ERP has
 * issued it. No status changes. The first time a public rationale is given, the customer receives the
 * resolution e-mail (decision, amounts, new due dates); a credit-note number already used is refused.
 */
export async function completeDecision({ db, actor, input, now, portalUrl }: UseCaseArgs<CompleteDecisionInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:decide");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const [decision] = await tx.select().from(caseDecisions).where(eq(caseDecisions.caseId, row.id)).for("update");
    if (!decision) throw new AppError("invalid_transition", { messageKey: "proposal.error.no_decision_yet" });
    // What can be recovered is what the decision left due of the disputed amount.
    if (input.recovered > row.disputedAmountCents - decision.grantedCents) {
      throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors: { recovered: ["proposal.error.recovered_above_due"] } });
    }
    if (input.creditNoteNumber) {
      const [taken] = await tx.select({ caseId: caseDecisions.caseId }).from(caseDecisions).where(eq(caseDecisions.creditNoteNumber, input.creditNoteNumber));
      if (taken && taken.caseId !== row.id) {
        throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors: { creditNoteNumber: ["proposal.error.credit_note_taken"] } });
      }
    }
    const next = {
      penaltiesCents: input.penalties,
      publicRationale: input.publicRationale ?? decision.publicRationale,
      internalRationale: input.internalRationale ?? decision.internalRationale,
      creditNoteNumber: input.creditNoteNumber ?? decision.creditNoteNumber,
    };
    await tx
      .update(caseDecisions)
      .set({ ...next, creditNoteIssuedOn: next.creditNoteNumber && !decision.creditNoteIssuedOn ? now.toISOString().slice(0, 10) : decision.creditNoteIssuedOn, updatedAt: now })
      .where(eq(caseDecisions.caseId, row.id));
    if (input.recovered !== row.recoveredAmountCents) {
      await tx.update(cases).set({ recoveredAmountCents: input.recovered, updatedAt: now }).where(eq(cases.id, row.id));
    }
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "decision_completed",
          visibility: "internal",
          payload: { penaltiesCents: next.penaltiesCents, recoveredCents: input.recovered, creditNoteNumber: next.creditNoteNumber, publicRationale: next.publicRationale !== null },
        },
      ],
    });
    if (next.publicRationale && !decision.publicRationale) {
      await queueResolutionEmail(tx, {
        row,
        decision: { outcome: decision.outcome, grantedCents: decision.grantedCents, penaltiesCents: next.penaltiesCents, publicRationale: next.publicRationale, creditNoteNumber: next.creditNoteNumber },
        newDueDates: await invoiceDueDatesOf(tx, row.id),
        portalUrl,
        now,
      });
    }
    return { reference: row.reference };
  });
}
