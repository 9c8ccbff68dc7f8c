import { domainError, type DomainError } from "../errors/errors";
import { assertInstant } from "../dates/iso-date";
import { can, type ActorRoles, type Permission } from "./permissions";
import {
  isCaseStatus,
  isCaseType,
  isOutcome,
  isPriority,
  type CaseKind,
  type CaseStatus,
  type CaseType,
  type Outcome,
  type Priority,
} from "./statuses";

/** State of a case as far as the lifecycle is concerned. */
export interface CaseState {
  readonly status: CaseStatus;
  readonly kind: CaseKind;
  /** The case reference (`LIT-2026-000123`); lets `mark_duplicate` refuse the case itself. */
  readonly reference?: string;
}

/** A corrective action as the `close` guard sees it. */
export interface CorrectiveActionState {
  readonly status: "open" | "done" | "waived";
  /** Named in the refusal when the action is still open. */
  readonly title?: string;
}

/** Everything a user or the system may ask a case to do. */
export type CaseCommand =
  | { readonly type: "qualify"; readonly priority: Priority; readonly caseType: CaseType }
  | { readonly type: "start_investigation" }
  | { readonly type: "request_information"; readonly items: readonly string[] }
  | { readonly type: "customer_answered" }
  | { readonly type: "offer_proposal"; readonly proposalId: string; readonly approvalsComplete: boolean }
  | { readonly type: "proposal_accepted"; readonly proposalId: string; readonly outcome?: Outcome }
  | { readonly type: "proposal_declined"; readonly proposalId: string; readonly reason?: string }
  | { readonly type: "proposal_countered"; readonly proposalId: string; readonly counter: string }
  | { readonly type: "expire_proposal"; readonly proposalId: string }
  | {
      readonly type: "start_mediation";
      /** The mediator's name as the customer reads it. */
      readonly mediator: string;
      readonly mediationKind?: "internal" | "external";
      readonly organisation?: string | null;
      readonly mediationId?: string;
    }
  | { readonly type: "end_mediation"; readonly outcome: "failure"; readonly nextStep: "investigation"; readonly mediationId?: string }
  | { readonly type: "go_to_litigation"; readonly reason: string }
  | { readonly type: "resolve"; readonly outcome: Outcome; readonly rationale?: string }
  | { readonly type: "close"; readonly correctiveActions: readonly CorrectiveActionState[] }
  | { readonly type: "withdraw"; readonly reason: string }
  | { readonly type: "close_as_abandoned"; readonly requestId: string }
  | { readonly type: "reject"; readonly reasons: readonly string[] }
  | { readonly type: "mark_duplicate"; readonly duplicateOf: string }
  | { readonly type: "reopen"; readonly reason: string }
  | { readonly type: "promote_to_dispute"; readonly reason: string };

export type CaseCommandType = CaseCommand["type"];

export const CASE_COMMANDS = [
  "qualify",
  "start_investigation",
  "request_information",
  "customer_answered",
  "offer_proposal",
  "proposal_accepted",
  "proposal_declined",
  "proposal_countered",
  "expire_proposal",
  "start_mediation",
  "end_mediation",
  "go_to_litigation",
  "resolve",
  "close",
  "withdraw",
  "close_as_abandoned",
  "reject",
  "mark_duplicate",
  "reopen",
  "promote_to_dispute",
] as const satisfies readonly CaseCommandType[];

/** One allowed move: the status it leads to (`null`: unchanged), the permission it needs, and the kinds of case it applies to. */
export interface TransitionRule {
  readonly to: CaseStatus | null;
  readonly permission: Permission;
  /** The kinds of case the move applies to (every kind when absent). */
  readonly kinds?: readonly CaseKind[];
}

type Rules = Partial<Record<CaseCommandType, TransitionRule>>;

const rule = (to: CaseStatus | null, permission: Permission, kinds?: readonly CaseKind[]): TransitionRule => (kinds ? { to, permission, kinds } : { to, permission });
const withdraw = rule("withdrawn", "case:withdraw");
const reject = rule("rejected", "case:decide");
const duplicate = rule("duplicate", "case:qualify");
// Only a claim is promoted: a dispute already is one.
const promote = rule(null, "case:qualify", ["claim"]);

