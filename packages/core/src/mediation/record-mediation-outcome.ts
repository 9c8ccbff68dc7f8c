import { mediations } from "@accord/db";
import { decideMediationOutcome } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents, type NewCaseEvent } from "../audit/append-case-events";
import { AppError } from "../errors";
import { applyCommand, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { latestMediation, mediationActor, mediationState } from "./mediation-case";
import type { RecordMediationOutcomeInput } from "./schemas";

export { recordMediationOutcomeSchema, type RecordMediationOutcomeInput } from "./schemas";

/**
 * Its conductor records how the mediation ended (the internal mediator, or for an external mediation
 * the supervisor who referred it). An agreement (or a partial one) leaves the case in mediation for
 * the proposal that puts it before the customer (« Proposer une solution »); a failure sends the case
 * back to the investigation (`end_mediation`) or leaves it for legal's hand-over (`go_to_litigation`).
 */
export async function recordMediationOutcome({ db, actor, input, now }: UseCaseArgs<RecordMediationOutcomeInput>) {
  const staff = requireStaff(actor, "mediation:outcome");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const mediation = await latestMediation(tx, row.id, { lock: true });
    if (!mediation || row.status !== "mediation") throw new AppError("invalid_transition", { messageKey: "mediation.error.no_mediation" });
    const decision = decideMediationOutcome(mediationState(mediation), { outcome: input.outcome, nextStep: input.nextStep ?? null }, mediationActor(staff));
    if (!decision.ok) throw AppError.fromDomain(decision.error, ["outcome", "nextStep"]);
    const nextStep = input.outcome === "failure" ? (input.nextStep ?? null) : null;
    await tx
      .update(mediations)
      .set({ endedAt: now, endedById: staff.userId, outcome: input.outcome, nextStep, outcomeNotes: input.notes ?? null })
      .where(eq(mediations.id, mediation.id));
    const recorded: NewCaseEvent = {
      type: "mediation_outcome_recorded",
      visibility: "public",
      payload: { mediationId: mediation.id, outcome: input.outcome, nextStep },
    };
    const notes: NewCaseEvent[] = input.notes ? [{ type: "mediation_outcome_notes", visibility: "internal", payload: { mediationId: mediation.id, notes: input.notes } }] : [];
    if (decision.effect.kind === "end_mediation") {
      await applyCommand(tx, {
        actor: staff,
        row,
        command: { type: "end_mediation", outcome: "failure", nextStep: "investigation", mediationId: mediation.id },
        now,
        extraEvents: [recorded, ...notes],
      });
    } else {
      await appendCaseEvents(tx, { caseId: row.id, actor: actorRef(staff), at: now, events: [recorded, ...notes] });
    }
    return { reference: row.reference, outcome: input.outcome, effect: decision.effect.kind };
  });
}
