import { DomainValidationError, domainError, type DomainErrorCode, type DomainErrorParams } from "../errors/errors";
import { allocate, assertCents, money } from "../money/money";

/** What the invoice says about one line (as imported from the ERP). */
export interface InvoiceLineFigures {
  /** Invoiced quantity in thousandths of the unit (> 0). */
  readonly quantityMilli: number;
  /** Invoiced unit price excluding VAT, in cents. */
  readonly unitPriceCents: number;
  /** The line's total excluding VAT, in cents, as invoiced: the most a line can be disputed for. */
  readonly totalExclTaxCents: number;
  /** VAT rate in basis points (2000 = 20 %). */
  readonly vatRateBp: number;
}

/** What the customer contests on that line; at least one of the two. */
export interface ContestedFigures {
  /** Quantity contested (missing, damaged…), in thousandths, ≤ the invoiced quantity. */
  readonly contestedQuantityMilli: number | null;
  /** The unit price the customer holds to be right, in cents, ≤ the invoiced unit price. */
  readonly contestedUnitPriceCents: number | null;
}

export interface DisputedLineInput {
  readonly line: InvoiceLineFigures;
  readonly contested: ContestedFigures;
}

export interface DisputedLineAmount {
  /** What the line's figures give, excluding VAT, capped at the line's total. */
  readonly computedCents: number;
  /** The share of the claimed total on this line (≤ computed). */
  readonly claimedCents: number;
  /** VAT on the claimed share, at the line's rate. */
  readonly vatCents: number;
}

export interface DisputedAmount {
  readonly lines: readonly DisputedLineAmount[];
  /** Sum of the lines' computed amounts, excluding VAT. */
  readonly computedCents: number;
  /** What is claimed, excluding VAT: the computed total, or the lower amount the customer asked for. */
  readonly claimedCents: number;
  /** VAT beside the claimed amount (sum of the lines' VAT). */
  readonly vatCents: number;
  /** Claimed amount including VAT. */
  readonly claimedInclVatCents: number;
}

/** Why an input is refused (`params.reason` of the error). */
export type DisputedAmountRefusal = "negative" | "not_an_integer" | "exceeds_invoiced" | "nothing_contested" | "exceeds_computed" | "no_lines";

function refuse(code: DomainErrorCode, field: string, reason: DisputedAmountRefusal, params: DomainErrorParams = {}): never {
  throw new DomainValidationError(
    domainError(code, { field, messageKey: `domain.error.disputed_amount.${reason}`, params: { reason, ...params } }),
  );
}

function assertNonNegativeInteger(value: unknown, field: string, code: DomainErrorCode): asserts value is number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) refuse(code, field, "not_an_integer", { value: String(value) });
  if (value < 0) refuse(code, field, "negative", { value });
}

/** `numerator / denominator` rounded half up (both non-negative). */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** VAT on `cents` at `rateBp`, rounded half up. */
export function vatOf(cents: number, rateBp: number): number {
  assertNonNegativeInteger(cents, "cents", "invalid_amount");
  assertNonNegativeInteger(rateBp, "vatRateBp", "invalid_argument");
  return Number(divideHalfUp(BigInt(cents) * BigInt(rateBp), 10_000n));
}

/**
 * The disputed amount of one invoice line, excluding VAT:
 * contested quantity × invoiced unit price + invoiced quantity × (invoiced unit price − contested
 * unit price), rounded half up to the cent, capped at the line's total.
 *
 * @throws DomainValidationError naming the field (`contestedQuantityMilli`, `contestedUnitPriceCents`, `line.*`).
 */
export function lineDisputedAmount(input: DisputedLineInput, fieldPrefix = ""): number {
  const { line, contested } = input;
  const f = (name: string) => `${fieldPrefix}${name}`;
  assertNonNegativeInteger(line.quantityMilli, f("line.quantityMilli"), "invalid_argument");
  assertCents(line.unitPriceCents, f("line.unitPriceCents"));
  assertCents(line.totalExclTaxCents, f("line.totalExclTaxCents"));
  assertNonNegativeInteger(line.vatRateBp, f("line.vatRateBp"), "invalid_argument");
  const quantity = contested.contestedQuantityMilli;
  const price = contested.contestedUnitPriceCents;
  if (quantity === null && price === null) refuse("invalid_argument", fieldPrefix === "" ? "contested" : fieldPrefix.replace(/\.$/, ""), "nothing_contested");
  let numerator = 0n; // in cents × thousandths
  if (quantity !== null) {
    assertNonNegativeInteger(quantity, f("contestedQuantityMilli"), "invalid_argument");
    if (quantity > line.quantityMilli) refuse("invalid_argument", f("contestedQuantityMilli"), "exceeds_invoiced", { max: line.quantityMilli });
    numerator += BigInt(quantity) * BigInt(line.unitPriceCents);
  }
  if (price !== null) {
    assertNonNegativeInteger(price, f("contestedUnitPriceCents"), "invalid_amount");
    if (price > line.unitPriceCents) refuse("invalid_amount", f("contestedUnitPriceCents"), "exceeds_invoiced", { max: line.unitPriceCents });
    numerator += BigInt(line.quantityMilli) * BigInt(line.unitPriceCents - price);
  }
  const computed = divideHalfUp(numerator, 1000n);
  const cap = BigInt(line.totalExclTaxCents);
  return Number(computed < cap ? computed : cap);
}

/**
 * The disputed amount of a claim from its contested invoice lines. The claimed total may be
 * lowered (`claimedCents`) but never exceed the computed one; a lowered total is spread over the
 * lines in proportion to their computed amounts (no cent lost). VAT is computed per line on the
 * claimed share, at the line's rate, rounded half up.
 *
 * @throws DomainValidationError naming the field (`lines[i].contestedQuantityMilli`, `claimedCents`…).
 */
export function disputedAmount(input: { readonly lines: readonly DisputedLineInput[]; readonly claimedCents?: number | null }): DisputedAmount {
  if (input.lines.length === 0) refuse("invalid_argument", "lines", "no_lines");
  const computed = input.lines.map((line, index) => lineDisputedAmount(line, `lines[${index}].`));
  const computedCents = computed.reduce((sum, cents) => sum + cents, 0);
  if (!Number.isSafeInteger(computedCents)) refuse("invalid_amount", "lines", "not_an_integer", { reason: "overflow" });
  let claimedCents = computedCents;
  if (input.claimedCents !== undefined && input.claimedCents !== null) {
    assertNonNegativeInteger(input.claimedCents, "claimedCents", "invalid_amount");
    if (input.claimedCents > computedCents) refuse("invalid_amount", "claimedCents", "exceeds_computed", { max: computedCents });
    claimedCents = input.claimedCents;
  }
  const shares =
    claimedCents === computedCents
      ? computed
      : computedCents === 0
        ? computed.map(() => 0)
        : allocate(money(claimedCents), computed).map((share) => share.cents);
  const lines = input.lines.map(
    (line, index): DisputedLineAmount => ({
      computedCents: computed[index] as number,
      claimedCents: shares[index] as number,
      vatCents: vatOf(shares[index] as number, line.line.vatRateBp),
    }),
  );
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  return { lines, computedCents, claimedCents, vatCents, claimedInclVatCents: claimedCents + vatCents };
}
