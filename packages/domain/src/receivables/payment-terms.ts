import { fail } from "../errors/errors";
import { addDays, assertIsoDate, daysBetween, endOfMonth, type IsoDate } from "../dates/iso-date";
import { assertCents } from "../money/money";

export const PAYMENT_TERM_KINDS = ["net", "end_of_month", "end_of_month_plus"] as const;
export type PaymentTermKind = (typeof PAYMENT_TERM_KINDS)[number];

/**
 * A payment term, as French contracts write it:
 * - `net`: "N jours net" — N days after the invoice date;
 * - `end_of_month`: "N jours fin de mois" — add N days, then go to the end of that month;
 * - `end_of_month_plus`: "fin de mois + N jours" — the end of the invoice's month, then N days.
 */
export interface PaymentTerm {
  readonly kind: PaymentTermKind;
  /** 0–365. */
  readonly days: number;
}

/** Throws `invalid_payment_term` naming `term.kind` or `term.days` unless the term is sound. */
export function assertPaymentTerm(term: PaymentTerm, field = "term"): void {
  if (!PAYMENT_TERM_KINDS.includes(term?.kind)) fail("invalid_payment_term", `${field}.kind`, { value: String(term?.kind) });
  if (!Number.isSafeInteger(term.days) || term.days < 0 || term.days > 365) fail("invalid_payment_term", `${field}.days`, { value: String(term.days) });
}

/**
 * The due date of an invoice issued on `from` (or of a disputed amount
 * resolved on `from`) under `term`.
 *
 * `dueDate("2026-01-10", { kind: "end_of_month", days: 45 })` → `"2026-02-28"`;
 * `dueDate("2026-01-15", { kind: "end_of_month_plus", days: 45 })` → `"2026-03-17"`.
 */
export function dueDate(from: IsoDate, term: PaymentTerm): IsoDate {
  assertIsoDate(from, "from");
  assertPaymentTerm(term);
  switch (term.kind) {
    case "net":
      return addDays(from, term.days);
    case "end_of_month":
      return endOfMonth(addDays(from, term.days));
    case "end_of_month_plus":
      return addDays(endOfMonth(from), term.days);
  }
}

/**
 * True when the term goes beyond the general French maximum (Code de
 * commerce, L441-10): 60 days from the invoice date, or 45 days end of
 * month. For information only — some sectors have their own limits.
 */
export function exceedsLegalMaximum(term: PaymentTerm): boolean {
  assertPaymentTerm(term);
  return term.kind === "net" ? term.days > 60 : term.days > 45;
}

export type InvoiceDunningState = "paid" | "on_hold" | "not_due" | "overdue";

/**
 * Where an invoice stands on `today`: a disputed invoice is on hold (it
 * leaves dunning) whatever its due date; otherwise overdue the day after
 * its due date.
 */
export function invoiceDunningState(invoice: { readonly dueDate: IsoDate; readonly paid: boolean; readonly disputed: boolean }, today: IsoDate): InvoiceDunningState {
  assertIsoDate(invoice.dueDate, "dueDate");
  assertIsoDate(today, "today");
  if (invoice.paid) return "paid";
  if (invoice.disputed) return "on_hold";
  return today > invoice.dueDate ? "overdue" : "not_due";
}

/**
 * The date an invoice falls due for dunning. Before any resolution, its own due date. After one, the
 * date of the earliest part still unpaid: payments settle the undisputed part first (it kept its
 * date), then the disputed remainder (due under the term counted from the resolution).
 */
export function outstandingDueDate(invoice: {
  readonly dueDate: IsoDate;
  readonly paidCents: number;
  readonly settlement: { readonly undisputedCents: number; readonly undisputedDueDate: IsoDate; readonly remainderCents: number; readonly remainderDueDate: IsoDate } | null;
}): IsoDate {
  assertIsoDate(invoice.dueDate, "dueDate");
  const settlement = invoice.settlement;
  if (!settlement) return invoice.dueDate;
  assertIsoDate(settlement.undisputedDueDate, "undisputedDueDate");
  assertIsoDate(settlement.remainderDueDate, "remainderDueDate");
  if (invoice.paidCents < settlement.undisputedCents || settlement.remainderCents === 0) return settlement.undisputedDueDate;
  return settlement.remainderDueDate;
}

export interface DisputedInvoiceResolution {
  /** The part never disputed: still due on the original date. */
  readonly undisputed: { readonly amountCents: number; readonly dueDate: IsoDate };
  /** The disputed part not credited: due under the contractual term counted from the resolution date. */
  readonly disputedRemainder: { readonly amountCents: number; readonly dueDate: IsoDate };
  readonly creditedCents: number;
}

