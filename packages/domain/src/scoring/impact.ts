import { fail } from "../errors/errors";
import { assertCents } from "../money/money";
import { isCustomerTier, type CustomerTier, type Priority } from "../lifecycle/statuses";

/** The factors of the impact score. */
export const IMPACT_FACTORS = ["amount", "revenueShare", "penaltyClause", "tier", "recurrence"] as const;
export type ImpactFactor = (typeof IMPACT_FACTORS)[number];

/** Points each factor gives at most; non-negative integers summing to 100. */
export type ImpactWeights = Readonly<Record<ImpactFactor, number>>;

export const DEFAULT_IMPACT_WEIGHTS: ImpactWeights = Object.freeze({
  amount: 35,
  revenueShare: 25,
  penaltyClause: 15,
  tier: 15,
  recurrence: 10,
});

/** The amount that earns the full amount weight: €1,000,000. */
export const AMOUNT_CEILING_CENTS = 100_000_000;
/** The share of the account's yearly revenue that earns the full weight: 10 %. */
export const REVENUE_SHARE_CEILING = 0.1;
/** Earlier cases with the same root cause within 90 days that earn the full weight. */
export const RECURRENCE_CEILING = 2;
const TIER_FRACTION: Readonly<Record<CustomerTier, number>> = { standard: 0, key: 0.5, strategic: 1 };

export interface ImpactInput {
  /** Disputed amount excluding VAT, in cents (≥ 0). */
  readonly disputedCents: number;
  /** The account's revenue over the last twelve months, in cents; null when unknown. */
  readonly yearlyRevenueCents: number | null;
  /** The contract carries a penalty clause. */
  readonly penaltyClause: boolean;
  readonly tier: CustomerTier;
  /** Earlier cases of the account with the same root cause within 90 days. */
  readonly recurrenceCount: number;
  readonly weights?: ImpactWeights;
}

/** One factor's contribution, with what explains it (`detail` feeds the translated text). */
export interface ImpactFactorScore {
  readonly factor: ImpactFactor;
  readonly weight: number;
  /** Share of the weight earned, 0–1. */
  readonly fraction: number;
  /** `weight × fraction`, rounded to one decimal for display. */
  readonly points: number;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

export interface ImpactScore {
  /** 0–100: the rounded sum of the unrounded points. */
  readonly score: number;
  readonly priority: Priority;
  readonly factors: readonly ImpactFactorScore[];
}

/**
 * The impact score of a claim, 0–100, with the factors that explain it:
 *
 * - amount (35): `log10(1 + euros) / log10(1 + 1 000 000)`, capped at 1 —
 *   €1 000 earns half, €1 000 000 all of it;
 * - revenueShare (25): disputed ÷ yearly revenue, full at 10 %; full when the
 *   revenue is zero, nothing when it is unknown;
 * - penaltyClause (15): all or nothing;
 * - tier (15): standard 0, key ½, strategic all;
 * - recurrence (10): half per earlier case within 90 days, full from two.
 *
 * @throws DomainValidationError `invalid_amount` or `invalid_argument`, naming the field.
 */
export function impactScore(input: ImpactInput): ImpactScore {
  const weights = input.weights ?? DEFAULT_IMPACT_WEIGHTS;
  checkInput(input, weights);
  const fractions: Record<ImpactFactor, [number, ImpactFactorScore["detail"]]> = {
    amount: [amountFraction(input.disputedCents), { disputedCents: input.disputedCents }],
    revenueShare: revenueShareFraction(input.disputedCents, input.yearlyRevenueCents),
    penaltyClause: [input.penaltyClause ? 1 : 0, { penaltyClause: input.penaltyClause }],
    tier: [TIER_FRACTION[input.tier], { tier: input.tier }],
    recurrence: [Math.min(input.recurrenceCount, RECURRENCE_CEILING) / RECURRENCE_CEILING, { count: input.recurrenceCount }],
  };
  const factors = IMPACT_FACTORS.map((factor): ImpactFactorScore => {
    const [fraction, detail] = fractions[factor];
    return { factor, weight: weights[factor], fraction, points: Math.round(weights[factor] * fraction * 10) / 10, detail };
  });
  const exact = factors.reduce((sum, factor) => sum + factor.weight * factor.fraction, 0);
  const score = Math.min(100, Math.max(0, Math.round(exact)));
  return { score, priority: priorityFromScore(score), factors };
}

/** P1 from 75, P2 from 50, P3 from 25, else P4. */
export function priorityFromScore(score: number): Priority {
  if (typeof score !== "number" || !Number.isFinite(score) || score < 0 || score > 100) fail("invalid_argument", "score", { value: String(score) });
  if (score >= 75) return "P1";
  if (score >= 50) return "P2";
  if (score >= 25) return "P3";
  return "P4";
}

function amountFraction(cents: number): number {
  return Math.min(1, Math.log10(1 + cents / 100) / Math.log10(1 + AMOUNT_CEILING_CENTS / 100));
}

function revenueShareFraction(disputed: number, revenue: number | null): [number, ImpactFactorScore["detail"]] {
  if (revenue === null) return [0, { sharePercent: null }];
  if (revenue === 0) return [disputed === 0 ? 0 : 1, { sharePercent: null }];
  const share = disputed / revenue;
  return [Math.min(1, share / REVENUE_SHARE_CEILING), { sharePercent: Math.round(share * 10_000) / 100 }];
}

function checkInput(input: ImpactInput, weights: ImpactWeights): void {
  assertCents(input.disputedCents, "disputedCents");
  if (input.yearlyRevenueCents !== null) assertCents(input.yearlyRevenueCents, "yearlyRevenueCents");
  if (typeof input.penaltyClause !== "boolean") fail("invalid_argument", "penaltyClause", { value: String(input.penaltyClause) });
  if (!isCustomerTier(input.tier)) fail("invalid_argument", "tier", { value: String(input.tier) });
  if (!Number.isSafeInteger(input.recurrenceCount) || input.recurrenceCount < 0) {
    fail("invalid_argument", "recurrenceCount", { value: String(input.recurrenceCount) });
  }
  for (const factor of IMPACT_FACTORS) {
    const weight = weights[factor];
    if (!Number.isSafeInteger(weight) || weight < 0) fail("invalid_argument", `weights.${factor}`, { value: String(weight) });
  }
  const total = IMPACT_FACTORS.reduce((sum, factor) => sum + weights[factor], 0);
  if (total !== 100) fail("invalid_argument", "weights", { reason: "sum_not_100", total });
}
