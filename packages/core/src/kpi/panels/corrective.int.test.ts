import { correctiveActions } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { correctiveActionEffectiveness } from "@accord/domain";
import type { DbOrTx } from "@accord/db";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, kpiAccount, kpiCase, kpiCorrectiveAction, kpiStaff, readCases } from "../../testing/kpi-decision-records";
import { DEFAULT_KPI_SETTINGS } from "../kpi-settings";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { correctivePanel } from "./corrective";

const t = useTestDb();
const NOW = new Date("2026-12-07T10:00:00Z");
const settings = { ...DEFAULT_KPI_SETTINGS, correctiveWindowDays: 30 };
// January – June 2026 in Paris, as of 1 July 00:00 Paris: an action counts when done by 31 May 22:00 UTC.
const PERIOD = { from: "2026-01-01", to: "2026-06-30" };
const DONE = new Date("2026-03-01T10:00:00Z");
const DAY = 86_400_000;
const ms = (at: Date, delta: number) => new Date(at.getTime() + delta);

async function domainFigures(query: Record<string, string>, db: DbOrTx = t.db) {
  const { scope } = await resolveKpiScope(db, query, NOW);
  const { rows, byId, passes } = await readCases(db);
  const actions = (await db.select().from(correctiveActions))
    .filter((a) => inPeriod(a.doneAt, scope.period) && passes(byId.get(a.caseId)!, scope.filters))
    .sort((a, b) => a.doneAt!.getTime() - b.doneAt!.getTime() || (a.id < b.id ? -1 : 1))
    .map((a) => ({ id: a.id, rootCause: a.rootCauseCode, completedAt: a.doneAt!, caseId: a.caseId }));
  const cases = rows.filter((c) => passes(c, scope.filters)).map((c) => ({ caseId: c.id, rootCause: c.rootCauseCode, accountId: c.accountId, openedAt: c.receivedAt }));
  const expected = correctiveActionEffectiveness({ actions, cases, asOf: scope.asOf, windowDays: settings.correctiveWindowDays });
  return { scope, expected };
}

/** The panel's figures in the domain's shape. */
const asDomain = (panel: Awaited<ReturnType<typeof correctivePanel>>) => ({
  before: panel.before,
  after: panel.after,
  reductionPercent: panel.reductionPercent,
  actions: panel.actions.map(({ id, rootCause, before, after, reductionPercent }) => ({ id, rootCause, before, after, reductionPercent })),
});

