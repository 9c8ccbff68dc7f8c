/**
 * The recurrence panel's SQL agrees with the domain's `rootCauseRecurrence` (issue 15, ADR 0040): a
 * case recurs when its account had a case with the same root cause in the 365 days before it, the
 * account's history counting whatever the filters; the series follows the five first root causes.
 */
import { rootCauses } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { rootCauseRecurrence } from "@accord/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { inPeriod, insertKpiCase, kpiAccount, kpiScenarioQueries, matchesKpiFilters, readKpiCases, seedKpiScenario, type KpiAccount, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { RecurrencePanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { recurrencePanel } from "./recurrence";

type Labels = Map<string, { fr: string; en: string }>;

function domainRecurrence(records: readonly KpiCaseRecord[], scope: KpiScope, labels: Labels, language: "fr" | "en"): RecurrencePanel {
  const record = (r: KpiCaseRecord) => ({ rootCause: r.case.rootCauseCode, accountId: r.case.accountId, openedAt: r.case.receivedAt });
  const cases = records.filter((r) => matchesKpiFilters(r, scope.filters) && inPeriod(r.case.receivedAt, scope.period)).map(record);
  const history = records.filter((r) => r.case.status !== "duplicate").map(record);
  const { rows, series } = rootCauseRecurrence({ cases, history, buckets: scope.buckets });
  const label = (code: string) => labels.get(code)?.[language] ?? code;
  return { rows: rows.map((r) => ({ ...r, label: label(r.rootCause) })), series: series.map((s) => ({ ...s, label: label(s.rootCause) })) };
}

describe("recurrence panel", () => {
  const t = useTestDb();
  let scenario: Awaited<ReturnType<typeof seedKpiScenario>>;
  let labels: Labels;

  beforeAll(async () => {
    scenario = await seedKpiScenario(t.db);
    labels = new Map((await t.db.select().from(rootCauses)).map((r) => [r.code, { fr: r.labelFr, en: r.labelEn }]));
  });

  it("agrees with the domain under every query of the scenario", async () => {
    const records = await readKpiCases(t.db);
    for (const query of kpiScenarioQueries(scenario)) {
      const { scope } = await resolveKpiScope(t.db, query.input, query.now);
      expect(await recurrencePanel(t.db, scope, "en"), query.name).toEqual(domainRecurrence(records, scope, labels, "en"));
    }
  });

  it("finds March's recurrences, a prior case of another type counting under a type filter", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31" }, scenario.now);
    const panel = await recurrencePanel(t.db, scope, "fr");
    expect(panel.rows.map((r) => [r.rootCause, r.cases, r.recurring, r.accounts])).toEqual([
      ["late_delivery", 3, 2, 2], // case 3 after case 1 (A, December), case 11 after case 4 (B)
      ["transport_damage", 3, 1, 3], // case 14 after cases 2 and 12 (A)
      ["legacy_code", 1, 0, 1],
      ["pricing_error", 1, 0, 1],
    ]);
    const compliance = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31", type: "compliance" }, scenario.now);
    // Case 11 (compliance) recurs after case 4 (quality).
    expect((await recurrencePanel(t.db, compliance.scope, "fr")).rows).toEqual([{ rootCause: "late_delivery", label: "Retard de livraison", cases: 1, recurring: 1, accounts: 1 }]);
  });

  it("follows five root causes at most, one count per bucket, and nothing on an empty period", async () => {
    const account = await kpiAccount(t.db);
    const codes = ["product_defect", "raw_material", "packaging", "picking_error", "billing_error", "unfounded"];
    for (const [index, code] of codes.entries()) {
      for (let n = 0; n <= index; n += 1) await insertKpiCase(t.db, { account, receivedAt: new Date(`2024-02-${String(10 + n).padStart(2, "0")}T10:00:00Z`), rootCause: code });
    }
    const { scope } = await resolveKpiScope(t.db, { from: "2024-02-01", to: "2024-02-29" }, scenario.now);
    const panel = await recurrencePanel(t.db, scope, "fr");
    expect(panel.rows).toHaveLength(6);
    expect(panel.series.map((s) => s.rootCause)).toEqual(["unfounded", "billing_error", "picking_error", "packaging", "raw_material"]);
    expect(panel.series.every((s) => s.counts.length === scope.buckets.length)).toBe(true);
    const empty = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30" }, scenario.now);
    expect(await recurrencePanel(t.db, empty.scope, "fr")).toEqual({ rows: [], series: [] });
  });

  describe("on random histories", () => {
    let accounts: KpiAccount[];
    beforeAll(async () => {
      accounts = [await kpiAccount(t.db, "strategic"), await kpiAccount(t.db, "strategic")];
    });

    const FROM = Date.parse("2023-02-28T23:00:00Z"); // 1 March 2023 in Paris
    const YEAR = 365 * 86_400_000;
    // Instants in the period, and a year (± 1 ms) before instants of the period: the window's edges.
    const inside = fc.integer({ min: FROM, max: FROM + 30 * 86_400_000 });
    const instantArb = fc.oneof(inside, inside.chain((at) => fc.constantFrom(at - YEAR - 1, at - YEAR, at - YEAR + 1)), fc.constant(FROM));
    const caseArb = fc.record({ account: fc.integer({ min: 0, max: 1 }), rootCause: fc.constantFrom("packaging", "unfounded", null), at: instantArb });
    class Rollback extends Error {}

    it("the SQL equals the domain, the year's edges included", async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { maxLength: 10 }), async (specs) => {
          await t.db
            .transaction(async (tx) => {
              for (const spec of specs) await insertKpiCase(tx, { account: accounts[spec.account]!, receivedAt: new Date(spec.at), rootCause: spec.rootCause });
              const records = await readKpiCases(tx);
              // The tier, and one customer (whose filter narrows the history read to its account, ADR 0044).
              for (const filter of [{ tier: "strategic" }, { account: accounts[0]!.id }]) {
                const { scope } = await resolveKpiScope(tx, { from: "2023-03-01", to: "2023-03-31", ...filter }, scenario.now);
                expect(await recurrencePanel(tx, scope, "en")).toEqual(domainRecurrence(records, scope, labels, "en"));
              }
              throw new Rollback();
            })
            .catch((error: unknown) => {
              if (!(error instanceof Rollback)) throw error;
            });
        }),
        { numRuns: 40 },
      );
    });
  });
});
