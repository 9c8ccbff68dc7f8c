import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  amountTotals,
  backlog,
  churnAfterDispute,
  correctiveActionEffectiveness,
  costPerDispute,
  creditNotesWithoutRootCause,
  dsoImpact,
  mttr,
  nps,
  penaltiesPaid,
  periodBuckets,
  previousPeriod,
  resolutionChannels,
  rootCausePareto,
  slaCompliance,
  slaOutcomeOf,
  trend,
  volume,
  type CaseSpan,
} from "./kpi";
import { addDays } from "../dates/iso-date";
import { DEFAULT_CALENDAR } from "../calendar/calendar";
import { computeSla } from "../sla/clock";

const at = (iso: string): Date => new Date(iso);

const spans: CaseSpan[] = [
  { openedAt: at("2026-01-05T08:00:00Z"), resolvedAt: at("2026-01-06T08:00:00Z") }, // 1 day: 1 440 calendar, 480 business
  { openedAt: at("2026-01-05T08:00:00Z"), resolvedAt: at("2026-01-12T08:00:00Z") }, // 7 days: 10 080 calendar, 2 400 business
  { openedAt: at("2026-01-20T08:00:00Z"), resolvedAt: null },
];

describe("volume and backlog", () => {
  it("counts cases opened in a half-open period", () => {
    expect(volume(spans, { from: at("2026-01-01T00:00:00Z"), to: at("2026-01-20T08:00:00Z") })).toBe(2);
    expect(volume(spans, { from: at("2026-01-01T00:00:00Z"), to: at("2026-02-01T00:00:00Z") })).toBe(3);
  });

  it("counts cases open at an instant", () => {
    expect(backlog(spans, at("2026-01-05T08:00:00Z"))).toBe(2);
    expect(backlog(spans, at("2026-01-06T08:00:00Z"))).toBe(1);
    expect(backlog(spans, at("2026-03-01T00:00:00Z"))).toBe(1);
    expect(backlog([], at("2026-03-01T00:00:00Z"))).toBe(0);
  });

  it("refuses a resolution before the opening and invalid instants, naming the field", () => {
    const broken = [{ openedAt: at("2026-01-05T08:00:00Z"), resolvedAt: at("2026-01-04T08:00:00Z") }];
    expect(() => backlog(broken, at("2026-01-05T08:00:00Z"))).toThrowError(expect.objectContaining({ field: "cases[0].resolvedAt" }));
    expect(() => backlog([{ openedAt: at("x"), resolvedAt: null }], at("2026-01-05T08:00:00Z"))).toThrowError(expect.objectContaining({ field: "cases[0].openedAt" }));
    expect(() => volume(spans, { from: at("x"), to: at("2026-01-05T08:00:00Z") })).toThrowError(expect.objectContaining({ field: "period.from" }));
  });
});

describe("mttr", () => {
  it("averages calendar and business time to resolution over resolved cases", () => {
    expect(mttr(spans, DEFAULT_CALENDAR)).toEqual({ count: 2, calendarMinutes: (1440 + 10_080) / 2, businessMinutes: (480 + 2400) / 2 });
  });

  it("is null without resolved cases", () => {
    expect(mttr([spans[2] as CaseSpan], DEFAULT_CALENDAR)).toEqual({ count: 0, calendarMinutes: null, businessMinutes: null });
  });
});

describe("SLA compliance", () => {
  it("is met over met plus breached, leaving pending cases out", () => {
    const result = slaCompliance([
      { firstResponse: "met", resolution: "met" },
      { firstResponse: "met", resolution: "breached" },
      { firstResponse: "breached", resolution: "pending" },
      { firstResponse: "met", resolution: "pending" },
    ]);
    expect(result.firstResponse).toEqual({ met: 3, breached: 1, pending: 0, rate: 75 });
    expect(result.resolution).toEqual({ met: 1, breached: 1, pending: 2, rate: 50 });
    expect(slaCompliance([]).resolution.rate).toBeNull();
    expect(() => slaCompliance([{ firstResponse: "late" as "met", resolution: "met" }])).toThrowError(expect.objectContaining({ field: "cases[0].firstResponse" }));
  });

  it("reads the outcome of a computed SLA target", () => {
    const history = [{ status: "received" as const, at: at("2026-01-05T08:00:00Z") }];
    const targets = { firstResponseMinutes: 60, resolutionMinutes: 4800 };
    const sla = computeSla({ history, targets, calendar: DEFAULT_CALENDAR, now: at("2026-01-05T10:00:00Z"), firstResponseAt: at("2026-01-05T08:30:00Z") });
    expect(slaOutcomeOf(sla.firstResponse)).toBe("met");
    expect(slaOutcomeOf(sla.resolution)).toBe("pending");
    const late = computeSla({ history, targets, calendar: DEFAULT_CALENDAR, now: at("2026-01-05T10:00:00Z") });
    expect(slaOutcomeOf(late.firstResponse)).toBe("breached");
  });
});

