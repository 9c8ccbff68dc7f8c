/**
 * The Pareto panel's SQL agrees with the domain's `rootCausePareto` (issue 15, ADR 0040), labels from
 * the taxonomy in French or English (the code itself for a code outside it).
 */
import { rootCauses } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { rootCausePareto } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { ParetoPanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { paretoPanel } from "./pareto";

type Labels = Map<string, { fr: string; en: string }>;

function domainPareto(records: readonly KpiCaseRecord[], scope: KpiScope, labels: Labels, language: "fr" | "en"): ParetoPanel {
  const population = records.filter((r) => matchesKpiFilters(r, scope.filters) && inPeriod(r.case.receivedAt, scope.period));
  const pareto = rootCausePareto(population.map((r) => ({ rootCause: r.case.rootCauseCode })));
  return { ...pareto, rows: pareto.rows.map((row) => ({ ...row, label: labels.get(row.rootCause)?.[language] ?? row.rootCause })) };
}

describe("Pareto panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;
  let labels: Labels;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
    labels = new Map((await t.db.select().from(rootCauses)).map((r) => [r.code, { fr: r.labelFr, en: r.labelEn }]));
  });

  it("agrees with the domain under every query of the scenario, in both languages", async () => {
    const records = await readKpiCases(t.db);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      for (const language of ["fr", "en"] as const) {
        expect(await paretoPanel(t.db, scope, language), `${query.name} (${language})`).toEqual(domainPareto(records, scope, labels, language));
      }
    }
  });

  it("ranks March's root causes, ties by code, unclassified apart", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31" }, scenario.now);
    const panel = await paretoPanel(t.db, scope, "fr");
    expect(panel.classified).toBe(8);
    expect(panel.unclassified).toBe(2);
    expect(panel.rows.map((r) => [r.rootCause, r.label, r.count])).toEqual([
      ["late_delivery", "Retard de livraison", 3],
      ["transport_damage", "Avarie de transport", 3],
      ["legacy_code", "legacy_code", 1],
      ["pricing_error", "Erreur de prix ou de tarif", 1],
    ]);
    expect(panel.rows.at(-1)?.cumulativePercent).toBe(100);
    expect(panel.rows[0]?.percent).toBe(37.5);
  });

  it("gives no rows and zero counts on an empty period", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    expect(await paretoPanel(t.db, scope, "en")).toEqual({ classified: 0, unclassified: 0, rows: [] });
  });
});
