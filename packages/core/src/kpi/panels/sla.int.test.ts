/**
 * The SLA panel's SQL, on the stored instants, agrees with the domain's `slaCompliance` over
 * `slaOutcomeOf(computeSla(history, now: asOf))` (issue 15, ADR 0040): each case's status history is
 * played by `computeSla` at the time of its last change to give the stored columns (as
 * `refreshCaseSla` does), then asked again at `asOf` for the domain's outcome. Pauses, a stopped clock
 * (litigation), a response at the deadline itself, a withdrawn case, a case without policy.
 */
import { slaPolicies } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { computeSla, slaCompliance, slaOutcomeOf, type BusinessCalendar, type CaseStatus, type StatusChange } from "@accord/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCalendar, slaColumns } from "../../sla/case-sla";
import { inPeriod, insertKpiCase, kpiAccount, matchesKpiFilters, readKpiCases, type KpiAccount, type KpiCaseRecord } from "../../testing/kpi-records";
import type { KpiScope } from "../kpi-query";
import type { SlaPanel } from "../kpi-types";
import { resolveKpiScope } from "../resolve-kpi-scope";
import { slaPanel } from "./sla";

const TARGETS = { firstResponseMinutes: 240, resolutionMinutes: 2_400 };
const COMPLETING: readonly CaseStatus[] = ["resolved", "closed", "withdrawn", "rejected", "duplicate"];
const at = (iso: string) => new Date(iso);

interface SlaCase {
  name: string;
  history: [CaseStatus, string][];
  respondedAt?: string;
  policy?: boolean;
  type?: "quality" | "delivery";
}

/** Paris is UTC+1 until 29 March: "08:00Z" is 9:00 in Paris, the calendar's opening. */
const CASES: SlaCase[] = [
  { name: "answered and resolved in time", history: [["received", "2026-03-02T08:00:00Z"], ["investigating", "2026-03-02T09:00:00Z"], ["resolved", "2026-03-04T10:00:00Z"]], respondedAt: "2026-03-02T09:00:00Z" },
  { name: "answered late, resolved in time", history: [["received", "2026-03-02T08:00:00Z"], ["investigating", "2026-03-03T15:00:00Z"], ["resolved", "2026-03-05T10:00:00Z"]], respondedAt: "2026-03-03T15:00:00Z", type: "delivery" },
  { name: "never answered, still investigated", history: [["received", "2026-03-10T08:00:00Z"], ["investigating", "2026-03-10T09:00:00Z"]] },
  { name: "waiting on the customer since the day it came", history: [["received", "2026-03-16T08:00:00Z"], ["awaiting_customer", "2026-03-16T10:00:00Z"]], respondedAt: "2026-03-16T09:00:00Z" },
  { name: "in litigation (clock stopped)", history: [["received", "2026-03-03T08:00:00Z"], ["investigating", "2026-03-03T09:00:00Z"], ["litigation", "2026-03-04T09:00:00Z"]], respondedAt: "2026-03-03T09:00:00Z", type: "delivery" },
  { name: "resolved late", history: [["received", "2026-03-02T08:00:00Z"], ["investigating", "2026-03-02T09:00:00Z"], ["resolved", "2026-03-20T10:00:00Z"], ["closed", "2026-03-27T10:00:00Z"]], respondedAt: "2026-03-02T09:00:00Z" },
  { name: "withdrawn before any answer", history: [["received", "2026-03-18T08:00:00Z"], ["withdrawn", "2026-03-18T09:00:00Z"]] },
  { name: "without a policy", history: [["received", "2026-03-05T08:00:00Z"]], policy: false },
  { name: "due on the 20th at 15:00 in Paris, answered at 14:00 (after noon)", history: [["received", "2026-03-20T09:00:00Z"], ["investigating", "2026-03-20T13:00:00Z"]], respondedAt: "2026-03-20T13:00:00Z" },
  { name: "answered at the deadline itself (Monday 9:00 + 240 business minutes = 14:00)", history: [["received", "2026-03-23T08:00:00Z"], ["investigating", "2026-03-23T13:00:00Z"], ["resolved", "2026-03-24T10:00:00Z"]], respondedAt: "2026-03-23T13:00:00Z" },
  { name: "paused then running again, answered", history: [["received", "2026-03-09T08:00:00Z"], ["awaiting_customer", "2026-03-09T08:30:00Z"], ["investigating", "2026-03-12T08:00:00Z"], ["resolved", "2026-03-13T08:00:00Z"]], respondedAt: "2026-03-09T08:30:00Z" },
  { name: "one second before March in Paris", history: [["received", "2026-02-28T22:59:59Z"]] },
];

function historyOf(spec: SlaCase): StatusChange[] {
  return spec.history.map(([status, iso]) => ({ status, at: at(iso) }));
}

/** The instant the case entered its last run of completing statuses (the trigger's `ended_at`). */
function endedAtOf(history: StatusChange[]): Date | null {
  if (!COMPLETING.includes(history.at(-1)!.status)) return null;
  let index = history.length - 1;
  while (index > 0 && COMPLETING.includes(history[index - 1]!.status)) index -= 1;
  return history[index]!.at;
}

