import type { StaffActor } from "@accord/auth";
import { customerAccounts, teams } from "@accord/db";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { seedDemoData } from "../seed/seed-demo";
import { createStaff, rejection, staffActor } from "../testing/fixtures";
import { getKpiDashboard } from "./get-kpi-dashboard";
import { defaultReviewMonth, getReviewPack } from "./get-review-pack";

// The dashboard and the review pack as the back-office calls them, on the demo history (issue 15).
const NOW = new Date("2026-12-07T09:00:00Z");
let t: TestDb;
let supervisor: StaffActor;
let finance: StaffActor;
let agent: StaffActor;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemoData({ db: t.db, now: NOW, production: false, portalUrl: "https://portail.exemple.fr" });
  supervisor = await staffActor(t.db, (await createStaff(t.db, { roles: ["supervisor"] })).id);
  finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const dashboard = (input: Record<string, unknown>, actor: StaffActor = supervisor, language: "fr" | "en" = "fr") =>
  getKpiDashboard({ db: t.db, actor, input, now: NOW, language });

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("validation");
  return (error as AppError).fieldErrors ?? {};
}

describe("getKpiDashboard", () => {
  it("is for supervisors, finance, legal and admins: an agent is refused", async () => {
    expect(await rejection(dashboard({}, agent))).toMatchObject({ code: "forbidden" });
    await expect(dashboard({}, finance)).resolves.toBeDefined();
  });

  it("by default covers the last twelve months by month, every series with one point per month", async () => {
    const { scope, dashboard: d } = await dashboard({});
    expect(scope.period.firstDay).toBe("2026-01-01");
    expect(scope.period.lastDay).toBe("2026-12-07");
    expect(scope.granularity).toBe("month");
    expect(scope.buckets).toHaveLength(12);
    for (const series of [d.volume.series, d.mttr.series, d.sla.series, d.amounts.series, d.nps.series]) expect(series).toHaveLength(12);
    expect(d.volume.received).toBe(d.volume.series.reduce((sum, b) => sum + b.received, 0));
  });

  it("tells the demo history's story: fewer claims, faster resolution, late deliveries down after their corrective action", async () => {
    const { dashboard: d } = await dashboard({ from: "2025-06-01", to: "2026-11-30" });
    const first = d.volume.series.slice(0, 6).reduce((sum, b) => sum + b.received, 0);
    const last = d.volume.series.slice(-6).reduce((sum, b) => sum + b.received, 0);
    expect(last).toBeLessThan(first * 0.7);
    // The mean time to resolve of the cases resolved in the first six months against the last three.
    const meanDays = (buckets: typeof d.mttr.series) =>
      buckets.reduce((sum, b) => sum + b.count * (b.calendarMinutes ?? 0), 0) / buckets.reduce((sum, b) => sum + b.count, 0) / 1440;
    expect(meanDays(d.mttr.series.slice(0, 6))).toBeGreaterThan(2.5 * meanDays(d.mttr.series.slice(-3)));
    expect(d.pareto.rows[0]?.rootCause).toBe("late_delivery");
    expect(d.pareto.rows.at(-1)?.cumulativePercent).toBeCloseTo(100, 6);
    expect(d.corrective.actions.some((action) => action.rootCause === "late_delivery" && action.after < action.before)).toBe(true);
    expect(d.resolutionChannels.amicable).toBeGreaterThan(d.resolutionChannels.litigation);
  });

  it("a filter narrows every panel to its cases", async () => {
    const all = await dashboard({});
    const delivery = await dashboard({ type: "delivery" });
    expect(delivery.dashboard.volume.received).toBeGreaterThan(0);
    expect(delivery.dashboard.volume.received).toBeLessThan(all.dashboard.volume.received);
    const [lemoine] = await t.db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.name, "Brasseries Lemoine SA"));
    const [hotel] = await t.db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.name, "Hôtel du Port SARL"));
    expect((await dashboard({ account: lemoine!.id })).dashboard.volume.received).toBeGreaterThan(500 / 2);
    expect((await dashboard({ account: hotel!.id, tier: "strategic" })).dashboard.volume.received).toBe(0);
  });

  it("an empty period gives zero counts and no figure ('—'), never a division by zero", async () => {
    const { dashboard: d } = await dashboard({ from: "2020-01-01", to: "2020-03-31" });
    expect(d.volume.received).toBe(0);
    expect(d.mttr).toMatchObject({ count: 0, calendarMinutes: null, businessMinutes: null });
    expect(d.sla.firstResponse.rate).toBeNull();
    expect(d.nps.nps).toBeNull();
    expect(d.dso.averageDays).toBeNull();
    expect(d.gains.costPerDisputeCents.current).toBeNull();
    expect(d.resolutionChannels.amicableRate).toBeNull();
    expect(d.pareto.rows).toEqual([]);
  });

  it("refuses an inverted period, a day after today, more than five years, a day that does not exist, each beside its field", async () => {
    expect(await fieldErrors(dashboard({ from: "2026-06-01", to: "2026-05-01" }))).toEqual({ to: ["kpi.error.inverted"] });
    expect(await fieldErrors(dashboard({ from: "2026-11-01", to: "2026-12-08" }))).toEqual({ to: ["kpi.error.future"] });
    expect(await fieldErrors(dashboard({ from: "2020-01-01", to: "2026-12-01" }))).toEqual({ from: ["kpi.error.tooLong"] });
    expect(await fieldErrors(dashboard({ from: "2026-02-31" }))).toEqual({ from: ["kpi.error.day"] });
    expect(await fieldErrors(dashboard({ to: "0000-01-01" }))).toEqual({ to: ["kpi.error.day"] });
  });

  it("refuses an unknown filter value: a type, tier or channel outside the lists, a team or customer that does not exist", async () => {
    const [team] = await t.db.select({ id: teams.id }).from(teams).limit(1);
    expect(await fieldErrors(dashboard({ type: "weather", tier: "gold", channel: "fax" }))).toEqual({
      type: ["kpi.error.unknown"],
      tier: ["kpi.error.unknown"],
      channel: ["kpi.error.unknown"],
    });
    expect(await fieldErrors(dashboard({ account: "not-a-uuid" }))).toEqual({ account: ["kpi.error.unknown"] });
    expect(await fieldErrors(dashboard({ team: "00000000-0000-4000-8000-000000000000", account: "00000000-0000-4000-8000-000000000001" }))).toEqual({
      team: ["kpi.error.unknown"],
      account: ["kpi.error.unknown"],
    });
    await expect(dashboard({ team: team!.id })).resolves.toBeDefined();
  });

  it("labels root causes in the reader's language", async () => {
    expect((await dashboard({}, supervisor, "fr")).dashboard.pareto.rows.map((r) => r.label)).toContain("Retard de livraison");
    expect((await dashboard({}, supervisor, "en")).dashboard.pareto.rows.map((r) => r.label)).toContain("Late delivery");
  });
});

