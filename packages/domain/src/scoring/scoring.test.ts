import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_IMPACT_WEIGHTS, impactScore, priorityFromScore, type ImpactInput } from "./impact";
import { admissibilityWarnings } from "./admissibility";
import { CUSTOMER_TIERS } from "../lifecycle/statuses";

const base: ImpactInput = { disputedCents: 0, yearlyRevenueCents: null, penaltyClause: false, tier: "standard", recurrenceCount: 0 };

describe("impactScore", () => {
  it("scores zero for a claim of nothing from an ordinary account", () => {
    expect(impactScore(base)).toMatchObject({ score: 0, priority: "P4" });
  });

  it("scores 100 when every factor is at its maximum", () => {
    const result = impactScore({ disputedCents: 200_000_000, yearlyRevenueCents: 100_000_000, penaltyClause: true, tier: "strategic", recurrenceCount: 5 });
    expect(result.score).toBe(100);
    expect(result.priority).toBe("P1");
    expect(result.factors.map((f) => [f.factor, f.weight, f.points])).toEqual([
      ["amount", 35, 35],
      ["revenueShare", 25, 25],
      ["penaltyClause", 15, 15],
      ["tier", 15, 15],
      ["recurrence", 10, 10],
    ]);
  });

  it("puts the amount on a log scale: €1 000 earns half of its weight", () => {
    const amount = impactScore({ ...base, disputedCents: 100_000 }).factors[0];
    expect(amount?.fraction).toBeCloseTo(Math.log10(1001) / Math.log10(1_000_001), 12);
    expect(amount?.points).toBe(17.5);
    expect(amount?.detail).toEqual({ disputedCents: 100_000 });
  });

  it("explains the revenue share, full from 10 %, full for an account without revenue, nothing when unknown", () => {
    const share = (disputedCents: number, yearlyRevenueCents: number | null) =>
      impactScore({ ...base, disputedCents, yearlyRevenueCents }).factors.find((f) => f.factor === "revenueShare");
    expect(share(500_000, 10_000_000)).toMatchObject({ fraction: 0.5, points: 12.5, detail: { sharePercent: 5 } });
    expect(share(5_000_000, 10_000_000)).toMatchObject({ fraction: 1, detail: { sharePercent: 50 } });
    expect(share(1, 0)).toMatchObject({ fraction: 1, detail: { sharePercent: null } });
    expect(share(0, 0)).toMatchObject({ fraction: 0 });
    expect(share(1, null)).toMatchObject({ fraction: 0 });
  });

  it("weighs tier and recurrence", () => {
    expect(impactScore({ ...base, tier: "key" }).score).toBe(8); // 7.5 rounds half up
    expect(impactScore({ ...base, recurrenceCount: 1 }).score).toBe(5);
    expect(impactScore({ ...base, penaltyClause: true, tier: "strategic" })).toMatchObject({ score: 30, priority: "P3" });
  });

  it("takes configurable weights that must sum to 100", () => {
    const weights = { amount: 0, revenueShare: 0, penaltyClause: 100, tier: 0, recurrence: 0 };
    expect(impactScore({ ...base, penaltyClause: true, weights })).toMatchObject({ score: 100, priority: "P1" });
    expect(() => impactScore({ ...base, weights: { ...weights, tier: 1 } })).toThrowError(expect.objectContaining({ field: "weights" }));
    expect(() => impactScore({ ...base, weights: { ...DEFAULT_IMPACT_WEIGHTS, amount: -35, tier: 85 } })).toThrowError(
      expect.objectContaining({ field: "weights.amount" }),
    );
  });

  it("refuses negative or non-integer amounts and other bad input, naming the field", () => {
    const cases: [Partial<ImpactInput>, string, string][] = [
      [{ disputedCents: -1 }, "invalid_amount", "disputedCents"],
      [{ disputedCents: 10.5 }, "invalid_amount", "disputedCents"],
      [{ yearlyRevenueCents: Number.NaN }, "invalid_amount", "yearlyRevenueCents"],
      [{ recurrenceCount: -1 }, "invalid_argument", "recurrenceCount"],
      [{ tier: "gold" as "key" }, "invalid_argument", "tier"],
      [{ penaltyClause: "yes" as unknown as boolean }, "invalid_argument", "penaltyClause"],
    ];
    for (const [patch, code, field] of cases) {
      expect(() => impactScore({ ...base, ...patch })).toThrowError(expect.objectContaining({ code, field }));
    }
  });

  it("always gives an integer score in 0–100, never NaN, and never less for a larger amount", () => {
    const input = fc.record({
      disputedCents: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      yearlyRevenueCents: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      penaltyClause: fc.boolean(),
      tier: fc.constantFrom(...CUSTOMER_TIERS),
      recurrenceCount: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 1_000_000 }), (claim, extra) => {
        const { score } = impactScore(claim);
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        const larger = Math.min(Number.MAX_SAFE_INTEGER, claim.disputedCents + extra);
        expect(impactScore({ ...claim, disputedCents: larger }).score).toBeGreaterThanOrEqual(score);
      }),
    );
  });
});

