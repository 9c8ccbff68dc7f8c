import { domainError, type DomainError } from "../errors/errors";
import { isIsoDate, type IsoDate } from "../dates/iso-date";
import { isCents } from "../money/money";

/**
 * The litigation track (contentieux): the hand-over to legal, the legal steps, the legal costs and the
 * two ways a litigation ends (a judgment, or a settlement out of court). Pure checks: each returns the
 * first refusal (a field and a catalogue key `litigation.error.*`) or null. ADR 0030 gives the reasons.
 */

/** The steps of a procedure, in their usual order (mise en demeure, injonction de payer, audience, jugement). */
export const LEGAL_STEP_KINDS = ["formal_notice", "injunction_to_pay", "court_hearing", "judgment"] as const;
export type LegalStepKind = (typeof LEGAL_STEP_KINDS)[number];

/** The steps recorded one by one; a judgment is recorded by ending the litigation judged (it carries the outcome). */
export const RECORDABLE_STEP_KINDS = ["formal_notice", "injunction_to_pay", "court_hearing"] as const satisfies readonly LegalStepKind[];

/** Whom the judgment decides for. */
export const JUDGMENT_RULINGS = ["supplier", "customer", "partly"] as const;
export type JudgmentRuling = (typeof JUDGMENT_RULINGS)[number];

export function isLegalStepKind(value: unknown): value is LegalStepKind {
  return LEGAL_STEP_KINDS.includes(value as LegalStepKind);
}

export function isJudgmentRuling(value: unknown): value is JudgmentRuling {
  return JUDGMENT_RULINGS.includes(value as JudgmentRuling);
}

/** Text limits shared by the forms and the checks. */
export const LITIGATION_LIMITS = { reason: 2_000, notes: 5_000, label: 200, terms: 5_000 } as const;

const refuse = (field: string, reason: string): DomainError => domainError("invalid_argument", { field, messageKey: `litigation.error.${reason}`, params: { reason } });
const filled = (value: unknown, max: number): boolean => typeof value === "string" && value.trim().length > 0 && value.trim().length <= max;
const positive = (cents: unknown): boolean => isCents(cents) && cents > 0;
const nonNegative = (cents: unknown): boolean => isCents(cents) && cents >= 0;

/**
 * A date of a fact that already happened: required, a real calendar day, not after `today`.
 * `allowFuture`: a hearing is often recorded when it is scheduled.
 */
function checkDay(field: string, value: unknown, today: IsoDate, options: { allowFuture?: boolean; requiredReason?: string } = {}): DomainError | null {
  if (value === undefined || value === null || value === "") return refuse(field, options.requiredReason ?? "date_required");
  if (!isIsoDate(value)) return refuse(field, "date_invalid");
  if (!options.allowFuture && value > today) return refuse(field, "date_in_future");
  return null;
}

export interface HandOverInput {
  readonly reason: string;
  /** What the supplier claims in court, excl. VAT: more than 0; it may exceed the disputed amount (interest, the fixed recovery indemnity, damages). */
  readonly amountAtStakeCents: number;
}

/** The hand-over to legal: a reason and an amount at stake above zero. */
export function checkHandOver(input: HandOverInput): DomainError | null {
  if (!filled(input.reason, LITIGATION_LIMITS.reason)) return refuse("reason", "reason_required");
  if (!positive(input.amountAtStakeCents)) return refuse("amountAtStake", "amount_positive");
  return null;
}

export interface LegalStepInput {
  readonly kind: LegalStepKind;
  readonly date: IsoDate | undefined;
}

/** A legal step: a known kind and a date; only a hearing may be in the future (it is scheduled). */
export function checkLegalStep(input: LegalStepInput, today: IsoDate): DomainError | null {
  if (!isLegalStepKind(input.kind)) return refuse("kind", "kind_required");
  return checkDay("date", input.date, today, { allowFuture: input.kind === "court_hearing" });
}

export interface LegalCostInput {
  readonly amountCents: number;
  readonly label: string;
  readonly date: IsoDate | undefined;
}

/** A legal cost (lawyer's fees, bailiff, court fees): an amount above zero, a label, a past date. */
export function checkLegalCost(input: LegalCostInput, today: IsoDate): DomainError | null {
  if (!positive(input.amountCents)) return refuse("amount", "amount_positive");
  if (!filled(input.label, LITIGATION_LIMITS.label)) return refuse("label", "label_required");
  return checkDay("date", input.date, today);
}

/** The legal costs of a case: what `cases.legal_costs_cents` holds. */
export function totalLegalCosts(costs: readonly { readonly amountCents: number }[]): number {
  return costs.reduce((sum, cost) => sum + cost.amountCents, 0);
}

export interface JudgmentInput {
  readonly date: IsoDate | undefined;
  readonly ruling: JudgmentRuling;
  /** What the court grants the customer (a credit on the disputed invoices), excl. VAT. */
  readonly grantedCents: number;
  /** What the court orders the customer to pay (the invoices' remainder, damages, art. 700 CPC…). */
  readonly owedCents: number;
}

/**
 * A judgment: dated (never in the future: a judgment without a date is refused), a ruling, and amounts
 * that agree with it. In favour of the supplier nothing is granted; in favour of the customer something
 * is; partly: something, but less than all that is disputed. What is granted never exceeds what is disputed.
 */
export function checkJudgment(input: JudgmentInput, context: { today: IsoDate; disputedCents: number }): DomainError | null {
  const day = checkDay("date", input.date, context.today, { requiredReason: "judgment_date_required" });
  if (day) return day;
  if (!isJudgmentRuling(input.ruling)) return refuse("ruling", "ruling_required");
  if (!nonNegative(input.grantedCents)) return refuse("granted", "amount_invalid");
  if (!nonNegative(input.owedCents)) return refuse("owed", "amount_invalid");
  if (input.grantedCents > context.disputedCents) return refuse("granted", "granted_above_disputed");
  if (input.ruling === "supplier" && input.grantedCents !== 0) return refuse("granted", "granted_for_supplier");
  if (input.ruling !== "supplier" && input.grantedCents === 0) return refuse("granted", "granted_required");
  if (input.ruling === "partly" && input.grantedCents === context.disputedCents) return refuse("granted", "granted_partly");
  return null;
}

export interface OutOfCourtInput {
  /** What the settlement gives the customer (a credit on the disputed invoices), excl. VAT; 0 when the customer pays everything. */
  readonly amountCents: number;
  readonly terms: string;
}

/** A settlement out of court: its terms and an amount no greater than what is disputed. */
export function checkOutOfCourt(input: OutOfCourtInput, context: { disputedCents: number }): DomainError | null {
  if (!nonNegative(input.amountCents)) return refuse("amount", "amount_invalid");
  if (input.amountCents > context.disputedCents) return refuse("amount", "granted_above_disputed");
  if (!filled(input.terms, LITIGATION_LIMITS.terms)) return refuse("terms", "terms_required");
  return null;
}
