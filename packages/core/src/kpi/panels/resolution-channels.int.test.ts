import { caseDecisions, litigations } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { resolutionChannels } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiAccount, kpiDecidedCase, kpiLitigation, kpiStaff, readCases } from "../../testing/kpi-decision-records";
import { DEFAULT_KPI_SETTINGS } from "../kpi-settings";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { resolutionChannelsPanel } from "./resolution-channels";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
// March 2026 in Paris: [28 Feb 23:00 UTC, 31 Mar 22:00 UTC) — summer time starts on the 29th.
const MARCH_FROM = new Date("2026-02-28T23:00:00Z");
const MARCH_TO = new Date("2026-03-31T22:00:00Z");
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);
const settings = { ...DEFAULT_KPI_SETTINGS, litigationCostCents: 3_000_00 };

/** The domain's figures over the same rows, read back. */
async function domainFigures(query: Record<string, string>) {
  const { scope } = await resolveKpiScope(t.db, query, NOW);
  const { byId, passes } = await readCases(t.db);
  const litigated = new Set((await t.db.select({ caseId: litigations.caseId }).from(litigations)).map((l) => l.caseId));
  const decided = (await t.db.select().from(caseDecisions)).filter((d) => inPeriod(d.decidedAt, scope.period) && passes(byId.get(d.caseId)!, scope.filters));
  const expected = resolutionChannels(
    decided.map((d) => ({ outcome: d.outcome, wentToLitigation: litigated.has(d.caseId), legalCostsCents: byId.get(d.caseId)!.legalCostsCents })),
    { estimatedLegalCostPerLitigationCents: settings.litigationCostCents },
  );
  return { scope, expected };
}

describe("resolutionChannelsPanel", () => {
  let accountId = "";
  beforeAll(async () => {
    const account = await kpiAccount(t.db);
    const other = await kpiAccount(t.db);
    accountId = account.id;
    const staff = await kpiStaff(t.db);
    const received = new Date("2026-01-10T09:00:00Z");
    // In March: decided at the first and the last instant of the month in Paris.
    await kpiDecidedCase(t.db, account, { receivedAt: received, decidedAt: MARCH_FROM, outcome: "settled_amicably" });
    const litigated = await kpiDecidedCase(t.db, account, { receivedAt: received, decidedAt: ms(MARCH_TO, -1), outcome: "judged", legalCostsCents: 1_200_00 });
    await kpiLitigation(t.db, litigated.id, staff.id, new Date("2026-02-10T09:00:00Z"));
    await kpiDecidedCase(t.db, other, { receivedAt: received, decidedAt: new Date("2026-03-15T09:00:00Z"), outcome: "upheld", type: "delivery" });
    // Outside March by a millisecond on each side (a litigated one, whose costs must not count).
    const before = await kpiDecidedCase(t.db, account, { receivedAt: received, decidedAt: ms(MARCH_FROM, -1), legalCostsCents: 9_999_00 });
    await kpiLitigation(t.db, before.id, staff.id, new Date("2026-02-01T09:00:00Z"));
    await kpiDecidedCase(t.db, account, { receivedAt: received, decidedAt: MARCH_TO });
  });

  it("counts the cases decided in the period, litigated when handed over to legal, and agrees with the domain", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31" });
    const panel = await resolutionChannelsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toMatchObject({ decided: 3, amicable: 2, litigation: 1, legalCostsCents: 1_200_00, legalCostsAvoidedCents: 6_000_00 });
    expect(panel.amicableRate).toBeCloseTo(200 / 3, 10);
  });

  it("applies the filters", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31", type: "quality", account: accountId });
    const panel = await resolutionChannelsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toMatchObject({ decided: 2, amicable: 1, litigation: 1 });
  });

  it("has no rate for a period without decisions", async () => {
    const { scope, expected } = await domainFigures({ from: "2025-03-01", to: "2025-03-31" });
    const panel = await resolutionChannelsPanel(t.db, scope, settings);
    expect(panel).toEqual(expected);
    expect(panel).toEqual({ decided: 0, amicable: 0, litigation: 0, amicableRate: null, litigationRate: null, legalCostsCents: 0, legalCostsAvoidedCents: 0 });
  });
});
