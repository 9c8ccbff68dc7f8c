import { cases, correctiveActions, rootCauses, type DbOrTx, type Language } from "@accord/db";
import { sql } from "drizzle-orm";
import { kpiCaseConditions } from "../kpi-conditions";
import type { KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { CorrectiveEffectivenessPanel } from "../kpi-types";

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part * 100) / whole);

/**
 * Corrective-action effectiveness (the domain's `correctiveActionEffectiveness`, window W =
 * `correctiveWindowDays` × 24 h): the actions done in the period (`done_at`) on a case of the filters,
 * whose "after" window has ended by `asOf`; for each, the cases of the filters with the action's root
 * cause received in `[done − W, done)` (before) and `[done, done + W)` (after), its own case left out
 * (as the case page's effectiveness counts). Root-cause labels in `language`.
 *
 * One pass, whatever the number of actions (ADR 0053): the action's instants `done − W`, `done` and
 * `done + W` are sorted with the received instants of the cases of their root causes, per root cause;
 * a running count gives, at each action instant, the cases received strictly before it (at equal
 * instants the action's comes first), and a window is the difference of two such counts. Counting each
 * window by its own range scan read every case of the window once per action: minutes at a million
 * cases with a few thousand actions.
 */
export async function correctivePanel(db: DbOrTx, scope: KpiScope, settings: KpiSettings, language: Language = "fr"): Promise<CorrectiveEffectivenessPanel> {
  const windowDays = settings.correctiveWindowDays;
  // W × 24 h exactly, as the domain counts (a day interval would follow daylight-saving changes).
  const window = sql`make_interval(hours => ${windowDays * 24}::int)`;
  const from = sql`${scope.period.from.toISOString()}::timestamptz`;
  const to = sql`${scope.period.to.toISOString()}::timestamptz`;
  const asOf = sql`${scope.asOf.toISOString()}::timestamptz`;
  const label = language === "en" ? rootCauses.labelEn : rootCauses.labelFr;
  const rows = await db.execute<{ id: string; title: string; case_reference: string; root_cause: string; label: string; done_ms: number; before: number; after: number }>(sql`
    with filtered as not materialized (
      select ${cases.id} as id, ${cases.reference} as reference, ${cases.rootCauseCode} as root_cause_code, ${cases.receivedAt} as received_at
      from ${cases}
      where ${sql.join(kpiCaseConditions(scope.filters), sql` and `)}
    ), action as materialized (
      select ${correctiveActions.id} as id, ${correctiveActions.title} as title, ${correctiveActions.rootCauseCode} as root_cause_code,
        ${correctiveActions.doneAt} as done_at, filtered.reference,
        -- the action's own case, when it has the action's root cause: 0 = before, 1 = after, null = in neither window
        case when filtered.root_cause_code = ${correctiveActions.rootCauseCode} then
          case when filtered.received_at >= ${correctiveActions.doneAt} - ${window} and filtered.received_at < ${correctiveActions.doneAt} then 0
               when filtered.received_at >= ${correctiveActions.doneAt} and filtered.received_at < ${correctiveActions.doneAt} + ${window} then 1 end
        end as own_window
      from ${correctiveActions} join filtered on filtered.id = ${correctiveActions.caseId}
      where ${correctiveActions.doneAt} >= ${from} and ${correctiveActions.doneAt} < ${to} and ${correctiveActions.doneAt} + ${window} <= ${asOf}
    ), timeline as (
      select action.root_cause_code, edge.at, 0 as is_case, action.id, edge.k
      from action cross join lateral (values (action.done_at - ${window}, 0), (action.done_at, 1), (action.done_at + ${window}, 2)) as edge (at, k)
      union all
      select filtered.root_cause_code, filtered.received_at, 1, null, null
      from filtered
      where filtered.root_cause_code in (select root_cause_code from action)
        and filtered.received_at >= (select min(done_at) - ${window} from action)
        and filtered.received_at < (select max(done_at) + ${window} from action)
    ), counted as (
      select id, k, is_case,
        sum(is_case) over (partition by root_cause_code order by at, is_case rows between unbounded preceding and current row) as received_before
      from timeline
    ), edges as (
      select id, max(received_before) filter (where k = 0) as c0, max(received_before) filter (where k = 1) as c1,
        max(received_before) filter (where k = 2) as c2
      from counted where is_case = 0 group by id
    )
    select action.id, action.title, action.reference as case_reference, action.root_cause_code as root_cause, ${label} as label,
      (extract(epoch from action.done_at) * 1000)::float8 as done_ms,
      (edges.c1 - edges.c0 - case when action.own_window = 0 then 1 else 0 end)::int as before,
      (edges.c2 - edges.c1 - case when action.own_window = 1 then 1 else 0 end)::int as after
    from action join edges on edges.id = action.id join ${rootCauses} on ${rootCauses.code} = action.root_cause_code
    order by action.done_at, action.id`);
  const actions = rows.map((row) => ({
    id: row.id,
    title: row.title,
    caseReference: row.case_reference,
    rootCause: row.root_cause,
    label: row.label,
    doneAt: new Date(row.done_ms),
    before: row.before,
    after: row.after,
    reductionPercent: percent(row.before - row.after, row.before),
  }));
  const before = actions.reduce((sum, a) => sum + a.before, 0);
  const after = actions.reduce((sum, a) => sum + a.after, 0);
  return { windowDays, before, after, reductionPercent: percent(before - after, before), actions };
}