/**
 * The lifecycle: for each status, the commands allowed and where they lead.
 * Anything not in this table is refused with `invalid_transition`.
 *
 * received → qualified → investigating ⇄ awaiting_customer → negotiating /
 * mediation → resolved → closed; side exits litigation, withdrawn, rejected,
 * duplicate. `reopen` brings a resolved (not yet closed) case back to
 * investigating.
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, Rules>> = {
  received: {
    qualify: rule("qualified", "case:qualify"),
    reject,
    mark_duplicate: duplicate,
    withdraw,
    promote_to_dispute: promote,
  },
  qualified: {
    start_investigation: rule("investigating", "case:investigate"),
    offer_proposal: rule("negotiating", "proposal:create"),
    start_mediation: rule("mediation", "mediation:start"),
    reject,
    mark_duplicate: duplicate,
    withdraw,
    promote_to_dispute: promote,
  },
  investigating: {
    request_information: rule("awaiting_customer", "case:investigate"),
    offer_proposal: rule("negotiating", "proposal:create"),
    start_mediation: rule("mediation", "mediation:start"),
    go_to_litigation: rule("litigation", "case:litigation"),
    resolve: rule("resolved", "case:decide"),
    reject,
    mark_duplicate: duplicate,
    withdraw,
    promote_to_dispute: promote,
  },
  awaiting_customer: {
    customer_answered: rule("investigating", "case:reply"),
    // The customer never answered the evidence request, nor its two reminders (the SLA sweep, ADR 0032).
    close_as_abandoned: rule("closed", "case:decide"),
    reject,
    withdraw,
    promote_to_dispute: promote,
  },
  negotiating: {
    proposal_accepted: rule("resolved", "proposal:respond"),
    proposal_declined: rule("investigating", "proposal:respond"),
    proposal_countered: rule("investigating", "proposal:respond"),
    // The proposal's last day passed without an answer: back to the agent (the sweep, or the customer's late click).
    expire_proposal: rule("investigating", "proposal:create"),
    offer_proposal: rule("negotiating", "proposal:create"),
    start_mediation: rule("mediation", "mediation:start"),
    go_to_litigation: rule("litigation", "case:litigation"),
    withdraw,
    promote_to_dispute: promote,
  },
  mediation: {
    resolve: rule("resolved", "mediation:conduct"),
    // An agreement reached in mediation becomes a proposal the customer accepts online (issue 12).
    offer_proposal: rule("negotiating", "proposal:create"),
    // A failed mediation sends the case back to the investigation (its conductor: see mayRecordMediationOutcome).
    end_mediation: rule("investigating", "mediation:outcome"),
    go_to_litigation: rule("litigation", "case:litigation"),
    withdraw,
    promote_to_dispute: promote,
  },
  litigation: {
    resolve: rule("resolved", "case:litigation"),
    withdraw,
  },
  resolved: {
    close: rule("closed", "case:decide"),
    reopen: rule("investigating", "case:reopen"),
  },
  closed: {},
  withdrawn: {},
  rejected: {},
  duplicate: {},
};

/** A fact produced by a transition, ready for the audit chain. */
export interface CaseEvent {
  readonly type: string;
  readonly at: Date;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly data: Readonly<Record<string, unknown>>;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: CaseState; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: DomainError };

const EVENT_TYPES: Record<CaseCommandType, string> = {
  qualify: "case_qualified",
  start_investigation: "investigation_started",
  request_information: "information_requested",
  customer_answered: "customer_answered",
  offer_proposal: "proposal_offered",
  proposal_accepted: "proposal_accepted",
  proposal_declined: "proposal_declined",
  proposal_countered: "proposal_countered",
  expire_proposal: "proposal_expired",
  start_mediation: "mediation_started",
  end_mediation: "mediation_ended",
  go_to_litigation: "litigation_started",
  resolve: "case_resolved",
  close: "case_closed",
  withdraw: "case_withdrawn",
  close_as_abandoned: "case_closed_as_abandoned",
  reject: "case_rejected",
  mark_duplicate: "case_marked_duplicate",
  reopen: "case_reopened",
  promote_to_dispute: "case_promoted_to_dispute",
};

