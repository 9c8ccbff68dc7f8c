import { caseSurveys } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { nps } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiAccount, kpiCase, kpiSurvey, readCases } from "../../testing/kpi-decision-records";
import { DEFAULT_KPI_SETTINGS } from "../kpi-settings";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { npsPanel } from "./nps";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
// March 2026 in Paris: [28 Feb 23:00 UTC, 31 Mar 22:00 UTC); weekly buckets.
const MARCH_FROM = new Date("2026-02-28T23:00:00Z");
const MARCH_TO = new Date("2026-03-31T22:00:00Z");
const MONDAY_9_MARCH = new Date("2026-03-08T23:00:00Z"); // midnight in Paris
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);

async function domainFigures(query: Record<string, string>) {
  const { scope } = await resolveKpiScope(t.db, query, NOW);
  const { byId, passes } = await readCases(t.db);
  const answers = (await t.db.select().from(caseSurveys)).filter((s) => passes(byId.get(s.caseId)!, scope.filters));
  const scores = (period: { from: Date; to: Date }) => answers.filter((s) => inPeriod(s.answeredAt, period)).map((s) => s.score);
  const { responses, promoters, passives, detractors, nps: score } = nps(scores(scope.period));
  const series = scope.buckets.map((bucket) => {
    const b = nps(scores(bucket));
    return { key: bucket.key, responses: b.responses, nps: b.nps };
  });
  return { scope, expected: { responses, promoters, passives, detractors, nps: score, series } };
}

describe("npsPanel", () => {
  let accountId = "";
  beforeAll(async () => {
    const account = await kpiAccount(t.db);
    const other = await kpiAccount(t.db);
    accountId = account.id;
    const survey = async (owner: typeof account, score: number, answeredAt: Date, type: "quality" | "delivery" = "quality") =>
      kpiSurvey(t.db, await kpiCase(t.db, owner, { receivedAt: new Date("2026-02-01T09:00:00Z"), type }), score, answeredAt);
    await survey(account, 10, MARCH_FROM); // first instant of March in Paris
    await survey(account, 3, ms(MONDAY_9_MARCH, -1)); // last instant of the week of 2 March
    await survey(account, 8, MONDAY_9_MARCH); // first instant of the week of 9 March
    await survey(account, 9, ms(MARCH_TO, -1));
    await survey(other, 0, new Date("2026-03-11T10:00:00Z"), "delivery");
    await survey(account, 0, ms(MARCH_FROM, -1)); // 28 February in Paris
    await survey(account, 0, MARCH_TO); // 1 April in Paris
  });

  it("scores the answers given in the period, bucket by bucket, as the domain does", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31" });
    const panel = await npsPanel(t.db, scope, DEFAULT_KPI_SETTINGS);
    expect(panel).toEqual(expected);
    expect(panel).toMatchObject({ responses: 5, promoters: 2, passives: 1, detractors: 2, nps: 0 });
    expect(panel.series.map((b) => [b.key, b.responses, b.nps])).toEqual([
      ["2026-02-23", 1, 100],
      ["2026-03-02", 1, -100],
      ["2026-03-09", 2, -50],
      ["2026-03-16", 0, null],
      ["2026-03-23", 0, null],
      ["2026-03-30", 1, 100],
    ]);
  });

  it("applies the filters", async () => {
    const { scope, expected } = await domainFigures({ from: "2026-03-01", to: "2026-03-31", account: accountId });
    const panel = await npsPanel(t.db, scope, DEFAULT_KPI_SETTINGS);
    expect(panel).toEqual(expected);
    expect(panel).toMatchObject({ responses: 4, promoters: 2, detractors: 1, nps: 25 });
  });

  it("has no score for a period without answers, and one empty entry per bucket", async () => {
    const { scope, expected } = await domainFigures({ from: "2025-01-01", to: "2025-12-31" });
    const panel = await npsPanel(t.db, scope, DEFAULT_KPI_SETTINGS);
    expect(panel).toEqual(expected);
    expect(panel.nps).toBeNull();
    expect(panel.series).toHaveLength(12);
    expect(panel.series.every((b) => b.responses === 0 && b.nps === null)).toBe(true);
  });
});
