import { domainError, fail, type DomainError } from "../errors/errors";
import { assertCents } from "../money/money";
import { can, type ActorRoles, type Permission } from "../lifecycle/permissions";

/** Kinds of resolution a proposal may offer. */
export const PROPOSAL_KINDS = [
  "credit_note",
  "replacement",
  "refund",
  "commercial_gesture",
  "price_adjustment",
  "contract_amendment",
  "settlement",
] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** Approval levels, in the order they are asked for. */
export const APPROVAL_LEVELS = ["supervisor", "finance"] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** Over `supervisorAboveCents` a supervisor approves; over `financeAboveCents` finance approves too. */
export interface ApprovalThreshold {
  readonly supervisorAboveCents: number;
  readonly financeAboveCents: number;
}

/** A default pair of thresholds, and optionally one per proposal kind. */
export type ApprovalThresholds = { readonly default: ApprovalThreshold } & Partial<Readonly<Record<ProposalKind, ApprovalThreshold>>>;

export interface ProposalForApproval {
  readonly authorId: string;
  readonly kind: ProposalKind;
  /** The value given to the customer, in cents (≥ 0). */
  readonly amountCents: number;
}

export interface ApprovalDecision {
  readonly approverId: string;
  readonly level: ApprovalLevel;
  readonly decision: "approved" | "rejected";
}

const LEVEL_PERMISSION: Readonly<Record<ApprovalLevel, Permission>> = {
  supervisor: "proposal:approve:supervisor",
  finance: "proposal:approve:finance",
};

/**
 * The approvals a proposal needs, strictly above each threshold of its kind
 * (or the default): none, `["supervisor"]`, or `["supervisor", "finance"]`
 * — over the second threshold both approve.
 *
 * @throws DomainValidationError on a negative or non-integer amount, an unknown kind or inconsistent thresholds.
 */
export function requiredApprovals(proposal: Pick<ProposalForApproval, "kind" | "amountCents">, thresholds: ApprovalThresholds): ApprovalLevel[] {
  if (!PROPOSAL_KINDS.includes(proposal.kind)) fail("invalid_argument", "kind", { value: String(proposal.kind) });
  assertCents(proposal.amountCents, "amountCents");
  const threshold = thresholds[proposal.kind] ?? thresholds.default;
  const field = thresholds[proposal.kind] ? `thresholds.${proposal.kind}` : "thresholds.default";
  assertCents(threshold?.supervisorAboveCents, `${field}.supervisorAboveCents`);
  assertCents(threshold.financeAboveCents, `${field}.financeAboveCents`);
  if (threshold.financeAboveCents < threshold.supervisorAboveCents) fail("invalid_argument", `${field}.financeAboveCents`, { reason: "below_supervisor_threshold" });
  if (proposal.amountCents > threshold.financeAboveCents) return ["supervisor", "finance"];
  if (proposal.amountCents > threshold.supervisorAboveCents) return ["supervisor"];
  return [];
}

export interface ApprovalStatus {
  readonly required: readonly ApprovalLevel[];
  readonly approved: readonly ApprovalLevel[];
  readonly missing: readonly ApprovalLevel[];
  /** Some required level refused the proposal. */
  readonly rejected: boolean;
  /** Every required level approved and none refused: the proposal may be offered. */
  readonly complete: boolean;
}

/** Where a proposal stands given the decisions recorded so far (decisions by the author are ignored). */
export function approvalStatus(proposal: ProposalForApproval, decisions: readonly ApprovalDecision[], thresholds: ApprovalThresholds): ApprovalStatus {
  const required = requiredApprovals(proposal, thresholds);
  const valid = decisions.filter((d) => d.approverId !== proposal.authorId && required.includes(d.level));
  const approved = required.filter((level) => valid.some((d) => d.level === level && d.decision === "approved"));
  const rejected = valid.some((d) => d.decision === "rejected");
  const missing = required.filter((level) => !approved.includes(level));
  return { required, approved, missing, rejected, complete: missing.length === 0 && !rejected };
}

/**
 * Decides whether `approverId` may record a decision at `level`:
 * never the proposal's author (four eyes), only a level the proposal needs
 * and has not got yet, one level per person, and only with the level's
 * permission (`proposal:approve:supervisor` / `proposal:approve:finance`).
 */
export function checkApprover(input: {
  readonly proposal: ProposalForApproval;
  readonly decisions: readonly ApprovalDecision[];
  readonly thresholds: ApprovalThresholds;
  readonly approverId: string;
  readonly approver: ActorRoles;
  readonly level: ApprovalLevel;
}): { ok: true } | { ok: false; error: DomainError } {
  const { proposal, decisions, approverId, level } = input;
  if (!APPROVAL_LEVELS.includes(level)) return refuse("invalid_argument", "level", { value: String(level) });
  if (approverId === proposal.authorId) return refuse("self_approval", "approverId", { approverId });
  if (!can(input.approver, LEVEL_PERMISSION[level])) return refuse("forbidden", "approver", { permission: LEVEL_PERMISSION[level] });
  const status = approvalStatus(proposal, decisions, input.thresholds);
  if (!status.required.includes(level)) return refuse("approval_not_required", "level", { level });
  if (status.approved.includes(level)) return refuse("already_approved", "level", { level });
  if (decisions.some((d) => d.approverId === approverId)) return refuse("already_approved", "approverId", { approverId });
  return { ok: true };
}

function refuse(code: DomainError["code"], field: string, params: Record<string, string>): { ok: false; error: DomainError } {
  return { ok: false, error: domainError(code, { field, params }) };
}
