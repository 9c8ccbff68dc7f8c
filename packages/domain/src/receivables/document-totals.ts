import { fail } from "../errors/errors";
import { assertCents } from "../money/money";

/** A VAT rate in basis points: 2000 = 20 %, 550 = 5,5 %, 0 = zero-rated. */
export type VatRateBp = number;

/** What the totals need from a line: its net amount (excl. VAT) and its VAT rate. */
export interface TaxableLine {
  readonly lineAmountCents: number;
  readonly vatRateBp: VatRateBp;
}

/** The VAT breakdown for one rate: the sum of the lines at that rate, and the VAT on that sum. */
export interface VatSubtotal {
  readonly vatRateBp: VatRateBp;
  readonly taxableCents: number;
  readonly vatCents: number;
}

export interface DocumentTotals {
  /** One per rate present, highest rate first. */
  readonly subtotals: readonly VatSubtotal[];
  /** Sum of the line amounts (excl. VAT). */
  readonly netCents: number;
  /** Sum of the subtotals' VAT. */
  readonly vatCents: number;
  /** `netCents + vatCents`. */
  readonly grossCents: number;
}

/** Throws `invalid_argument` naming `field` unless `rate` is an integer number of basis points in 0–10000. */
export function assertVatRate(rate: unknown, field: string): asserts rate is VatRateBp {
  if (typeof rate !== "number" || !Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) fail("invalid_argument", field, { value: String(rate) });
}

/**
 * The VAT on a non-negative `taxableCents` at `vatRateBp`, rounded half up to the cent
 * (exact integer arithmetic: 1005 cents at 5,5 % is 55.275 → 55 cents; 10 cents at 5 % is 0.5 → 1 cent).
 */
export function vatOn(taxableCents: number, vatRateBp: VatRateBp): number {
  assertCents(taxableCents, "taxableCents");
  assertVatRate(vatRateBp, "vatRateBp");
  const exact = BigInt(taxableCents) * BigInt(vatRateBp);
  return Number((exact + 5_000n) / 10_000n);
}

/**
 * The totals of an invoice or credit note, as EN 16931 computes them: the lines are summed per VAT
 * rate, the VAT is computed once per rate on that sum (rounded half up), and the document's VAT is
 * the sum of the subtotals' VAT — never a sum of per-line VAT. Line amounts are non-negative cents.
 */
export function documentTotals(lines: readonly TaxableLine[]): DocumentTotals {
  if (lines.length === 0) fail("invalid_argument", "lines", { reason: "empty" });
  const byRate = new Map<VatRateBp, number>();
  lines.forEach((line, index) => {
    assertCents(line.lineAmountCents, `lines[${index}].lineAmountCents`);
    assertVatRate(line.vatRateBp, `lines[${index}].vatRateBp`);
    byRate.set(line.vatRateBp, safeSum(byRate.get(line.vatRateBp) ?? 0, line.lineAmountCents));
  });
  const subtotals = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRateBp, taxableCents]) => Object.freeze({ vatRateBp, taxableCents, vatCents: vatOn(taxableCents, vatRateBp) }));
  const netCents = subtotals.reduce((sum, subtotal) => safeSum(sum, subtotal.taxableCents), 0);
  const vatCents = subtotals.reduce((sum, subtotal) => safeSum(sum, subtotal.vatCents), 0);
  return Object.freeze({ subtotals: Object.freeze(subtotals), netCents, vatCents, grossCents: safeSum(netCents, vatCents) });
}

/**
 * A line's net amount: `quantityMilli` thousandths of a unit at `unitPriceCents` per unit, rounded
 * half up to the cent (2,5 kg at 3,99 € → 9,975 € → 9,98 €).
 */
export function lineAmount(quantityMilli: number, unitPriceCents: number): number {
  assertCents(quantityMilli, "quantityMilli");
  assertCents(unitPriceCents, "unitPriceCents");
  const exact = BigInt(quantityMilli) * BigInt(unitPriceCents);
  return toSafe((exact + 500n) / 1_000n);
}

function safeSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) fail("invalid_amount", "cents", { reason: "overflow" });
  return sum;
}

function toSafe(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail("invalid_amount", "cents", { reason: "overflow" });
  return Number(value);
}
