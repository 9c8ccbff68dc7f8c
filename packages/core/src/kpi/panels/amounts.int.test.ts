/**
 * The amounts panel's SQL agrees with the domain's `amountTotals` on each population (issue 15,
 * ADR 0040): exposed over the cases received, credited / recovered / legal costs over the cases
 * resolved, open exposed over the cases open at asOf.
 */
import { useTestDb } from "@accord/db/testing";
import { amountTotals } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { AmountsPanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { amountsPanel } from "./amounts";

function domainAmounts(records: readonly KpiCaseRecord[], scope: KpiScope): AmountsPanel {
  const cases = records.filter((r) => matchesKpiFilters(r, scope.filters)).map((r) => r.case);
  const totals = (rows: typeof cases) =>
    amountTotals(rows.map((c) => ({ disputedCents: c.disputedAmountCents, creditedCents: c.creditedAmountCents, recoveredCents: c.recoveredAmountCents, legalCostsCents: c.legalCostsCents })));
  const received = (p: { from: Date; to: Date }) => totals(cases.filter((c) => inPeriod(c.receivedAt, p)));
  const resolved = (p: { from: Date; to: Date }) => totals(cases.filter((c) => inPeriod(c.resolvedAt, p)));
  const open = totals(cases.filter((c) => c.receivedAt <= scope.asOf && (c.endedAt === null || scope.asOf < c.endedAt)));
  const inResolved = resolved(scope.period);
  return {
    exposedCents: received(scope.period).exposedCents,
    creditedCents: inResolved.creditedCents,
    recoveredCents: inResolved.recoveredCents,
    legalCostsCents: inResolved.legalCostsCents,
    openExposedCents: open.exposedCents,
    series: scope.buckets.map((b) => ({ key: b.key, exposedCents: received(b).exposedCents, creditedCents: resolved(b).creditedCents, recoveredCents: resolved(b).recoveredCents })),
  };
}

describe("amounts panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
  });

  it("agrees with the domain under every query of the scenario", async () => {
    const records = await readKpiCases(t.db);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      expect(await amountsPanel(t.db, scope), query.name).toEqual(domainAmounts(records, scope));
    }
  });

  it("sums March: exposed on reception, credited and legal costs on resolution, the duplicate never", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31" }, scenario.now);
    expect(await amountsPanel(t.db, scope)).toMatchObject({
      // Cases 3, 4, 5, 6, 7, 8, 11, 13, 14 and the code outside the taxonomy.
      exposedCents: 3_000 + 7_000 + 8_000 + 4_000 + 1_500 + 2_000 + 2_500 + 600 + 800 + 100,
      // Resolved in March: 2, 3, 5, 11, 12, 13.
      creditedCents: 4_000 + 2_000 + 8_000 + 1_200,
      recoveredCents: 500 + 1_000,
      legalCostsCents: 30_000,
      // Open at 1 April 00:00: 1, 4, 7, 8, 13, 14, the code outside the taxonomy, and case 9 received at that instant.
      openExposedCents: 5_000 + 7_000 + 1_500 + 2_000 + 600 + 800 + 100 + 900,
    });
  });

  it("gives zeros on an empty period", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    const panel = await amountsPanel(t.db, scope);
    expect(panel).toMatchObject({ exposedCents: 0, creditedCents: 0, recoveredCents: 0, legalCostsCents: 0, openExposedCents: 0 });
    expect(panel.series).toEqual(scope.buckets.map((b) => ({ key: b.key, exposedCents: 0, creditedCents: 0, recoveredCents: 0 })));
  });
});