function domainSla(records: readonly KpiCaseRecord[], specs: Map<string, SlaCase>, scope: KpiScope, calendar: BusinessCalendar): SlaPanel {
  const outcomes = (period: { from: Date; to: Date }) =>
    records
      .filter((r) => matchesKpiFilters(r, scope.filters) && inPeriod(r.case.receivedAt, period) && specs.get(r.case.id)?.policy !== false)
      .map((r) => {
        const spec = specs.get(r.case.id)!;
        const status = computeSla({ history: historyOf(spec), targets: TARGETS, calendar, now: scope.asOf, firstResponseAt: spec.respondedAt ? at(spec.respondedAt) : null });
        return { firstResponse: slaOutcomeOf(status.firstResponse), resolution: slaOutcomeOf(status.resolution) };
      });
  return {
    ...slaCompliance(outcomes(scope.period)),
    series: scope.buckets.map((b) => {
      const { firstResponse, resolution } = slaCompliance(outcomes(b));
      return { key: b.key, firstResponseRate: firstResponse.rate, resolutionRate: resolution.rate };
    }),
  };
}

describe("SLA panel", () => {
  const t = useTestDb();
  const specs = new Map<string, SlaCase>();
  let calendar: BusinessCalendar;
  let account: KpiAccount;
  const after = at("2026-04-15T10:00:00Z");

  beforeAll(async () => {
    calendar = await defaultCalendar(t.db);
    account = await kpiAccount(t.db);
    const [policy] = await t.db.select({ id: slaPolicies.id }).from(slaPolicies).limit(1);
    for (const spec of CASES) {
      const history = historyOf(spec);
      const respondedAt = spec.respondedAt ? at(spec.respondedAt) : null;
      // The stored instants, as refreshCaseSla leaves them after the case's last change.
      const last = [history.at(-1)!.at, ...(respondedAt ? [respondedAt] : [])].reduce((a, b) => (a > b ? a : b));
      const stored = spec.policy === false ? null : slaColumns(computeSla({ history, targets: TARGETS, calendar, now: last, firstResponseAt: respondedAt }));
      const endedAt = endedAtOf(history);
      const row = await insertKpiCase(t.db, {
        account,
        receivedAt: history[0]!.at,
        status: history.at(-1)!.status,
        endedAt,
        type: spec.type ?? "quality",
        slaPolicyId: spec.policy === false ? null : policy!.id,
        firstRespondedAt: respondedAt,
        firstResponseDueAt: stored?.firstResponseDueAt ?? null,
        resolutionDueAt: stored?.resolutionDueAt ?? null,
      });
      expect(row.endedAt, spec.name).toEqual(endedAt);
      specs.set(row.id, spec);
    }
  });

  const queries = [
    { name: "March", input: { from: "2026-03-01", to: "2026-03-31" }, now: after },
    { name: "March 1–20 seen on the 20th at noon", input: { from: "2026-03-01", to: "2026-03-20" }, now: at("2026-03-20T11:00:00Z") },
    { name: "March 1–13 seen on the 13th at 8:30", input: { from: "2026-03-01", to: "2026-03-13" }, now: at("2026-03-13T07:30:00Z") },
    { name: "type delivery", input: { from: "2026-03-01", to: "2026-03-31", type: "delivery" as const }, now: after },
    { name: "an empty period", input: { from: "2025-06-01", to: "2025-06-30" }, now: after },
  ];

  it("agrees with the domain's computeSla at asOf under every query", async () => {
    const records = await readKpiCases(t.db);
    for (const query of queries) {
      const { scope } = await resolveKpiScope(t.db, { ...query.input, account: account.id }, query.now);
      expect(await slaPanel(t.db, scope), query.name).toEqual(domainSla(records, specs, scope, calendar));
    }
  });

  it("tallies March: the deadline itself is a breach, pauses and litigation leave the resolution pending, no policy no target", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2026-03-01", to: "2026-03-31", account: account.id }, after);
    const panel = await slaPanel(t.db, scope);
    // Met: in time, litigation (answered), resolved late (answered), withdrawn, the 20th, paused-then-running;
    // breached: late, never answered, at the deadline; pending: none (the waiting case was answered).
    expect(panel.firstResponse).toEqual({ met: 7, breached: 3, pending: 0, rate: 70 });
    // Met: in time, answered late, withdrawn, at the deadline, paused-then-running; breached: never answered,
    // resolved late, the 20th's (five working days gone by 1 April); pending: waiting on the customer, litigation.
    expect(panel.resolution).toEqual({ met: 5, breached: 3, pending: 2, rate: 62.5 });
  });

  it("gives null rates and zero counts on an empty period", async () => {
    const { scope } = await resolveKpiScope(t.db, { from: "2025-06-01", to: "2025-06-30", account: account.id }, after);
    expect(await slaPanel(t.db, scope)).toEqual({
      firstResponse: { met: 0, breached: 0, pending: 0, rate: null },
      resolution: { met: 0, breached: 0, pending: 0, rate: null },
      series: scope.buckets.map((b) => ({ key: b.key, firstResponseRate: null, resolutionRate: null })),
    });
  });
});
