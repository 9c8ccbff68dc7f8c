import { assertCents } from "../money/money";
import type { ProposalKind } from "../approval/approval";

/** One contested line as the suggestion reads it (quantities in thousandths of the unit). */
export interface SuggestionLine {
  readonly invoicedQuantityMilli: number;
  readonly invoicedUnitPriceCents: number;
  /** Missing or damaged quantity, null when only the price is contested. */
  readonly contestedQuantityMilli: number | null;
  /** The unit price the customer holds to be right, null when only the quantity is contested. */
  readonly contestedUnitPriceCents: number | null;
  /** The contracted price at the invoice date (price agreement, indexation applied), null when unknown. */
  readonly contractedUnitPriceCents: number | null;
  /** What the customer disputes on this line. */
  readonly disputedCents: number;
}

/** A settled case like this one (same type, root cause and customer tier): what it disputed and what it granted. */
export interface SimilarSettlement {
  readonly disputedCents: number;
  readonly grantedCents: number;
}

/** Where a line's price part comes from: the price agreement (checked), the customer's word (unchecked), or none. */
export type PriceBasis = "contract" | "contract_confirms_invoice" | "customer" | "none";

export interface SuggestedLine {
  /** Contested quantity × invoiced unit price. */
  readonly quantityCents: number;
  /** Invoiced quantity × (invoiced − reference price), the reference being the contract's when known. */
  readonly priceCents: number;
  readonly priceBasis: PriceBasis;
  /** The reference unit price used for the price part (contract or customer), null without one. */
  readonly referenceUnitPriceCents: number | null;
  /** quantity + price, never above what the line disputes. */
  readonly totalCents: number;
}

export interface SimilarSummary {
  readonly count: number;
  /** Share granted of what was disputed, in basis points (10 000 = everything). */
  readonly medianShareBp: number;
  readonly minShareBp: number;
  readonly maxShareBp: number;
}

/** What the suggested amount rests on: the lines' figures, the history of similar cases, or the amount disputed. */
export type SuggestionBasis = "lines" | "history" | "disputed";

export interface ProposalSuggestion {
  readonly kind: ProposalKind;
  readonly amountCents: number;
  readonly basis: SuggestionBasis;
  readonly lines: readonly SuggestedLine[];
  /** Null when no similar case was settled. */
  readonly similar: SimilarSummary | null;
}

/** The history speaks only from this many similar cases. */
export const MIN_SIMILAR_CASES = 3;

const half = (numerator: bigint, denominator: bigint): bigint => (numerator * 2n + denominator) / (denominator * 2n);

function suggestLine(line: SuggestionLine, index: number): SuggestedLine {
  const field = (name: string) => `lines[${index}].${name}`;
  assertCents(line.invoicedUnitPriceCents, field("invoicedUnitPriceCents"));
  assertCents(line.disputedCents, field("disputedCents"));
  const quantityCents = line.contestedQuantityMilli === null ? 0n : half(BigInt(line.contestedQuantityMilli) * BigInt(line.invoicedUnitPriceCents), 1000n);
  let priceBasis: PriceBasis = "none";
  let reference: number | null = null;
  if (line.contractedUnitPriceCents !== null) {
    reference = line.contractedUnitPriceCents;
    priceBasis = line.contractedUnitPriceCents < line.invoicedUnitPriceCents ? "contract" : "contract_confirms_invoice";
  } else if (line.contestedUnitPriceCents !== null) {
    reference = line.contestedUnitPriceCents;
    priceBasis = "customer";
  }
  const overcharge = reference !== null && reference < line.invoicedUnitPriceCents ? BigInt(line.invoicedUnitPriceCents - reference) : 0n;
  const priceCents = half(BigInt(line.invoicedQuantityMilli) * overcharge, 1000n);
  const total = quantityCents + priceCents;
  const capped = total > BigInt(line.disputedCents) ? BigInt(line.disputedCents) : total;
  return {
    quantityCents: Number(quantityCents),
    priceCents: Number(priceCents),
    priceBasis,
    referenceUnitPriceCents: reference,
    totalCents: Number(capped),
  };
}

/** Count, median, minimum and maximum of the shares granted (basis points), or null without history. */
export function summariseSimilar(similar: readonly SimilarSettlement[]): SimilarSummary | null {
  const shares = similar
    .filter((item) => item.disputedCents > 0)
    .map((item) => Number(half(BigInt(Math.min(item.grantedCents, item.disputedCents)) * 10_000n, BigInt(item.disputedCents))))
    .sort((a, b) => a - b);
  if (shares.length === 0) return null;
  const middle = Math.floor(shares.length / 2);
  const median = shares.length % 2 === 1 ? shares[middle]! : Math.round((shares[middle - 1]! + shares[middle]!) / 2);
  return { count: shares.length, medianShareBp: median, minShareBp: shares[0]!, maxShareBp: shares[shares.length - 1]! };
}

/**
 * The proposal an agent starts from, with its reasoning:
 * - each line: contested quantity × invoiced price, plus invoiced quantity × the overcharge against
 *   the contracted price (indexation included) when the agreement knows the product, else against
 *   the price the customer claims; capped at what the line disputes;
 * - when the lines give something (or the agreement confirms the invoiced price), that is the amount;
 * - otherwise, from at least {@link MIN_SIMILAR_CASES} similar settled cases, the disputed amount ×
 *   their median share granted; otherwise the disputed amount.
 * Never above the amount disputed.
 */
export function suggestProposal(input: {
  readonly disputedCents: number;
  readonly lines: readonly SuggestionLine[];
  readonly similar: readonly SimilarSettlement[];
}): ProposalSuggestion {
  assertCents(input.disputedCents, "disputedCents");
  const lines = input.lines.map(suggestLine);
  const similar = summariseSimilar(input.similar);
  const fromLines = lines.reduce((sum, line) => sum + line.totalCents, 0);
  const cap = (cents: number) => Math.min(cents, input.disputedCents);
  // The lines speak when they give an amount, or when the agreement confirms the invoiced price (nothing is owed on it).
  const linesSpeak = fromLines > 0 || lines.some((line) => line.priceBasis === "contract" || line.priceBasis === "contract_confirms_invoice");
  if (linesSpeak) return { kind: "credit_note", amountCents: cap(fromLines), basis: "lines", lines, similar };
  if (similar && similar.count >= MIN_SIMILAR_CASES) {
    const amount = Number(half(BigInt(input.disputedCents) * BigInt(similar.medianShareBp), 10_000n));
    return { kind: "credit_note", amountCents: cap(amount), basis: "history", lines, similar };
  }
  return { kind: "credit_note", amountCents: input.disputedCents, basis: "disputed", lines, similar };
}
