import { domainError, type DomainError } from "../errors/errors";
import { isIsoDate, type IsoDate } from "../dates/iso-date";
import { localDate } from "../dates/zoned";
import type { Permission } from "../lifecycle/permissions";
import { isTerminal, type CaseKind, type CaseStatus } from "../lifecycle/statuses";
import { allowedCommands } from "../lifecycle/transitions";

/**
 * Mediation (issue 12): a neutral facilitator joins the case. Internal: a staff member with the
 * mediator role, who then sees this case. External: someone outside (e.g. the « Médiateur des
 * entreprises »), named with their organisation, e-mail and the referral's reference; they get no account.
 */
export const MEDIATION_KINDS = ["internal", "external"] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

/** How a mediation ends. An agreement (or a partial one) leads to a proposal the customer accepts online. */
export const MEDIATION_OUTCOMES = ["agreement", "partial_agreement", "failure"] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

/** What follows a failed mediation: back to the investigation, or the hand-over to legal. */
export const MEDIATION_FAILURE_NEXT_STEPS = ["investigation", "litigation"] as const;
export type MediationFailureNextStep = (typeof MEDIATION_FAILURE_NEXT_STEPS)[number];

/** A session's notes are internal (staff only) or shared (the customer reads them in the portal). */
export const MEDIATION_SESSION_VISIBILITIES = ["internal", "shared"] as const;
export type MediationSessionVisibility = (typeof MEDIATION_SESSION_VISIBILITIES)[number];

/** Dates of a mediation are calendar days of the supplier's time zone. */
const PARIS = "Europe/Paris";

/** A mediation as the rules read it. */
export interface MediationState {
  readonly kind: MediationKind;
  /** The internal mediator (a staff user id); null for an external mediation. */
  readonly mediatorUserId: string | null;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
}

/** Who asks: a staff member's id and permissions. */
export interface MediationActor {
  readonly userId: string;
  readonly permissions: readonly Permission[];
}

const refusal = (code: "invalid_transition" | "guard_failed" | "forbidden", reason: string, field: string, params: Record<string, string> = {}): DomainError =>
  domainError(code, { field, messageKey: `mediation.error.${reason}`, params });

/**
 * Whether a case may go to mediation now. A closed, withdrawn, rejected or merged case, and a resolved
 * one, are refused with their own message (the case has ended); any other status the lifecycle does
 * not allow it from (received, awaiting the customer, litigation, already in mediation) with another.
 */
export function checkMediationStart(state: { status: CaseStatus; kind: CaseKind }): DomainError | null {
  if (isTerminal(state.status) || state.status === "resolved") return refusal("invalid_transition", "case_ended", "status", { status: state.status });
  if (!allowedCommands(state).includes("start_mediation")) return refusal("invalid_transition", "not_now", "status", { status: state.status });
  return null;
}

/**
 * Who conducts the mediation's record (sessions and outcome): for an internal mediation its
 * mediator (mediation:conduct, and the mediator named on it); for an external one, the supervisor who
 * referred it (mediation:start), since the external mediator has no account.
 */
export function conductsMediation(mediation: Pick<MediationState, "kind" | "mediatorUserId">, actor: MediationActor): boolean {
  if (mediation.kind === "internal") return actor.permissions.includes("mediation:conduct") && mediation.mediatorUserId === actor.userId;
  return actor.permissions.includes("mediation:start");
}

/** The permission that records an outcome of a mediation of this kind (besides the lifecycle's `mediation:outcome`). */
export function mediationOutcomePermission(kind: MediationKind): Permission {
  return kind === "internal" ? "mediation:conduct" : "mediation:start";
}

/**
 * A session may be recorded while the mediation runs, on a day from the mediation's start (in Paris)
 * to today. A session dated before the mediation began is refused.
 */
export function checkMediationSession(mediation: Pick<MediationState, "startedAt" | "endedAt">, heldOn: string, now: Date): DomainError | null {
  if (mediation.endedAt) return refusal("invalid_transition", "mediation_ended", "form");
  if (!isIsoDate(heldOn)) return domainError("invalid_date", { field: "heldOn", messageKey: "mediation.error.session_date_invalid", params: { value: String(heldOn) } });
  const began: IsoDate = localDate(mediation.startedAt, PARIS);
  if (heldOn < began) return refusal("guard_failed", "session_before_start", "heldOn", { began });
  if (heldOn > localDate(now, PARIS)) return refusal("guard_failed", "session_in_future", "heldOn");
  return null;
}

/** What recording an outcome does to the case. */
export type MediationOutcomeEffect =
  /** Agreement or partial agreement: the case stays in mediation until the proposal is offered. */
  | { readonly kind: "await_proposal" }
  /** Failure, back to the investigation: the lifecycle's `end_mediation`. */
  | { readonly kind: "end_mediation" }
  /** Failure, to legal: the case stays in mediation until legal takes it over (`go_to_litigation`). */
  | { readonly kind: "await_litigation" };

/**
 * Decides an outcome: the mediation must still run, the actor must conduct it, and a failure names
 * what follows (investigation or litigation).
 */
export function decideMediationOutcome(
  mediation: MediationState,
  input: { outcome: MediationOutcome; nextStep?: MediationFailureNextStep | null },
  actor: MediationActor,
): { readonly ok: true; readonly effect: MediationOutcomeEffect } | { readonly ok: false; readonly error: DomainError } {
  if (!conductsMediation(mediation, actor)) return { ok: false, error: refusal("forbidden", "not_the_conductor", "form") };
  if (mediation.endedAt) return { ok: false, error: refusal("invalid_transition", "mediation_ended", "form") };
  if (!(MEDIATION_OUTCOMES as readonly string[]).includes(input.outcome)) return { ok: false, error: refusal("guard_failed", "outcome_required", "outcome") };
  if (input.outcome !== "failure") return { ok: true, effect: { kind: "await_proposal" } };
  if (input.nextStep === "investigation") return { ok: true, effect: { kind: "end_mediation" } };
  if (input.nextStep === "litigation") return { ok: true, effect: { kind: "await_litigation" } };
  return { ok: false, error: refusal("guard_failed", "next_step_required", "nextStep") };
}

/**
 * A proposal is offered from mediation once the mediation ended in an agreement or a partial
 * agreement (the proposal writes it down for the customer to accept online).
 */
export function mediationAllowsProposal(outcome: MediationOutcome | null | undefined): boolean {
  return outcome === "agreement" || outcome === "partial_agreement";
}