/** The commands a case accepts in its status and of its kind (none once terminal). */
export function allowedCommands(state: Pick<CaseState, "status" | "kind">): CaseCommandType[] {
  return CASE_COMMANDS.filter((command) => appliesTo(TRANSITIONS[state.status][command], state.kind));
}

function appliesTo(found: TransitionRule | undefined, kind: CaseKind): found is TransitionRule {
  return found !== undefined && (found.kinds === undefined || found.kinds.includes(kind));
}

/** The permission `command` needs from `status`, or null when the move is not allowed at all. */
export function requiredPermission(status: CaseStatus, command: CaseCommandType): Permission | null {
  return TRANSITIONS[status]?.[command]?.permission ?? null;
}

/**
 * Decides a command on a case: the new state and the events to record, or a
 * typed refusal (`unknown_status`, `unknown_command`, `invalid_transition`,
 * `forbidden`, `guard_failed`, `unknown_outcome`). Never a silent no-op.
 *
 * Guards read only their arguments. When `actor` is given, its permission is
 * checked too (use cases check it anyway; see {@link requiredPermission}).
 *
 * @throws DomainValidationError `invalid_date` (`at`) — a programming error.
 */
export function transition(state: CaseState, command: CaseCommand, options: { at: Date; actor?: ActorRoles }): TransitionResult {
  assertInstant(options.at, "at");
  if (!isCaseStatus(state.status)) return refuse(domainError("unknown_status", { field: "status", params: { value: String(state.status) } }));
  const type: unknown = typeof command === "object" && command !== null ? (command as { type?: unknown }).type : undefined;
  if (!CASE_COMMANDS.includes(type as CaseCommandType)) {
    return refuse(domainError("unknown_command", { field: "command.type", params: { value: String(type) } }));
  }
  const found = TRANSITIONS[state.status][command.type];
  if (!found) {
    return refuse(domainError("invalid_transition", { field: "status", params: { from: state.status, command: command.type } }));
  }
  if (options.actor && !can(options.actor, found.permission)) {
    return refuse(domainError("forbidden", { field: "actor", params: { permission: found.permission, command: command.type } }));
  }
  const guardError = checkGuard(state, command);
  if (guardError) return refuse(guardError);
  return accept(state, command, found, options.at);
}

function refuse(error: DomainError): TransitionResult {
  return { ok: false, error };
}

function guardFailed(field: string, reason: string, params: Record<string, string | number> = {}): DomainError {
  return domainError("guard_failed", { field, messageKey: `domain.error.guard_failed.${reason}`, params: { reason, ...params } });
}

const filled = (value: unknown): boolean => typeof value === "string" && value.trim().length > 0;
const filledList = (value: unknown): boolean => Array.isArray(value) && value.length > 0 && value.every(filled);

