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
 * (as the case page's effectiveness counts). Root-cause labels in `language`. The cases of the filters
 * are inlined (`not materialized`, ADR 0044): each count is a range on `received_at` through an index,
 * never a pass over a materialized copy of every case once per action.
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
    ), action as (
      select ${correctiveActions.id} as id, ${correctiveActions.title} as title, ${correctiveActions.caseId} as case_id,
        ${correctiveActions.rootCauseCode} as root_cause_code, ${correctiveActions.doneAt} as done_at, filtered.reference
      from ${correctiveActions} join filtered on filtered.id = ${correctiveActions.caseId}
      where ${correctiveActions.doneAt} >= ${from} and ${correctiveActions.doneAt} < ${to} and ${correctiveActions.doneAt} + ${window} <= ${asOf}
    )
    select action.id, action.title, action.reference as case_reference, action.root_cause_code as root_cause, ${label} as label,
      (extract(epoch from action.done_at) * 1000)::float8 as done_ms,
      (select count(*) from filtered where filtered.root_cause_code = action.root_cause_code and filtered.id <> action.case_id
        and filtered.received_at >= action.done_at - ${window} and filtered.received_at < action.done_at)::int as before,
      (select count(*) from filtered where filtered.root_cause_code = action.root_cause_code and filtered.id <> action.case_id
        and filtered.received_at >= action.done_at and filtered.received_at < action.done_at + ${window})::int as after
    from action join ${rootCauses} on ${rootCauses.code} = action.root_cause_code
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
