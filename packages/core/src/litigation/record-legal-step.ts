import { legalSteps } from "@accord/db";
import { checkLegalStep } from "@accord/domain";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { attachStepDocument, openLitigation, todayInParis } from "./litigation-case";
import type { RecordLegalStepInput } from "./schemas";

export { recordLegalStepSchema, type RecordLegalStepInput } from "./schemas";

/**
 * Legal records a step of the procedure (formal notice, injunction to pay, hearing) on a case in
 * litigation: its date (only a hearing may be ahead), notes, and its document, internal unless the step
 * is shared with the customer. The step's details stay in an internal event.
 */
export async function recordLegalStep({ db, actor, input, now }: UseCaseArgs<RecordLegalStepInput>) {
  const staff = requireStaff(actor, "case:litigation");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    await openLitigation(tx, row);
    const refusal = checkLegalStep({ kind: input.kind, date: input.date }, todayInParis(now));
    if (refusal) throw AppError.fromDomain(refusal);
    const { document, events } = await attachStepDocument(tx, { staff, row, uploadIds: input.uploadIds, shared: input.shared, now });
    const [step] = await tx
      .insert(legalSteps)
      .values({
        caseId: row.id,
        kind: input.kind,
        occurredOn: input.date,
        notes: input.notes ?? null,
        documentId: document?.id ?? null,
        sharedWithCustomer: input.shared,
        recordedById: staff.userId,
        createdAt: now,
      })
      .returning({ id: legalSteps.id });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        { type: "legal_step_recorded", visibility: "internal", payload: { stepId: step!.id, kind: input.kind, date: input.date, shared: input.shared, documentId: document?.id ?? null } },
        ...events,
      ],
    });
    return { stepId: step!.id, documentId: document?.id ?? null };
  });
}
