import { describe, expect, it } from "vitest";
import { dsoImpact } from "./kpi";
import { holdsWithin, rootCauseRecurrence } from "./kpi-windows";

const at = (iso: string): Date => new Date(iso);

describe("holds within a period", () => {
  const window = { firstDay: "2026-03-01", asOf: "2026-04-01" } as const;

  it("cuts a hold begun before the period to its first day and an open hold to asOf", () => {
    expect(holdsWithin([{ amountCents: 100, holdStart: "2026-02-20", holdEnd: null }], window)).toEqual([{ amountCents: 100, holdStart: "2026-03-01", holdEnd: "2026-04-01" }]);
  });

  it("keeps a hold inside the period as it is", () => {
    expect(holdsWithin([{ amountCents: 100, holdStart: "2026-03-05", holdEnd: "2026-03-08" }], window)).toEqual([{ amountCents: 100, holdStart: "2026-03-05", holdEnd: "2026-03-08" }]);
  });

  it("drops holds with no day on hold in the period", () => {
    const holds = [
      { amountCents: 100, holdStart: "2026-01-05", holdEnd: "2026-03-01" }, // released on the first day
      { amountCents: 100, holdStart: "2026-04-01", holdEnd: null }, // begins at asOf
      { amountCents: 100, holdStart: "2026-03-10", holdEnd: "2026-03-10" }, // released the day it began
    ];
    expect(holdsWithin(holds, window)).toEqual([]);
  });

  it("gives dsoImpact the days on hold counted in the period only", () => {
    const holds = holdsWithin(
      [
        { amountCents: 1_000, holdStart: "2026-02-27", holdEnd: "2026-03-03" }, // 2 days in March
        { amountCents: 3_000, holdStart: "2026-03-30", holdEnd: null }, // 2 days up to asOf
      ],
      window,
    );
    expect(dsoImpact(holds, window.asOf)).toEqual({ amountCents: 4_000, centDays: 8_000, averageDays: 2 });
  });
});

describe("root-cause recurrence", () => {
  const history = [
    { rootCause: "late", accountId: "a", openedAt: at("2025-03-10T10:00:00Z") },
    { rootCause: "late", accountId: "a", openedAt: at("2026-03-09T10:00:00Z") },
    { rootCause: "late", accountId: "b", openedAt: at("2026-03-20T10:00:00Z") },
    { rootCause: "damaged", accountId: "a", openedAt: at("2026-03-21T10:00:00Z") },
    { rootCause: null, accountId: "a", openedAt: at("2026-03-22T10:00:00Z") },
  ];
  const cases = history.slice(1);
  const buckets = [
    { from: at("2026-03-01T00:00:00Z"), to: at("2026-03-16T00:00:00Z") },
    { from: at("2026-03-16T00:00:00Z"), to: at("2026-04-01T00:00:00Z") },
  ];

  it("calls a case recurring when its account had the same root cause within 365 days before it", () => {
    const { rows } = rootCauseRecurrence({ cases, history, buckets });
    expect(rows).toEqual([
      { rootCause: "late", cases: 2, recurring: 1, accounts: 2 },
      { rootCause: "damaged", cases: 1, recurring: 0, accounts: 1 },
    ]);
  });

  it("does not count a case 365 days and a minute after the previous one", () => {
    const later = [{ rootCause: "late", accountId: "a", openedAt: at("2026-03-10T10:01:00Z") }];
    expect(rootCauseRecurrence({ cases: later, history: [history[0]!, ...later], buckets }).rows[0]?.recurring).toBe(0);
  });

  it("gives the cases per bucket of the top root causes only", () => {
    const { series } = rootCauseRecurrence({ cases, history, buckets, top: 1 });
    expect(series).toEqual([{ rootCause: "late", counts: [1, 1] }]);
  });
});
