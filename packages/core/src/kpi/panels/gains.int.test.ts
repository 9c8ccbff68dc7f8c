import { caseDecisions, timeEntries } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { costPerDispute, creditNotesWithoutRootCause, penaltiesPaid, trend } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiAccount, kpiDecidedCase, kpiStaff, kpiTime, readCases } from "../../testing/kpi-decision-records";
import { DEFAULT_KPI_SETTINGS } from "../kpi-settings";
import type { KpiPeriod } from "../kpi-query";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { gainsPanel } from "./gains";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
const settings = { ...DEFAULT_KPI_SETTINGS, hourlyCostCents: 55_00 };
// March 2026 in Paris: [28 Feb 23:00 UTC, 31 Mar 22:00 UTC); the previous period is 29 January – 28 February.
const MARCH_FROM = new Date("2026-02-28T23:00:00Z");
const MARCH_TO = new Date("2026-03-31T22:00:00Z");
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);

async function domainFigures(query: Record<string, string>) {
  const { scope } = await resolveKpiScope(t.db, query, NOW);
  const { rows, byId, passes } = await readCases(t.db);
  const entries = await t.db.select().from(timeEntries);
  const allDecisions = await t.db.select().from(caseDecisions);
  const figures = (period: KpiPeriod) => {
    const resolved = rows.filter((c) => inPeriod(c.resolvedAt, period) && passes(c, scope.filters));
    const cost = costPerDispute({
      cases: resolved.map((c) => ({ minutes: entries.filter((e) => e.caseId === c.id).reduce((sum, e) => sum + e.minutes, 0), legalCostsCents: c.legalCostsCents })),
      hourlyCostCents: settings.hourlyCostCents,
    });
    const decided = allDecisions.filter((d) => inPeriod(d.decidedAt, period) && passes(byId.get(d.caseId)!, scope.filters));
    const credits = creditNotesWithoutRootCause(decided.map((d) => ({ grantedCents: d.grantedCents, rootCause: byId.get(d.caseId)!.rootCauseCode })));
    return { cost: cost.perCaseCents, credits, penalties: penaltiesPaid(decided) };
  };
  const current = figures(scope.period);
  const previous = figures(scope.previous);
  return {
    scope,
    expected: {
      costPerDisputeCents: trend(current.cost, previous.cost),
      creditNotesWithoutRootCause: trend(current.credits.count, previous.credits.count),
      creditNotesWithoutRootCauseCents: trend(current.credits.cents, previous.credits.cents),
      penaltiesPaidCents: trend(current.penalties.cents, previous.penalties.cents),
    },
  };
}

describe("gainsPanel", () => {
  beforeAll(async () => {
    const staff = await kpiStaff(t.db);
    const account = await kpiAccount(t.db);
    const received = new Date("2026-01-05T09:00:00Z");
    const decided = (decidedAt: Date, values: { grantedCents?: number; penaltiesCents?: number; rootCauseCode?: string | null; legalCostsCents?: number; type?: "quality" | "delivery" }) =>
      kpiDecidedCase(t.db, account, { receivedAt: received, decidedAt, ...values });
    // March: four resolved cases, 158 minutes, 500 € of legal costs.
    const first = await decided(MARCH_FROM, { grantedCents: 100_00, penaltiesCents: 20_00 });
    await kpiTime(t.db, first.id, staff.id, 90);
    await kpiTime(t.db, first.id, staff.id, 7);
    const last = await decided(ms(MARCH_TO, -1), { grantedCents: 50_00, rootCauseCode: "packaging", legalCostsCents: 500_00 });
    await kpiTime(t.db, last.id, staff.id, 1);
    const delivery = await decided(new Date("2026-03-10T10:00:00Z"), { grantedCents: 30_00, penaltiesCents: 5_00, type: "delivery" });
    await kpiTime(t.db, delivery.id, staff.id, 60);
    await decided(new Date("2026-03-12T10:00:00Z"), { grantedCents: 10_00, rootCauseCode: "" });
    // April in Paris: not March.
    const april = await decided(MARCH_TO, { grantedCents: 999_00, penaltiesCents: 999_00 });
    await kpiTime(t.db, april.id, staff.id, 600);
    // The previous period: one case, 30 minutes.
    const february = await decided(new Date("2026-02-10T10:00:00Z"), { grantedCents: 40_00, penaltiesCents: 10_00 });
    await kpiTime(t.db, february.id, staff.id, 30);
  });

  it("computes each gain for the period and the previous one, as the domain does", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31" });
    const panel = await gainsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    // 158 min × 55 € / 60 = 144,833… → 144,83 €, + 500 € of legal costs, over 4 cases; 30 min → 27,50 € over 1.
    expect(panel.costPerDisputeCents).toMatchObject({ current: (14_483 + 500_00) / 4, previous: 27_50 });
    expect(panel.creditNotesWithoutRootCause).toMatchObject({ current: 3, previous: 1, changePercent: 200 });
    expect(panel.creditNotesWithoutRootCauseCents).toMatchObject({ current: 140_00, previous: 40_00 });
    expect(panel.penaltiesPaidCents).toMatchObject({ current: 25_00, previous: 10_00, changePercent: 150 });
  });

  it("applies the filters", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31", type: "quality" });
    const panel = await gainsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel.costPerDisputeCents.current).toBe((8_983 + 500_00) / 3);
    expect(panel.penaltiesPaidCents.current).toBe(20_00);
  });

  it("has no cost per dispute nor change for periods without cases", async () => {
    const { scope, expected } = await domainFigures({ from: "2024-03-01", to: "2024-03-31" });
    const panel = await gainsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toEqual({
      costPerDisputeCents: { current: null, previous: null, changePercent: null },
      creditNotesWithoutRootCause: { current: 0, previous: 0, changePercent: null },
      creditNotesWithoutRootCauseCents: { current: 0, previous: 0, changePercent: null },
      penaltiesPaidCents: { current: 0, previous: 0, changePercent: null },
    });
  });
});
