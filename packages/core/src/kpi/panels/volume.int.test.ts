/**
 * The volume panel's SQL agrees with the domain's `volume` and `backlog` (issue 15, ADR 0040) on the
 * same rows: the shared scenario under every query (an empty period, filters, Paris midnights, a week
 * boundary, asOf before the period's end), and random spans (fast-check).
 */
import { useTestDb } from "@accord/db/testing";
import { backlog, volume, type CaseSpan } from "@accord/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { insertKpiCase, kpiAccount, kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiAccount, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { VolumePanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { volumePanel } from "./volume";

/** The panel as the domain computes it from plain records. */
function domainVolume(records: readonly KpiCaseRecord[], scope: KpiScope): VolumePanel {
  const spans: CaseSpan[] = records.filter((r) => matchesKpiFilters(r, scope.filters)).map((r) => ({ openedAt: r.case.receivedAt, resolvedAt: r.case.endedAt }));
  const ends: CaseSpan[] = spans.filter((s) => s.resolvedAt !== null).map((s) => ({ openedAt: s.resolvedAt!, resolvedAt: s.resolvedAt }));
  const until = (to: Date) => (to.getTime() < scope.asOf.getTime() ? to : scope.asOf);
  return {
    received: volume(spans, scope.period),
    backlog: backlog(spans, scope.asOf),
    series: scope.buckets.map((b) => ({ key: b.key, received: volume(spans, b), ended: volume(ends, b), backlog: backlog(spans, until(b.to)) })),
  };
}

describe("volume panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
  });

  it("agrees with the domain under every query of the scenario", async () => {
    const records = await readKpiCases(t.db);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      expect(await volumePanel(t.db, scope), query.name).toEqual(domainVolume(records, scope));
    }
  });

  it("counts March's cases by Paris day and week, the end of the period included in its backlog", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31" }, scenario.now);
    const panel = await volumePanel(t.db, scope);
    // 1 March 00:00 in, 28 February 23:59:59 out, 31 March 23:59 in (summer time), the duplicate never.
    expect(panel.received).toBe(10);
    expect(panel.series.map((s) => s.key)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]);
    // Sunday 23:59 is the week of 2 March, Monday 00:00 the week of 9 March.
    expect(panel.series.map((s) => s.received)).toEqual([1, 2, 2, 3, 1, 1]);
    // Ended on Monday 16 March 00:00 in Paris: that week's.
    expect(panel.series.map((s) => s.ended)).toEqual([0, 1, 2, 2, 0, 1]);
    // Open at 1 April 00:00: the seven open cases, and the one received at that very instant (received_at ≤ t).
    expect(panel.backlog).toBe(8);
  });

  it("gives zeros, never nulls, on an empty period", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    const panel = await volumePanel(t.db, scope);
    expect(panel.received).toBe(0);
    expect(panel.backlog).toBe(0);
    expect(panel.series).toHaveLength(scope.buckets.length);
    expect(panel.series.every((s) => s.received === 0 && s.ended === 0 && s.backlog === 0)).toBe(true);
  });

  describe("on random spans", () => {
    let account: KpiAccount;
    beforeAll(async () => {
      account = await kpiAccount(t.db);
    });

    const MARCH_FROM = Date.parse("2026-02-28T23:00:00Z");
    const MARCH_TO = Date.parse("2026-03-31T22:00:00Z");
    const WEEK = Date.parse("2026-03-08T23:00:00Z");
    const NOON_20TH = Date.parse("2026-03-20T11:00:00Z"); // asOf of the second clock
    const edges = [MARCH_FROM, MARCH_TO, WEEK, NOON_20TH].flatMap((edge) => [edge - 1, edge, edge + 1]);
    const instantArb = fc.oneof(fc.constantFrom(...edges), fc.integer({ min: MARCH_FROM - 20 * 86_400_000, max: MARCH_TO + 5 * 86_400_000 }));
    const spanArb = fc.record({ openedAt: instantArb, lastsMs: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 * 86_400_000 }))) });
    class Rollback extends Error {}

    it("the SQL equals the domain (received, ended, backlog per bucket)", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(spanArb, { maxLength: 8 }), fc.constantFrom("2026-04-10T08:00:00Z", "2026-03-20T11:00:00Z"), async (spans, nowIso) => {
          await t.db
            .transaction(async (tx) => {
              for (const span of spans) {
                const receivedAt = new Date(span.openedAt);
                await insertKpiCase(tx, { account, receivedAt, endedAt: span.lastsMs === null ? null : new Date(span.openedAt + span.lastsMs) });
              }
              const now = new Date(nowIso);
              const { scope } = await resolveKpiScope(tx, { from: "2026-03-01", to: nowIso < "2026-04" ? "2026-03-20" : "2026-03-31", account: account.id }, now);
              expect(await volumePanel(tx, scope)).toEqual(domainVolume(await readKpiCases(tx), scope));
              throw new Rollback();
            })
            .catch((error: unknown) => {
              if (!(error instanceof Rollback)) throw error;
            });
        }),
        { numRuns: 60 },
      );
    });
  });
});