describe("rootCausePareto", () => {
  it("sorts by count then code, with shares and cumulative shares", () => {
    const cases = ["pallet", "label", "pallet", "price", "label", "pallet", null, ""].map((rootCause) => ({ rootCause }));
    expect(rootCausePareto(cases)).toEqual({
      classified: 6,
      unclassified: 2,
      rows: [
        { rootCause: "pallet", count: 3, percent: 50, cumulativePercent: 50 },
        { rootCause: "label", count: 2, percent: (2 * 100) / 6, cumulativePercent: (5 * 100) / 6 },
        { rootCause: "price", count: 1, percent: 100 / 6, cumulativePercent: 100 },
      ],
    });
  });

  it("always ends at 100 % and never goes down (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d", null), { minLength: 1 }), (causes) => {
        const { rows, classified } = rootCausePareto(causes.map((rootCause) => ({ rootCause })));
        if (classified === 0) return;
        expect(rows.at(-1)?.cumulativePercent).toBe(100);
        rows.forEach((row, i) => {
          if (i > 0) expect(row.count).toBeLessThanOrEqual((rows[i - 1] as { count: number }).count);
        });
      }),
    );
  });
});

describe("amountTotals", () => {
  it("sums exposed, credited, recovered and legal costs", () => {
    const totals = amountTotals([
      { disputedCents: 100_000, creditedCents: 60_000, recoveredCents: 40_000, legalCostsCents: 0 },
      { disputedCents: 50_000, creditedCents: 0, recoveredCents: 0, legalCostsCents: 120_000 },
    ]);
    expect(totals).toEqual({ exposedCents: 150_000, creditedCents: 60_000, recoveredCents: 40_000, legalCostsCents: 120_000 });
  });

  it("refuses negative or fractional amounts, naming the field", () => {
    expect(() => amountTotals([{ disputedCents: -1, creditedCents: 0, recoveredCents: 0, legalCostsCents: 0 }])).toThrowError(
      expect.objectContaining({ code: "invalid_amount", field: "cases[0].disputedCents" }),
    );
    const huge = { disputedCents: Number.MAX_SAFE_INTEGER, creditedCents: 0, recoveredCents: 0, legalCostsCents: 0 };
    expect(() => amountTotals([huge, huge])).toThrowError(expect.objectContaining({ field: "exposedCents" }));
  });
});

describe("dsoImpact", () => {
  it("multiplies each amount by its days on hold, up to the resolution or asOf", () => {
    const result = dsoImpact(
      [
        { amountCents: 100_000, holdStart: "2026-01-01", holdEnd: "2026-01-31" }, // 30 days
        { amountCents: 50_000, holdStart: "2026-01-16", holdEnd: null }, // 15 days to asOf
        { amountCents: 10_000, holdStart: "2026-01-20", holdEnd: "2026-03-01" }, // ends after asOf: 11 days
        { amountCents: 10_000, holdStart: "2026-02-10", holdEnd: null }, // starts after asOf: 0
      ],
      "2026-01-31",
    );
    expect(result).toEqual({ amountCents: 170_000, centDays: 3_000_000 + 750_000 + 110_000, averageDays: 3_860_000 / 170_000 });
    expect(dsoImpact([], "2026-01-31").averageDays).toBeNull();
    expect(() => dsoImpact([{ amountCents: 1, holdStart: "2026-01-32", holdEnd: null }], "2026-01-31")).toThrowError(expect.objectContaining({ field: "holds[0].holdStart" }));
    expect(() => dsoImpact([{ amountCents: Number.MAX_SAFE_INTEGER, holdStart: "2000-01-01", holdEnd: null }], "2026-01-31")).toThrowError(expect.objectContaining({ field: "holds" }));
  });
});

