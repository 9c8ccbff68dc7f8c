/**
 * The MTTR panel's SQL agrees with the domain's `mttr` (issue 15, ADR 0040): the stored business
 * minutes (written at resolution by `resolutionBusinessMinutes`) average to the domain's business MTTR
 * on the default calendar, the calendar means are the same, and an empty population gives nulls.
 */
import { useTestDb } from "@accord/db/testing";
import { mttr, type BusinessCalendar } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiCaseRecord } from "../../testing/kpi-records";
import { defaultCalendar } from "../../sla/case-sla";
import type { KpiScope } from "../kpi-query";
import type { MttrPanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { mttrPanel } from "./mttr";

function domainMttr(records: readonly KpiCaseRecord[], scope: KpiScope, calendar: BusinessCalendar): MttrPanel {
  const resolvedIn = (period: { from: Date; to: Date }) =>
    records.filter((r) => matchesKpiFilters(r, scope.filters) && inPeriod(r.case.resolvedAt, period)).map((r) => ({ openedAt: r.case.receivedAt, resolvedAt: r.case.resolvedAt }));
  return {
    ...mttr(resolvedIn(scope.period), calendar),
    series: scope.buckets.map((b) => ({ key: b.key, ...mttr(resolvedIn(b), calendar) })),
  };
}

/** Counts exactly, means to 9 decimals (the SQL averages in float8), nulls as nulls. */
function expectSameMttr(actual: MttrPanel, expected: MttrPanel, name: string) {
  const close = (a: number | null, e: number | null, what: string) => {
    if (e === null) expect(a, `${name}: ${what}`).toBeNull();
    else expect(a, `${name}: ${what}`).toBeCloseTo(e, 9);
  };
  expect(actual.count, name).toBe(expected.count);
  close(actual.calendarMinutes, expected.calendarMinutes, "calendar");
  close(actual.businessMinutes, expected.businessMinutes, "business");
  expect(actual.series.map((s) => [s.key, s.count]), name).toEqual(expected.series.map((s) => [s.key, s.count]));
  expected.series.forEach((e, index) => {
    close(actual.series[index]!.calendarMinutes, e.calendarMinutes, `${e.key} calendar`);
    close(actual.series[index]!.businessMinutes, e.businessMinutes, `${e.key} business`);
  });
}

describe("MTTR panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
  });

  it("agrees with the domain under every query of the scenario", async () => {
    const records = await readKpiCases(t.db);
    const calendar = await defaultCalendar(t.db);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      expectSameMttr(await mttrPanel(t.db, scope), domainMttr(records, scope, calendar), query.name);
    }
  });

  it("measures the cases resolved in March, the reopened one at its resolution, not the withdrawn one", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31" }, scenario.now);
    const panel = await mttrPanel(t.db, scope);
    // Cases 2, 3, 5, 11, 12 and 13 (resolved on 6 March, reopened since).
    expect(panel.count).toBe(6);
    // Week of 2 March: case 2, Sunday 1 March 00:59:59 → Tuesday 11:00 in Paris = a working Monday (480)
    // and 9:00–11:00 (120); case 13, Thursday 11:00 → Friday 11:00 = 90 + 270 + 120. Mean (600 + 480) / 2.
    const week = panel.series.find((s) => s.key === "2026-03-02")!;
    expect(week).toMatchObject({ count: 2, businessMinutes: 540 });
  });

  it("gives nulls on an empty period and zero counts in every bucket", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    const panel = await mttrPanel(t.db, scope);
    expect(panel).toMatchObject({ count: 0, calendarMinutes: null, businessMinutes: null });
    expect(panel.series).toEqual(scope.buckets.map((b) => ({ key: b.key, count: 0, calendarMinutes: null, businessMinutes: null })));
  });
});
