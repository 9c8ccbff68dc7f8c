import { caseDecisions } from "@accord/db";
import { localDate, type IsoDate } from "@accord/domain";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { applyCommand, findStaffCase } from "../instruction/staff-case";
import { resolutionFacts } from "../sla/resolution-facts";
import type { UseCaseArgs } from "../use-case";
import type { RecordDecisionInput } from "./schemas";
import { PARIS, queueResolutionEmail, settleInvoices } from "./settlement-case";

export { recordDecisionSchema, type RecordDecisionInput } from "./schemas";

/**
 * An agent decides a case without an accepted proposal (upheld, partially upheld, rejected): the
 * lifecycle's `resolve` (refused while the case negotiates or is in mediation), the decision with the
 * amount granted (never above what is disputed), penalties and rationale, each disputed invoice's new
 * due date, and the resolution e-mail with the public rationale.
 */
export async function recordDecision({ db, actor, input, now, portalUrl }: UseCaseArgs<RecordDecisionInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:decide");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const granted = input.outcome === "rejected" ? 0 : input.granted;
    if (granted > row.disputedAmountCents) {
      throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors: { granted: ["proposal.error.amount_above_disputed"] } });
    }
    if (input.outcome === "upheld" || input.outcome === "partially_upheld") {
      if (granted === 0) throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors: { granted: ["proposal.error.granted_required"] } });
    }
    const status = await applyCommand(tx, {
      actor: staff,
      row,
      command: { type: "resolve", outcome: input.outcome, rationale: input.publicRationale },
      now,
      set: { ...(await resolutionFacts(tx, row.id, now)), outcome: input.outcome, creditedAmountCents: granted },
    });
    await tx.insert(caseDecisions).values({
      caseId: row.id,
      outcome: input.outcome,
      grantedCents: granted,
      penaltiesCents: input.penalties,
      publicRationale: input.publicRationale,
      internalRationale: input.internalRationale ?? null,
      creditNoteNumber: input.creditNoteNumber ?? null,
      decidedById: staff.userId,
      decidedAt: now,
      updatedAt: now,
    });
    const newDueDates = await settleInvoices(tx, { caseId: row.id, creditedCents: granted, resolvedOn: localDate(now, PARIS) as IsoDate });
    await queueResolutionEmail(tx, {
      row,
      decision: { outcome: input.outcome, grantedCents: granted, penaltiesCents: input.penalties, publicRationale: input.publicRationale, creditNoteNumber: input.creditNoteNumber ?? null },
      newDueDates,
      portalUrl,
      now,
    });
    return { status: status.status, newDueDates };
  });
}
