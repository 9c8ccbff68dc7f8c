import { domainError, fail, type DomainError } from "../errors/errors";
import { assertIsoDate, type IsoDate } from "../dates/iso-date";
import { vatOf } from "../intake/disputed-amount";
import { allocate, assertCents, money } from "../money/money";
import { PROPOSAL_KINDS, type ProposalKind } from "../approval/approval";
import type { CustomerRole } from "../lifecycle/permissions";
import type { CaseStatus } from "../lifecycle/statuses";

/**
 * Where a proposal stands:
 * - `draft`: a customer's counter-proposal, waiting for the agent to take it up;
 * - `pending_approval`: written by an agent, above a threshold, waiting for the approvers;
 * - `refused`: an approver refused it (the agent writes a new one);
 * - `offered`: with the customer (one at a time per case);
 * - `accepted`, `declined`, `countered`: the customer's answer;
 * - `expired`: its last day passed while offered;
 * - `superseded`: another proposal was offered or the case moved on (a draft or pending one left behind).
 * - `withdrawn`: taken back by the agent before an answer.
 */
export const PROPOSAL_STATUSES = ["draft", "pending_approval", "refused", "offered", "accepted", "declined", "countered", "expired", "superseded", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The number of business days a proposal stays open unless the author chooses otherwise. */
export const DEFAULT_PROPOSAL_VALIDITY_BUSINESS_DAYS = 10;

/** A kind that needs each side's concessions: a "transaction" (art. 2044 of the Code civil) requires reciprocal ones. */
export function requiresConcessions(kind: ProposalKind): boolean {
  return kind === "settlement";
}

export interface ProposalConcessionsInput {
  readonly supplier: readonly string[];
  readonly customer: readonly string[];
}

export interface ProposalDraftInput {
  readonly kind: ProposalKind;
  /** Excl. VAT, integer cents ≥ 0 (the form's parser refuses negatives and a third decimal). */
  readonly amountCents: number;
  /** The customer's last day to accept (Europe/Paris). */
  readonly expiresOn: IsoDate;
  readonly concessions?: ProposalConcessionsInput | null;
}

const refusal = (field: string, reason: string, params: Record<string, string | number> = {}): DomainError =>
  domainError("invalid_proposal", { field, messageKey: `proposal.error.${reason}`, params: { reason, ...params } });

/**
 * The refusals of a proposal as the author wrote it, one per field at fault (empty: it may go on):
 * an unknown kind, an amount above what the case disputes, a last day that is not after today, a
 * settlement without concessions on both sides.
 */
export function checkProposalDraft(draft: ProposalDraftInput, context: { readonly disputedCents: number; readonly today: IsoDate }): DomainError[] {
  assertCents(context.disputedCents, "disputedCents");
  assertIsoDate(context.today, "today");
  const errors: DomainError[] = [];
  if (!PROPOSAL_KINDS.includes(draft.kind)) errors.push(refusal("kind", "kind_required"));
  if (!Number.isSafeInteger(draft.amountCents) || draft.amountCents < 0) errors.push(refusal("amount", "amount_invalid"));
  else if (draft.amountCents > context.disputedCents) errors.push(refusal("amount", "amount_above_disputed", { disputedCents: context.disputedCents }));
  if (draft.expiresOn <= context.today) errors.push(refusal("expiresOn", "expiry_not_in_future"));
  if (PROPOSAL_KINDS.includes(draft.kind) && requiresConcessions(draft.kind)) {
    const filled = (list: readonly string[] | undefined) => (list ?? []).some((item) => item.trim().length > 0);
    if (!filled(draft.concessions?.supplier)) errors.push(refusal("concessions.supplier", "concessions_required"));
    if (!filled(draft.concessions?.customer)) errors.push(refusal("concessions.customer", "concessions_required"));
  }
  return errors;
}

/**
 * The VAT on a proposal's amount: the amount spread over the contested lines in proportion to
 * what each disputes (no cent lost), each share taxed at its line's rate, rounded half up.
 * With no line (or nothing disputed), the first rate given applies, or none.
 */
export function proposalVat(amountCents: number, lines: readonly { readonly disputedCents: number; readonly vatRateBp: number }[]): number {
  assertCents(amountCents, "amountCents");
  if (amountCents === 0 || lines.length === 0) return 0;
  const weights = lines.map((line) => line.disputedCents);
  if (weights.every((weight) => weight === 0)) return vatOf(amountCents, lines[0]!.vatRateBp);
  const shares = allocate(money(amountCents), weights);
  return shares.reduce((sum, share, index) => sum + vatOf(share.cents, lines[index]!.vatRateBp), 0);
}

/** An offered proposal can be accepted up to and including its last day. */
export function isProposalExpired(expiresOn: IsoDate | null, today: IsoDate): boolean {
  if (expiresOn === null) return false;
  assertIsoDate(expiresOn, "expiresOn");
  assertIsoDate(today, "today");
  return today > expiresOn;
}

export type CustomerResponse = "accept" | "decline" | "counter";

/**
 * Whether a customer may answer this proposal now: only an offered one, before its last day has
 * passed, and only the account's admin or the case's contact (a viewer reads, never decides).
 */
export function checkCustomerResponse(input: {
  readonly status: ProposalStatus;
  readonly expiresOn: IsoDate | null;
  readonly today: IsoDate;
  readonly customer: { readonly userId: string; readonly role: CustomerRole };
  readonly caseContactId: string;
}): DomainError | null {
  if (!customerMayDecide(input.customer, input.caseContactId)) return domainError("forbidden", { field: "actor", messageKey: "proposal.error.not_allowed_to_decide" });
  if (input.status === "offered" && isProposalExpired(input.expiresOn, input.today)) return refusal("proposal", "expired");
  if (input.status !== "offered") return refusal("proposal", input.status === "accepted" ? "already_accepted" : "not_offered", { status: input.status });
  return null;
}

/** The account's admin decides on every case, a member on the cases they follow; a viewer never. */
export function customerMayDecide(customer: { readonly userId: string; readonly role: CustomerRole }, caseContactId: string): boolean {
  return customer.role === "admin" || (customer.role === "member" && customer.userId === caseContactId);
}

/** The customer rates the handling once the case is resolved (or closed after that). */
export function acceptsSurvey(status: CaseStatus): boolean {
  return status === "resolved" || status === "closed";
}

/** Statuses in which a proposal no longer moves. */
export function isProposalSettled(status: ProposalStatus): boolean {
  return !["draft", "pending_approval", "offered"].includes(status);
}

export function isProposalStatus(value: unknown): value is ProposalStatus {
  return PROPOSAL_STATUSES.includes(value as ProposalStatus);
}

/** @throws DomainValidationError unless `value` is a known proposal status. */
export function parseProposalStatus(value: unknown): ProposalStatus {
  if (!isProposalStatus(value)) fail("invalid_argument", "status", { value: String(value) });
  return value;
}
