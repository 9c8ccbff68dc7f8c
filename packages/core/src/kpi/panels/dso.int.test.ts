/**
 * The DSO panel's SQL agrees with the domain's `dsoImpact` over `holdsWithin` (issue 15, ADR 0040):
 * each case holds the invoice it contests for its lines' disputed amounts, from its reception day to
 * the day it ended (Paris days), cut to the period and asOf.
 */
import { caseLines } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { dsoImpact, holdsWithin, localDate, type InvoiceHold } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { DsoPanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { dsoPanel } from "./dso";

type LineRow = { caseId: string; invoiceId: string; disputedAmountCents: number };

function domainDso(records: readonly KpiCaseRecord[], lines: readonly LineRow[], scope: KpiScope): DsoPanel {
  const paris = (at: Date) => localDate(at, "Europe/Paris");
  const holds = new Map<string, InvoiceHold>();
  for (const record of records.filter((r) => matchesKpiFilters(r, scope.filters))) {
    for (const line of lines.filter((l) => l.caseId === record.case.id)) {
      const key = `${line.caseId}/${line.invoiceId}`;
      const known = holds.get(key);
      holds.set(key, {
        amountCents: (known?.amountCents ?? 0) + line.disputedAmountCents,
        holdStart: paris(record.case.receivedAt),
        holdEnd: record.case.endedAt === null ? null : paris(record.case.endedAt),
      });
    }
  }
  const asOf = paris(scope.asOf);
  return dsoImpact(holdsWithin([...holds.values()], { firstDay: scope.period.firstDay, asOf }), asOf);
}

describe("DSO panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
  });

  it("agrees with the domain under every query of the scenario", async () => {
    const records = await readKpiCases(t.db);
    const lines = await t.db.select({ caseId: caseLines.caseId, invoiceId: caseLines.invoiceId, disputedAmountCents: caseLines.disputedAmountCents }).from(caseLines);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      const actual = await dsoPanel(t.db, scope);
      const expected = domainDso(records, lines, scope);
      expect({ ...actual, averageDays: null }, query.name).toEqual({ ...expected, averageDays: null });
      if (expected.averageDays === null) expect(actual.averageDays, query.name).toBeNull();
      else expect(actual.averageDays, query.name).toBeCloseTo(expected.averageDays, 9);
    }
  });

  it("counts the account B's holds of March day by day", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31", account: scenario.accounts.b.id }, scenario.now);
    // Case 4: 8 March → still open on 1 April = 24 days; case 5: 9 → 16 March = 7 days; case 11: 25 → 30 March = 5 days.
    expect(await dsoPanel(t.db, scope)).toEqual({ amountCents: 7_000 + 8_000 + 2_500, centDays: 7_000 * 24 + 8_000 * 7 + 2_500 * 5, averageDays: (7_000 * 24 + 8_000 * 7 + 2_500 * 5) / 17_500 });
  });

  it("gives zero and a null average on an empty period", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    expect(await dsoPanel(t.db, scope)).toEqual({ amountCents: 0, centDays: 0, averageDays: null });
  });
});