describe("resolutionChannels", () => {
  const cases = [
    { outcome: "settled_amicably", wentToLitigation: false, legalCostsCents: 0 },
    { outcome: "upheld", wentToLitigation: false, legalCostsCents: 0 },
    { outcome: "partially_upheld", wentToLitigation: false, legalCostsCents: 0 },
    { outcome: "judged", wentToLitigation: true, legalCostsCents: 300_001 },
    { outcome: "settled_amicably", wentToLitigation: true, legalCostsCents: 100_000 },
    { outcome: null, wentToLitigation: false, legalCostsCents: 0 },
  ] as const;

  it("compares amicable and litigation among decided cases, with the legal costs avoided", () => {
    expect(resolutionChannels(cases)).toEqual({
      decided: 5,
      amicable: 3,
      litigation: 2,
      amicableRate: 60,
      litigationRate: 40,
      legalCostsCents: 400_001,
      legalCostsAvoidedCents: 3 * 200_001, // mean 200 000.5 rounds half up
    });
    expect(resolutionChannels(cases, { estimatedLegalCostPerLitigationCents: 500_000 }).legalCostsAvoidedCents).toBe(1_500_000);
    expect(resolutionChannels(cases.slice(0, 3)).legalCostsAvoidedCents).toBeNull();
    expect(resolutionChannels([]).amicableRate).toBeNull();
  });

  it("refuses unknown outcomes and bad amounts, naming the field", () => {
    expect(() => resolutionChannels([{ outcome: "won" as "upheld", wentToLitigation: false, legalCostsCents: 0 }])).toThrowError(
      expect.objectContaining({ code: "unknown_outcome", field: "cases[0].outcome" }),
    );
    expect(() => resolutionChannels(cases, { estimatedLegalCostPerLitigationCents: -1 })).toThrowError(expect.objectContaining({ field: "estimatedLegalCostPerLitigationCents" }));
  });
});

describe("nps", () => {
  it("is % promoters minus % detractors", () => {
    expect(nps([10, 9, 8, 7, 6, 0, 10, 10])).toEqual({ responses: 8, promoters: 4, passives: 2, detractors: 2, nps: 25 });
    expect(nps([]).nps).toBeNull();
    expect(nps([0, 1]).nps).toBe(-100);
  });

  it("refuses answers outside 0–10, naming the answer", () => {
    for (const score of [11, -1, 7.5, Number.NaN]) {
      expect(() => nps([10, score])).toThrowError(expect.objectContaining({ field: "scores[1]" }));
    }
  });

  it("stays within −100 and 100 (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (scores) => {
        const { nps: value, promoters, passives, detractors } = nps(scores);
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
        expect(promoters + passives + detractors).toBe(scores.length);
      }),
    );
  });
});

describe("churnAfterDispute", () => {
  it("counts accounts with no invoice in the window after their latest elapsed dispute", () => {
    const result = churnAfterDispute({
      disputes: [
        { accountId: "martin", resolvedOn: "2025-01-10" },
        { accountId: "martin", resolvedOn: "2025-03-01" },
        { accountId: "port", resolvedOn: "2025-02-01" },
        { accountId: "recent", resolvedOn: "2025-12-01" }, // window not elapsed: left out
      ],
      invoices: [
        { accountId: "martin", issuedOn: "2025-04-15" },
        { accountId: "port", issuedOn: "2025-02-01" }, // the same day does not count
        { accountId: "port", issuedOn: "2025-09-01" }, // after the window
      ],
      asOf: "2026-01-01",
    });
    expect(result).toEqual({ accounts: 2, churned: 1, rate: 50, churnedAccountIds: ["port"] });
  });

  it("refuses a bad window or date, naming the field", () => {
    expect(() => churnAfterDispute({ disputes: [], invoices: [], asOf: "2026-01-01", windowDays: 0 })).toThrowError(expect.objectContaining({ field: "windowDays" }));
    expect(() => churnAfterDispute({ disputes: [{ accountId: "a", resolvedOn: "x" }], invoices: [], asOf: "2026-01-01" })).toThrowError(
      expect.objectContaining({ field: "disputes[0].resolvedOn" }),
    );
    expect(churnAfterDispute({ disputes: [], invoices: [], asOf: "2026-01-01" }).rate).toBeNull();
  });
});

