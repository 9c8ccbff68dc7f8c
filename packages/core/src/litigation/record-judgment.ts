import { legalSteps } from "@accord/db";
import { checkJudgment } from "@accord/domain";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { attachStepDocument, endLitigation, openLitigation, todayInParis } from "./litigation-case";
import type { RecordJudgmentInput } from "./schemas";

export { recordJudgmentSchema, type RecordJudgmentInput } from "./schemas";

/**
 * Legal records the judgment, which ends the litigation judged: the judgment step (dated — a judgment
 * without a date is refused —, its ruling, what is granted to the customer and what the customer owes,
 * its document), then the case resolved as a decision resolves it: the amount granted credited, each
 * invoice's new due date, the resolution e-mail.
 */
export async function recordJudgment({ db, actor, input, now, portalUrl }: UseCaseArgs<RecordJudgmentInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:litigation");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const litigation = await openLitigation(tx, row);
    const refusal = checkJudgment(
      { date: input.date, ruling: input.ruling, grantedCents: input.granted, owedCents: input.owed },
      { today: todayInParis(now), disputedCents: row.disputedAmountCents },
    );
    if (refusal) throw AppError.fromDomain(refusal);
    const { document, events } = await attachStepDocument(tx, { staff, row, uploadIds: input.uploadIds, shared: input.shared, now });
    const [step] = await tx
      .insert(legalSteps)
      .values({
        caseId: row.id,
        kind: "judgment",
        occurredOn: input.date,
        notes: input.notes ?? null,
        documentId: document?.id ?? null,
        sharedWithCustomer: input.shared,
        ruling: input.ruling,
        grantedCents: input.granted,
        owedCents: input.owed,
        recordedById: staff.userId,
        createdAt: now,
      })
      .returning({ id: legalSteps.id });
    return endLitigation(tx, {
      staff,
      row,
      litigation,
      outcome: "judged",
      grantedCents: input.granted,
      ending: { ending: "judged", settlementAmountCents: null, settlementTerms: null },
      events: [
        {
          type: "judgment_recorded",
          visibility: "internal",
          payload: { stepId: step!.id, date: input.date, ruling: input.ruling, grantedCents: input.granted, owedCents: input.owed, shared: input.shared, documentId: document?.id ?? null },
        },
        ...events,
      ],
      now,
      portalUrl,
    });
  });
}
