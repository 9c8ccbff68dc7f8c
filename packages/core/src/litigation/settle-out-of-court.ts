import { checkOutOfCourt } from "@accord/domain";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { endLitigation, openLitigation } from "./litigation-case";
import type { SettleOutOfCourtInput } from "./schemas";

export { settleOutOfCourtSchema, type SettleOutOfCourtInput } from "./schemas";

/**
 * Legal records a settlement out of court, which ends the litigation settled amicably: the amount the
 * customer is given (never above what is disputed; 0 when they pay it all) and the terms agreed, then the
 * case resolved as a decision resolves it (credit, new due dates, the resolution e-mail). The terms stay internal.
 */
export async function settleOutOfCourt({ db, actor, input, now, portalUrl }: UseCaseArgs<SettleOutOfCourtInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:litigation");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const litigation = await openLitigation(tx, row);
    const refusal = checkOutOfCourt({ amountCents: input.amount, terms: input.terms }, { disputedCents: row.disputedAmountCents });
    if (refusal) throw AppError.fromDomain(refusal);
    return endLitigation(tx, {
      staff,
      row,
      litigation,
      outcome: "settled_amicably",
      grantedCents: input.amount,
      ending: { ending: "settled_out_of_court", settlementAmountCents: input.amount, settlementTerms: input.terms },
      events: [{ type: "settled_out_of_court", visibility: "internal", payload: { litigationId: litigation.id, amountCents: input.amount, terms: input.terms } }],
      now,
      portalUrl,
    });
  });
}
