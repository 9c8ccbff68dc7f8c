import type { DomainError } from "../errors/errors";
import { mediationAllowsProposal, type MediationOutcome } from "../mediation/mediation";
import { permissionsOf, type ActorRoles, type Permission } from "./permissions";
import { isTerminal, type CaseKind, type CaseStatus, type CaseType, type Priority } from "./statuses";
import { allowedCommands, requiredPermission, transition, type CaseCommandType, type CaseState, type TransitionResult } from "./transitions";

/**
 * What a staff member may do on a case now, named: the back-office page reads these and decides
 * nothing itself. Each one is the rule its use case enforces (the command the lifecycle allows from
 * this status and kind, the permission it needs, no work on a terminal case).
 */
export interface StaffCaseCapabilities {
  /** Qualify (the first time) or re-classify: type, priority, team and assignee. */
  readonly qualify: boolean;
  /** Change the team and assignee only (a supervisor or admin who does not qualify). */
  readonly assign: boolean;
  readonly startInvestigation: boolean;
  readonly promote: boolean;
  readonly reject: boolean;
  readonly merge: boolean;
  /** Ask the customer for evidence now (investigating, or one more request while awaiting the customer). */
  readonly requestEvidence: boolean;
  /** The staff member does instruction work but the case is not at the stage of an evidence request. */
  readonly requestEvidenceLater: boolean;
  readonly addTask: boolean;
  readonly reply: boolean;
  readonly note: boolean;
  /** The visibilities this staff member may give to a file they add (none: no upload form). */
  readonly evidenceVisibilities: readonly ("public" | "internal")[];
  readonly setRootCause: boolean;
  readonly notifyStakeholders: boolean;
  readonly logTime: boolean;
  /** Write a proposal ("Proposer une solution"): the lifecycle offers one from this status. */
  readonly propose: boolean;
  /** Record a decision without an accepted proposal (upheld, partially upheld, rejected). */
  readonly resolve: boolean;
  /** Close a resolved case. */
  readonly close: boolean;
  /** Commands of the page that the case allows but that another role must run (named, not offered). */
  readonly reservedToOtherRoles: readonly CaseCommandType[];
}

/** The lifecycle commands the back-office case page has a form for. */
export const STAFF_PAGE_COMMANDS = ["start_investigation", "promote_to_dispute", "mark_duplicate", "reject"] as const satisfies readonly CaseCommandType[];

/**
 * A case waits on the customer after an evidence request; while it waits, staff may ask for more.
 * Otherwise the lifecycle's `request_information` decides (from investigating).
 */
export function acceptsEvidenceRequest(state: Pick<CaseState, "status" | "kind">): boolean {
  return awaitsCustomer(state) || allowedCommands(state).includes("request_information");
}

const awaitsCustomer = (state: Pick<CaseState, "status">) => state.status === "awaiting_customer";

/**
 * What an evidence request by `actor` does to the case, under the rule the page shows
 * (`StaffCaseCapabilities.requestEvidence`): while the case awaits the customer it is one more
 * request and the status stays (`statusChange: null`); otherwise it is the lifecycle's
 * `request_information` (the case then awaits the customer), refused with the lifecycle's reason
 * (`invalid_transition` before the investigation, `forbidden` without the permission).
 */
export function decideEvidenceRequest(
  state: CaseState,
  items: readonly string[],
  options: { at: Date; actor: ActorRoles },
): { readonly ok: true; readonly statusChange: Extract<TransitionResult, { ok: true }> | null } | { readonly ok: false; readonly error: DomainError } {
  if (awaitsCustomer(state) && staffCaseCapabilities(state, permissionsOf(options.actor)).requestEvidence) return { ok: true, statusChange: null };
  const result = transition(state, { type: "request_information", items }, options);
  return result.ok ? { ok: true, statusChange: result } : result;
}

/** The priority the qualification form proposes: the impact score's on a new case, the case's own afterwards. */
export function proposedPriority(status: CaseStatus, current: Priority, implied: Priority): Priority {
  return status === "received" ? implied : current;
}

/** Whether qualifying now is the first qualification (received → qualified) rather than a re-classification. */
export function isFirstQualification(state: Pick<CaseState, "status" | "kind">): boolean {
  return allowedCommands(state).includes("qualify");
}

/** A price and billing case is checked against the account's price agreement. */
export function hasPriceCheck(type: CaseType): boolean {
  return type === "price_billing";
}

/** A task may be completed while open, by whoever instructs the case or the staff member it is assigned to. */
export function mayCompleteTask(task: { status: string; assigneeId: string | null }, actor: { userId: string; permissions: readonly Permission[] }): boolean {
  return task.status === "open" && (actor.permissions.includes("case:investigate") || task.assigneeId === actor.userId);
}

/** Facts of the case beyond its status that a capability depends on. */
export interface StaffCaseFacts {
  /** The outcome of the case's latest mediation (null while it runs, or without one). */
  readonly mediationOutcome?: MediationOutcome | null;
}

/** The capabilities of a staff member holding `permissions` on a case in `state`. */
export function staffCaseCapabilities(state: { status: CaseStatus; kind: CaseKind }, permissions: readonly Permission[], facts: StaffCaseFacts = {}): StaffCaseCapabilities {
  const holds = (permission: Permission) => permissions.includes(permission);
  const open = !isTerminal(state.status);
  const allowed = new Set(allowedCommands(state));
  const commandPermitted = (command: CaseCommandType) => {
    const permission = requiredPermission(state.status, command);
    return allowed.has(command) && permission !== null && holds(permission);
  };
  const investigates = holds("case:investigate") && open;
  return {
    qualify: holds("case:qualify") && open,
    assign: (holds("case:assign") || holds("case:qualify")) && open,
    startInvestigation: commandPermitted("start_investigation"),
    promote: commandPermitted("promote_to_dispute"),
    reject: commandPermitted("reject"),
    merge: commandPermitted("mark_duplicate"),
    requestEvidence: investigates && acceptsEvidenceRequest(state),
    requestEvidenceLater: investigates && !acceptsEvidenceRequest(state),
    addTask: investigates,
    reply: holds("case:reply") && open,
    note: holds("case:note"),
    evidenceVisibilities: [...(holds("case:reply") ? (["public"] as const) : []), ...(holds("case:note") ? (["internal"] as const) : [])],
    setRootCause: holds("case:investigate"),
    notifyStakeholders: holds("case:note"),
    logTime: holds("case:note"),
    // In mediation, the proposal writes down the agreement the mediation reached.
    propose: commandPermitted("offer_proposal") && (state.status !== "mediation" || mediationAllowsProposal(facts.mediationOutcome)),
    // A litigation ends by a judgment or a settlement out of court (the « Contentieux » section), never by this decision.
    resolve: commandPermitted("resolve") && state.status !== "litigation",
    close: commandPermitted("close"),
    reservedToOtherRoles: STAFF_PAGE_COMMANDS.filter((command) => allowed.has(command) && !commandPermitted(command)),
  };
}
