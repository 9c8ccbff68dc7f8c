import { mediationSessions } from "@accord/db";
import { checkMediationSession, conductsMediation } from "@accord/domain";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { latestMediation, mediationActor, mediationState } from "./mediation-case";
import type { RecordMediationSessionInput } from "./schemas";

export { recordMediationSessionSchema, type RecordMediationSessionInput } from "./schemas";

/**
 * Its conductor records a session of the running mediation (the internal mediator, or for an external
 * mediation the supervisor): the day, the participants, the notes, internal or shared with the
 * customer. A session dated before the mediation began, or after today, is refused beside the date.
 * A shared session is a public event (the customer's timeline); an internal one stays internal.
 */
export async function recordMediationSession({ db, actor, input, now }: UseCaseArgs<RecordMediationSessionInput>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const mediation = await latestMediation(tx, row.id, { lock: true });
    if (!mediation) throw new AppError("invalid_transition", { messageKey: "mediation.error.no_mediation" });
    if (!conductsMediation(mediation, mediationActor(staff))) throw new AppError("forbidden");
    const refusal = checkMediationSession(mediationState(mediation), input.heldOn, now);
    if (refusal) throw AppError.fromDomain(refusal, ["heldOn"]);
    const [session] = await tx
      .insert(mediationSessions)
      .values({
        mediationId: mediation.id,
        caseId: row.id,
        heldOn: input.heldOn,
        participants: input.participants,
        notes: input.notes,
        visibility: input.visibility,
        recordedById: staff.userId,
        createdAt: now,
      })
      .returning({ id: mediationSessions.id });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "mediation_session_recorded",
          visibility: input.visibility === "shared" ? "public" : "internal",
          payload: { mediationId: mediation.id, sessionId: session!.id, heldOn: input.heldOn, participants: input.participants, notes: input.notes, visibility: input.visibility },
        },
      ],
    });
    return { sessionId: session!.id };
  });
}