/**
 * Splits a disputed invoice at resolution. The undisputed part keeps its
 * original due date; what remains of the disputed part once the credit is
 * granted becomes due on the resolution date plus the contractual term.
 *
 * @throws DomainValidationError naming the amount or date at fault
 *   (amounts are non-negative integers with credited ≤ disputed ≤ invoice).
 */
export function resolveDisputedInvoice(input: {
  readonly invoiceAmountCents: number;
  readonly disputedCents: number;
  readonly creditedCents: number;
  readonly originalDueDate: IsoDate;
  readonly resolutionDate: IsoDate;
  readonly term: PaymentTerm;
}): DisputedInvoiceResolution {
  assertCents(input.invoiceAmountCents, "invoiceAmountCents");
  assertCents(input.disputedCents, "disputedCents");
  assertCents(input.creditedCents, "creditedCents");
  if (input.disputedCents > input.invoiceAmountCents) fail("invalid_amount", "disputedCents", { reason: "more_than_invoice" });
  if (input.creditedCents > input.disputedCents) fail("invalid_amount", "creditedCents", { reason: "more_than_disputed" });
  assertIsoDate(input.originalDueDate, "originalDueDate");
  assertIsoDate(input.resolutionDate, "resolutionDate");
  return {
    undisputed: { amountCents: input.invoiceAmountCents - input.disputedCents, dueDate: input.originalDueDate },
    disputedRemainder: { amountCents: input.disputedCents - input.creditedCents, dueDate: dueDate(input.resolutionDate, input.term) },
    creditedCents: input.creditedCents,
  };
}

/** The day to invite the customer to report a problem, `daysBefore` days before the due date. */
export function preDueReminderDate(due: IsoDate, daysBefore: number): IsoDate {
  assertIsoDate(due, "dueDate");
  if (!Number.isSafeInteger(daysBefore) || daysBefore < 0) fail("invalid_argument", "daysBefore", { value: String(daysBefore) });
  return addDays(due, -daysBefore);
}

/** Fixed recovery indemnity per late invoice (Code de commerce, D441-5): €40. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/** The statutory late-payment rate: the ECB refinancing rate plus 10 points, in basis points. */
export function statutoryLatePaymentRate(ecbRateBasisPoints: number): number {
  if (!Number.isSafeInteger(ecbRateBasisPoints) || ecbRateBasisPoints < 0) fail("invalid_argument", "ecbRateBasisPoints", { value: String(ecbRateBasisPoints) });
  return ecbRateBasisPoints + 1000;
}

export interface LatePaymentPenalty {
  readonly daysLate: number;
  /** `amount × rate × days / 365`, rounded half up to the cent. */
  readonly interestCents: number;
  /** €40 once per late invoice, 0 when not late. */
  readonly recoveryIndemnityCents: number;
  readonly totalCents: number;
}

/**
 * Late-payment penalties of an invoice paid (or still unpaid) on `paidOn`,
 * for information: interest at `annualRateBasisPoints` (e.g. the contract
 * rate, or {@link statutoryLatePaymentRate}) for each calendar day after the
 * due date, on a 365-day year, plus the €40 recovery indemnity (amounts in
 * EUR cents).
 */
export function latePaymentPenalty(input: {
  readonly amountCents: number;
  readonly dueDate: IsoDate;
  readonly paidOn: IsoDate;
  readonly annualRateBasisPoints: number;
}): LatePaymentPenalty {
  assertCents(input.amountCents, "amountCents");
  assertIsoDate(input.dueDate, "dueDate");
  assertIsoDate(input.paidOn, "paidOn");
  if (!Number.isSafeInteger(input.annualRateBasisPoints) || input.annualRateBasisPoints < 0) {
    fail("invalid_argument", "annualRateBasisPoints", { value: String(input.annualRateBasisPoints) });
  }
  const daysLate = Math.max(0, daysBetween(input.dueDate, input.paidOn));
  const numerator = BigInt(input.amountCents) * BigInt(input.annualRateBasisPoints) * BigInt(daysLate);
  const denominator = 10_000n * 365n;
  const interestCents = Number((numerator * 2n + denominator) / (denominator * 2n));
  const recoveryIndemnityCents = daysLate > 0 ? RECOVERY_INDEMNITY_CENTS : 0;
  return { daysLate, interestCents, recoveryIndemnityCents, totalCents: interestCents + recoveryIndemnityCents };
}