describe("correctiveActionEffectiveness", () => {
  const done = at("2026-01-01T00:00:00Z");
  const day = 86_400_000;
  const opened = (offsetDays: number, rootCause = "pallet", accountId = "martin") => ({ rootCause, accountId, openedAt: new Date(done.getTime() + offsetDays * day) });

  it("compares recurrences in the 90 days before and after each action", () => {
    const cases = [opened(-91), opened(-90), opened(-10), opened(-1), opened(0), opened(89), opened(90), opened(-5, "label"), opened(-5, "pallet", "port")];
    const result = correctiveActionEffectiveness({
      actions: [
        { id: "ca-1", rootCause: "pallet", completedAt: done, accountId: "martin" },
        { id: "ca-2", rootCause: "pallet", completedAt: done },
        { id: "ca-late", rootCause: "pallet", completedAt: at("2026-03-01T00:00:00Z") },
      ],
      cases,
      asOf: at("2026-04-01T00:00:00Z"),
    });
    expect(result.actions).toEqual([
      { id: "ca-1", rootCause: "pallet", before: 3, after: 2, reductionPercent: (1 * 100) / 3 },
      { id: "ca-2", rootCause: "pallet", before: 4, after: 2, reductionPercent: 50 },
    ]);
    expect(result).toMatchObject({ before: 7, after: 4, reductionPercent: (3 * 100) / 7 });
  });

  it("is null without recurrences before, and refuses a bad window", () => {
    const result = correctiveActionEffectiveness({ actions: [{ id: "x", rootCause: "none", completedAt: done }], cases: [], asOf: at("2027-01-01T00:00:00Z") });
    expect(result.reductionPercent).toBeNull();
    expect(() => correctiveActionEffectiveness({ actions: [], cases: [], asOf: done, windowDays: -1 })).toThrowError(expect.objectContaining({ field: "windowDays" }));
    expect(() => correctiveActionEffectiveness({ actions: [{ id: "x", rootCause: "a", completedAt: at("x") }], cases: [], asOf: done })).toThrowError(
      expect.objectContaining({ field: "actions[0].completedAt" }),
    );
  });
});

describe("periodBuckets", () => {
  it("cuts a year into calendar months, the first and last cut to the period", () => {
    const { granularity, buckets } = periodBuckets({ firstDay: "2026-01-15", lastDay: "2026-12-06" });
    expect(granularity).toBe("month");
    expect(buckets).toHaveLength(12);
    expect(buckets[0]).toEqual({ key: "2026-01-01", firstDay: "2026-01-15", lastDay: "2026-01-31" });
    expect(buckets[1]).toEqual({ key: "2026-02-01", firstDay: "2026-02-01", lastDay: "2026-02-28" });
    expect(buckets.at(-1)).toEqual({ key: "2026-12-01", firstDay: "2026-12-01", lastDay: "2026-12-06" });
  });

  it("cuts 92 days or fewer into ISO weeks from Monday", () => {
    const { granularity, buckets } = periodBuckets({ firstDay: "2026-11-01", lastDay: "2026-11-30" });
    expect(granularity).toBe("week");
    expect(buckets[0]).toEqual({ key: "2026-10-26", firstDay: "2026-11-01", lastDay: "2026-11-01" });
    expect(buckets[1]).toEqual({ key: "2026-11-02", firstDay: "2026-11-02", lastDay: "2026-11-08" });
    expect(buckets.at(-1)).toEqual({ key: "2026-11-30", firstDay: "2026-11-30", lastDay: "2026-11-30" });
    expect(periodBuckets({ firstDay: "2026-01-01", lastDay: "2026-04-02" }).granularity).toBe("week");
    expect(periodBuckets({ firstDay: "2026-01-01", lastDay: "2026-04-03" }).granularity).toBe("month");
  });

  it("covers every day of the period exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 800 }), (start, length) => {
        const firstDay = addDays("2020-01-01", start);
        const lastDay = addDays(firstDay, length);
        const { buckets } = periodBuckets({ firstDay, lastDay });
        expect(buckets[0]!.firstDay).toBe(firstDay);
        expect(buckets.at(-1)!.lastDay).toBe(lastDay);
        buckets.slice(1).forEach((bucket, index) => expect(bucket.firstDay).toBe(addDays(buckets[index]!.lastDay, 1)));
      }),
    );
  });

  it("refuses an inverted period", () => {
    expect(() => periodBuckets({ firstDay: "2026-02-01", lastDay: "2026-01-31" })).toThrow();
  });
});