describe("correctivePanel", () => {
  let fixed = "";
  let unrepeated = "";
  beforeAll(async () => {
    const staff = await kpiStaff(t.db);
    const account = await kpiAccount(t.db);
    const other = await kpiAccount(t.db);
    const received = (at: Date, rootCauseCode: string | null, values: { type?: "quality" | "delivery"; status?: "received" | "duplicate" } = {}) =>
      kpiCase(t.db, other, { receivedAt: at, rootCauseCode, ...values });
    // The action's own case sits in its "before" window: never counted.
    const own = await kpiCase(t.db, account, { receivedAt: new Date("2026-02-20T09:00:00Z"), rootCauseCode: "packaging" });
    fixed = (await kpiCorrectiveAction(t.db, { caseId: own.id, rootCauseCode: "packaging", ownerId: staff.id, title: "Film étirable renforcé", doneAt: DONE })).id;
    await received(new Date("2026-02-10T09:00:00Z"), "packaging"); // before
    await received(ms(DONE, -30 * DAY), "packaging"); // before: the window's first instant
    await received(ms(DONE, -30 * DAY - 1), "packaging"); // a millisecond too early
    await received(new Date("2026-02-15T09:00:00Z"), "packaging", { type: "delivery" }); // before, another type
    await received(new Date("2026-02-11T09:00:00Z"), "packaging", { status: "duplicate" }); // never counted
    await received(new Date("2026-02-12T09:00:00Z"), "transport_damage"); // another cause
    await received(DONE, "packaging"); // after: the window's first instant
    await received(ms(DONE, 30 * DAY), "packaging"); // the "after" window has ended
    // Done at the first instant of the period (1 January 00:00 in Paris), nothing recurred.
    const second = await kpiCase(t.db, account, { receivedAt: new Date("2025-12-01T09:00:00Z"), rootCauseCode: "raw_material" });
    unrepeated = (await kpiCorrectiveAction(t.db, { caseId: second.id, rootCauseCode: "raw_material", ownerId: staff.id, doneAt: new Date("2025-12-31T23:00:00Z") })).id;
    // Left out: done a millisecond before the period, done too late for its window to end by 1 July, still open.
    await kpiCorrectiveAction(t.db, { caseId: second.id, rootCauseCode: "raw_material", ownerId: staff.id, doneAt: new Date("2025-12-31T22:59:59.999Z") });
    await kpiCorrectiveAction(t.db, { caseId: own.id, rootCauseCode: "packaging", ownerId: staff.id, doneAt: new Date("2026-06-15T10:00:00Z") });
    await kpiCorrectiveAction(t.db, { caseId: own.id, rootCauseCode: "packaging", ownerId: staff.id });
  });

  it("counts each action's recurrences before and after it, as the domain does", async () => {
    const { scope, expected } = await domainFigures(PERIOD);
    const panel = await correctivePanel(t.db, scope, settings);
    expect(asDomain(panel)).toEqual(expected);
    expect(panel.windowDays).toBe(30);
    expect(panel.actions.map((a) => [a.id, a.before, a.after])).toEqual([
      [unrepeated, 0, 0],
      [fixed, 3, 1],
    ]);
    expect(panel.actions[1]).toMatchObject({ title: "Film étirable renforcé", rootCause: "packaging", label: "Emballage insuffisant", doneAt: DONE });
    expect(panel.actions[1]!.caseReference).toMatch(/^LIT-2026-/);
    expect(panel.actions[0]!.reductionPercent).toBeNull();
    expect(panel.reductionPercent).toBeCloseTo(200 / 3, 10);
  });

  it("applies the filters to the actions' cases and to the recurrences, labels in English on request", async () => {
    const quality = await domainFigures({ ...PERIOD, type: "quality" });
    const panel = await correctivePanel(t.db, quality.scope, settings, "en");
    expect(asDomain(panel)).toEqual(quality.expected);
    expect(panel).toMatchObject({ before: 2, after: 1, reductionPercent: 50 });
    expect(panel.actions[1]!.label).toBe("Inadequate packaging");

    const delivery = await domainFigures({ ...PERIOD, type: "delivery" });
    expect(asDomain(await correctivePanel(t.db, delivery.scope, settings))).toEqual({ ...delivery.expected, actions: [] });
  });

  it("has no reduction for a period without actions", async () => {
    const { scope, expected } = await domainFigures({ from: "2024-01-01", to: "2024-12-31" });
    const panel = await correctivePanel(t.db, scope, settings);
    expect(asDomain(panel)).toEqual(expected);
    expect(panel).toEqual({ windowDays: 30, before: 0, after: 0, reductionPercent: null, actions: [] });
  });

  describe("on random cases and actions", () => {
    let account: Awaited<ReturnType<typeof kpiAccount>>;
    let ownerId = "";
    beforeAll(async () => {
      account = await kpiAccount(t.db);
      ownerId = (await kpiStaff(t.db, "Agent des propriétés")).id;
    });

    const W = 30 * DAY;
    // Instants around two action instants, the windows' edges and their neighbours most of the time, so
    // that cases and action edges often fall on the same millisecond (a tie is counted on the side of the
    // window that starts there).
    const bases = [Date.parse("2026-02-20T10:00:00Z"), Date.parse("2026-04-30T22:00:00Z")];
    const offsets = [-W - 1, -W, -W + 1, -1, 0, 1, W - 1, W, W + 1];
    const instantArb = fc
      .tuple(fc.constantFrom(...bases), fc.oneof({ arbitrary: fc.constantFrom(...offsets), weight: 4 }, { arbitrary: fc.integer({ min: -2 * W, max: 2 * W }), weight: 1 }))
      .map(([base, offset]) => base + offset);
    const causeArb = fc.oneof({ arbitrary: fc.constant<string | null>("packaging"), weight: 3 }, fc.constantFrom<string | null>("raw_material", null));
    const caseArb = fc.record({
      receivedAt: instantArb,
      rootCause: causeArb,
      type: fc.constantFrom<"quality" | "delivery">("quality", "delivery"),
      duplicate: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, fc.constant(true)),
    });
    const actionArb = fc.record({
      own: fc.nat(),
      rootCause: fc.oneof({ arbitrary: fc.constant("packaging"), weight: 3 }, fc.constant("raw_material")),
      doneAt: fc.oneof({ arbitrary: fc.constantFrom(...bases), weight: 3 }, instantArb),
    });
    class Rollback extends Error {}

    it("the SQL equals the domain, filters or not", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(caseArb, { minLength: 1, maxLength: 14 }),
          fc.array(actionArb, { maxLength: 4 }),
          fc.constantFrom<Record<string, string>>({}, { type: "quality" }),
          async (caseValues, actionValues, filter) => {
            await t.db
              .transaction(async (tx) => {
                const inserted = [];
                for (const c of caseValues)
                  inserted.push(await kpiCase(tx, account, { receivedAt: new Date(c.receivedAt), rootCauseCode: c.rootCause, type: c.type, ...(c.duplicate ? { status: "duplicate" as const } : {}) }));
                for (const a of actionValues)
                  await kpiCorrectiveAction(tx, { caseId: inserted[a.own % inserted.length]!.id, rootCauseCode: a.rootCause, ownerId, doneAt: new Date(a.doneAt) });
                const { scope, expected } = await domainFigures({ ...PERIOD, account: account.id, ...filter }, tx);
                expect(asDomain(await correctivePanel(tx, scope, settings))).toEqual(expected);
                throw new Rollback();
              })
              .catch((error: unknown) => {
                if (!(error instanceof Rollback)) throw error;
              });
          },
        ),
        { numRuns: 80 },
      );
    });
  });
});