describe("priorityFromScore", () => {
  it("maps P1 ≥ 75, P2 ≥ 50, P3 ≥ 25, else P4", () => {
    expect([100, 75, 74, 50, 49, 25, 24, 0].map(priorityFromScore)).toEqual(["P1", "P1", "P2", "P2", "P3", "P3", "P4", "P4"]);
    expect(() => priorityFromScore(Number.NaN)).toThrowError(expect.objectContaining({ field: "score" }));
    expect(() => priorityFromScore(101)).toThrowError(expect.objectContaining({ field: "score" }));
  });
});

describe("admissibilityWarnings", () => {
  const claim = {
    type: "quality" as const,
    filedAt: new Date("2026-03-10T10:00:00Z"),
    deliveryDate: "2026-03-01",
    claimDeadlineDays: 8,
    deliveryNoteSignedWithoutReservation: null,
  };

  it("warns when the claim is filed after the contractual deadline counted from delivery", () => {
    expect(admissibilityWarnings(claim)).toEqual([
      { code: "claim_after_deadline", params: { deliveryDate: "2026-03-01", deadline: "2026-03-09", filedOn: "2026-03-10", daysLate: 1 } },
    ]);
  });

  it("accepts a claim filed on the last day, read in the calendar's time zone", () => {
    // 23:30 UTC on 9 March is already 10 March in Paris, but still 9 March in New York.
    const lateEvening = { ...claim, filedAt: new Date("2026-03-09T23:30:00Z") };
    expect(admissibilityWarnings(lateEvening)).toHaveLength(1);
    expect(admissibilityWarnings({ ...lateEvening, timeZone: "America/New_York" })).toEqual([]);
  });

  it("says nothing without a delivery date or a deadline clause", () => {
    expect(admissibilityWarnings({ ...claim, deliveryDate: null })).toEqual([]);
    expect(admissibilityWarnings({ ...claim, claimDeadlineDays: null })).toEqual([]);
  });

  it("warns on a delivery claim whose delivery note was signed without reservation", () => {
    const delivery = { ...claim, type: "delivery" as const, claimDeadlineDays: null, deliveryNoteSignedWithoutReservation: true };
    expect(admissibilityWarnings(delivery)).toEqual([{ code: "delivery_note_signed_without_reservation", params: {} }]);
    expect(admissibilityWarnings({ ...delivery, type: "quality" })).toEqual([]);
    expect(admissibilityWarnings({ ...delivery, deliveryNoteSignedWithoutReservation: false })).toEqual([]);
  });

  it("names the field of bad input", () => {
    const cases: [object, string][] = [
      [{ type: "weather" }, "type"],
      [{ filedAt: new Date("x") }, "filedAt"],
      [{ deliveryDate: "2026-02-30" }, "deliveryDate"],
      [{ claimDeadlineDays: -2 }, "claimDeadlineDays"],
      [{ timeZone: "Nowhere/City" }, "timeZone"],
    ];
    for (const [patch, field] of cases) {
      expect(() => admissibilityWarnings({ ...claim, ...patch } as never)).toThrowError(expect.objectContaining({ field }));
    }
  });
});