describe("previousPeriod and trend", () => {
  it("the previous period has the same number of days and ends the day before", () => {
    expect(previousPeriod({ firstDay: "2026-03-01", lastDay: "2026-03-31" })).toEqual({ firstDay: "2026-01-29", lastDay: "2026-02-28" });
  });

  it("a trend is the change in percent, null without a previous figure or from zero", () => {
    expect(trend(80, 100)).toEqual({ current: 80, previous: 100, changePercent: -20 });
    expect(trend(5, 0).changePercent).toBeNull();
    expect(trend(null, 4).changePercent).toBeNull();
    expect(trend(4, null).changePercent).toBeNull();
  });
});

describe("costPerDispute", () => {
  it.each([
    // minutes, hourly, legal costs → time cost, total, per case
    { cases: [{ minutes: 90, legalCostsCents: 0 }], hourly: 55_00, time: 82_50, total: 82_50, perCase: 82_50 },
    { cases: [{ minutes: 1, legalCostsCents: 0 }], hourly: 1_00, time: 2, total: 2, perCase: 2 }, // 1.666… → 2
    { cases: [{ minutes: 1, legalCostsCents: 0 }], hourly: 30, time: 1, total: 1, perCase: 1 }, // 0.5 → 1 (half up)
    { cases: [{ minutes: 1, legalCostsCents: 0 }], hourly: 29, time: 0, total: 0, perCase: 0 }, // 0.48… → 0
    { cases: [{ minutes: 30, legalCostsCents: 1_000_00 }, { minutes: 0, legalCostsCents: 0 }, { minutes: 30, legalCostsCents: 0 }], hourly: 60_00, time: 60_00, total: 1_060_00, perCase: 1_060_00 / 3 },
  ])("values $cases.length case(s) at $hourly cents an hour", ({ cases, hourly, time, total, perCase }) => {
    const result = costPerDispute({ cases, hourlyCostCents: hourly });
    expect(result).toMatchObject({ count: cases.length, timeCostCents: time, totalCents: total, perCaseCents: perCase });
  });

  it("rounds the total time once, not case by case", () => {
    // Each case alone would be 0.5 → 1 cent; together 1 minute at 30 cents an hour is 0.5 → 1 cent.
    expect(costPerDispute({ cases: [{ minutes: 1, legalCostsCents: 0 }, { minutes: 1, legalCostsCents: 0 }], hourlyCostCents: 15 }).timeCostCents).toBe(1);
  });

  it("has no cost per dispute without a case", () => {
    expect(costPerDispute({ cases: [], hourlyCostCents: 55_00 })).toEqual({ count: 0, minutes: 0, timeCostCents: 0, legalCostsCents: 0, totalCents: 0, perCaseCents: null });
  });

  it("refuses negative minutes or costs", () => {
    expect(() => costPerDispute({ cases: [{ minutes: -1, legalCostsCents: 0 }], hourlyCostCents: 1 })).toThrow();
    expect(() => costPerDispute({ cases: [{ minutes: 1, legalCostsCents: -1 }], hourlyCostCents: 1 })).toThrow();
    expect(() => costPerDispute({ cases: [], hourlyCostCents: 1.5 })).toThrow();
  });

  it("the total is the rounded time cost plus the legal costs, within half a cent of the exact value", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ minutes: fc.integer({ min: 0, max: 100_000 }), legalCostsCents: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 30 }), fc.integer({ min: 0, max: 100_000 }), (cases, hourly) => {
        const result = costPerDispute({ cases, hourlyCostCents: hourly });
        const minutes = cases.reduce((sum, c) => sum + c.minutes, 0);
        const exact = (minutes * hourly) / 60;
        expect(Number.isInteger(result.timeCostCents)).toBe(true);
        expect(result.timeCostCents - exact).toBeGreaterThan(-0.5 - 1e-9);
        expect(result.timeCostCents - exact).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(result.totalCents).toBe(result.timeCostCents + cases.reduce((sum, c) => sum + c.legalCostsCents, 0));
        expect(result.perCaseCents).toBe(cases.length === 0 ? null : result.totalCents / cases.length);
      }),
    );
  });
});