describe("getReviewPack", () => {
  const pack = (input: Record<string, unknown>, actor: StaffActor = supervisor) => getReviewPack({ db: t.db, actor, input, now: NOW, language: "fr" });

  it("is the last full month by default, with the same figures as the dashboard over that month", async () => {
    expect(defaultReviewMonth(NOW)).toBe("2026-11");
    const review = await pack({});
    expect(review.month).toBe("2026-11");
    const month = await dashboard({ from: "2026-11-01", to: "2026-11-30" });
    expect(review.volume.received).toBe(month.dashboard.volume.received);
    expect(review.pareto).toEqual(month.dashboard.pareto);
    expect(review.gains).toEqual(month.dashboard.gains);
    expect(review.top.length).toBeGreaterThan(0);
    expect(review.top.length).toBeLessThanOrEqual(10);
    expect(review.decisions.every((d) => d.decidedAt >= new Date("2026-10-31T23:00:00Z") && d.decidedAt < new Date("2026-11-30T23:00:00Z"))).toBe(true);
  });

  it("the current month runs to today; a month not started, a malformed one, or an agent are refused", async () => {
    expect((await pack({ month: "2026-12" })).scope.period.lastDay).toBe("2026-12-07");
    expect(await fieldErrors(pack({ month: "2027-01" }))).toEqual({ month: ["kpi.error.futureMonth"] });
    expect(await fieldErrors(pack({ month: "2026-13" }))).toEqual({ month: ["kpi.error.month"] });
    expect(await fieldErrors(pack({ month: "novembre" }))).toEqual({ month: ["kpi.error.month"] });
    expect(await rejection(pack({}, agent))).toMatchObject({ code: "forbidden" });
  });
});