function checkGuard(state: CaseState, command: CaseCommand): DomainError | null {
  switch (command.type) {
    case "qualify":
      if (!isPriority(command.priority)) return guardFailed("priority", "priority_required");
      return isCaseType(command.caseType) ? null : guardFailed("caseType", "case_type_required");
    case "request_information":
      return filledList(command.items) ? null : guardFailed("items", "items_required");
    case "offer_proposal":
      if (!filled(command.proposalId)) return guardFailed("proposalId", "proposal_required");
      return command.approvalsComplete === true ? null : guardFailed("approvalsComplete", "approvals_pending");
    case "proposal_accepted":
      if (!filled(command.proposalId)) return guardFailed("proposalId", "proposal_required");
      return checkAcceptedOutcome(command.outcome);
    case "proposal_declined":
    case "expire_proposal":
      return filled(command.proposalId) ? null : guardFailed("proposalId", "proposal_required");
    case "close_as_abandoned":
      return filled(command.requestId) ? null : guardFailed("requestId", "request_required");
    case "proposal_countered":
      if (!filled(command.proposalId)) return guardFailed("proposalId", "proposal_required");
      return filled(command.counter) ? null : guardFailed("counter", "counter_required");
    case "start_mediation":
      return filled(command.mediator) ? null : guardFailed("mediator", "mediator_required");
    case "end_mediation":
      return command.outcome === "failure" && command.nextStep === "investigation" ? null : guardFailed("outcome", "mediation_failure_required");
    case "resolve":
      return checkResolution(state.status, command.outcome);
    case "close":
      return checkCorrectiveActions(command.correctiveActions);
    case "reject":
      return filledList(command.reasons) ? null : guardFailed("reasons", "reasons_required");
    case "mark_duplicate":
      if (!filled(command.duplicateOf)) return guardFailed("duplicateOf", "original_required");
      return command.duplicateOf === state.reference ? guardFailed("duplicateOf", "duplicate_of_itself") : null;
    case "promote_to_dispute":
      if (state.kind === "dispute") return guardFailed("kind", "already_a_dispute");
      return filled(command.reason) ? null : guardFailed("reason", "reason_required");
    case "go_to_litigation":
    case "withdraw":
    case "reopen":
      return filled(command.reason) ? null : guardFailed("reason", "reason_required");
    case "start_investigation":
    case "customer_answered":
      return null;
  }
}

const ACCEPTED_OUTCOMES: readonly Outcome[] = ["settled_amicably", "upheld", "partially_upheld"];

function checkAcceptedOutcome(outcome: unknown): DomainError | null {
  if (outcome === undefined) return null;
  if (!isOutcome(outcome)) return domainError("unknown_outcome", { field: "outcome", params: { value: String(outcome) } });
  return ACCEPTED_OUTCOMES.includes(outcome) ? null : guardFailed("outcome", "outcome_not_allowed", { outcome });
}

/** Only a court judges; a litigation ends judged, settled or withdrawn. */
function checkResolution(from: CaseStatus, outcome: unknown): DomainError | null {
  if (outcome === undefined || outcome === null) return guardFailed("outcome", "outcome_required");
  if (!isOutcome(outcome)) return domainError("unknown_outcome", { field: "outcome", params: { value: String(outcome) } });
  const allowed = from === "litigation" ? outcome === "judged" || outcome === "settled_amicably" || outcome === "withdrawn" : outcome !== "judged";
  return allowed ? null : guardFailed("outcome", "outcome_not_allowed", { outcome, from });
}

function checkCorrectiveActions(actions: unknown): DomainError | null {
  if (!Array.isArray(actions)) return guardFailed("correctiveActions", "corrective_actions_required");
  const open = actions.filter((action: CorrectiveActionState) => action?.status !== "done" && action?.status !== "waived");
  const titles = open.map((action: CorrectiveActionState) => `« ${action?.title ?? "?"} »`).join(", ");
  return open.length === 0 ? null : guardFailed("correctiveActions", "corrective_actions_pending", { pending: open.length, titles });
}

function accept(state: CaseState, command: CaseCommand, found: TransitionRule, at: Date): TransitionResult {
  const to = found.to ?? state.status;
  const { type, ...data } = command;
  const payload = type === "proposal_accepted" ? { ...data, outcome: command.outcome ?? "settled_amicably" } : data;
  const events: CaseEvent[] = [{ type: EVENT_TYPES[type], at, from: state.status, to, data: payload }];
  let kind = type === "promote_to_dispute" ? "dispute" : state.kind;
  // Going to court formalises the dispute: a claim is promoted on the way.
  if (type === "go_to_litigation" && state.kind === "claim") {
    kind = "dispute";
    events.unshift({ type: EVENT_TYPES.promote_to_dispute, at, from: state.status, to: state.status, data: { reason: "litigation" } });
  }
  return { ok: true, state: { ...state, status: to, kind }, events };
}

/** The outcome a transition records, if any (resolution or accepted proposal). */
export function outcomeOf(event: CaseEvent): Outcome | null {
  const outcome = event.data.outcome;
  return event.to === "resolved" && isOutcome(outcome) ? outcome : null;
}