describe("creditNotesWithoutRootCause", () => {
  it.each([
    { decisions: [], count: 0, cents: 0 },
    { decisions: [{ grantedCents: 100_00, rootCause: null }], count: 1, cents: 100_00 },
    { decisions: [{ grantedCents: 100_00, rootCause: "" }], count: 1, cents: 100_00 },
    { decisions: [{ grantedCents: 100_00, rootCause: "late_delivery" }], count: 0, cents: 0 },
    { decisions: [{ grantedCents: 0, rootCause: null }], count: 0, cents: 0 },
    { decisions: [{ grantedCents: 5, rootCause: null }, { grantedCents: 7, rootCause: "packaging" }, { grantedCents: 11, rootCause: null }], count: 2, cents: 16 },
  ])("counts $count decision(s) for $cents cents", ({ decisions, count, cents }) => {
    expect(creditNotesWithoutRootCause(decisions)).toEqual({ count, cents });
  });

  it("refuses a negative credit", () => {
    expect(() => creditNotesWithoutRootCause([{ grantedCents: -1, rootCause: null }])).toThrow();
  });

  it("counts exactly the crediting decisions without a root cause", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ grantedCents: fc.integer({ min: 0, max: 1_000_000 }), rootCause: fc.constantFrom(null, "", "packaging") })), (decisions) => {
        const result = creditNotesWithoutRootCause(decisions);
        const kept = decisions.filter((d) => d.grantedCents > 0 && !d.rootCause);
        expect(result).toEqual({ count: kept.length, cents: kept.reduce((sum, d) => sum + d.grantedCents, 0) });
        // adding a decision with a root cause changes nothing
        expect(creditNotesWithoutRootCause([...decisions, { grantedCents: 1, rootCause: "packaging" }])).toEqual(result);
      }),
    );
  });
});

describe("penaltiesPaid", () => {
  it.each([
    { decisions: [], count: 0, cents: 0 },
    { decisions: [{ penaltiesCents: 0 }], count: 0, cents: 0 },
    { decisions: [{ penaltiesCents: 40_00 }, { penaltiesCents: 0 }, { penaltiesCents: 2 }], count: 2, cents: 40_02 },
  ])("counts $count decision(s) for $cents cents", ({ decisions, count, cents }) => {
    expect(penaltiesPaid(decisions)).toEqual({ count, cents });
  });

  it("refuses a negative penalty", () => {
    expect(() => penaltiesPaid([{ penaltiesCents: -5 }])).toThrow();
  });

  it("the sum is that of the decisions with penalties, the count theirs", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ penaltiesCents: fc.integer({ min: 0, max: 1_000_000 }) })), (decisions) => {
        const result = penaltiesPaid(decisions);
        expect(result.cents).toBe(decisions.reduce((sum, d) => sum + d.penaltiesCents, 0));
        expect(result.count).toBe(decisions.filter((d) => d.penaltiesCents > 0).length);
      }),
    );
  });
});

describe("correctiveActionEffectiveness with the action's own case", () => {
  it("never counts the action's own case as a recurrence", () => {
    const completedAt = at("2026-03-01T00:00:00Z");
    const cases = [
      { caseId: "own", rootCause: "packaging", accountId: "a", openedAt: at("2026-02-20T00:00:00Z") },
      { caseId: "other", rootCause: "packaging", accountId: "b", openedAt: at("2026-02-21T00:00:00Z") },
    ];
    const asOf = at("2026-12-01T00:00:00Z");
    expect(correctiveActionEffectiveness({ actions: [{ id: "x", rootCause: "packaging", completedAt, caseId: "own" }], cases, asOf }).before).toBe(1);
    expect(correctiveActionEffectiveness({ actions: [{ id: "x", rootCause: "packaging", completedAt }], cases, asOf }).before).toBe(2);
  });
});
