import { cases, rootCauses, type DbOrTx } from "@accord/db";
import { RECURRENCE_WINDOW_DAYS } from "@accord/domain";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { RecurrencePanel } from "../kpi-types";
import { bucketRows, caseFilter, instant, num } from "./series-buckets";

/** How many root causes the series follows. */
export const RECURRENCE_SERIES_TOP = 5;

/**
 * Recurring disputes by root cause (ADR 0040), the domain's `rootCauseRecurrence`: over the classified
 * cases received in the period, per root cause the cases, the recurring ones and the distinct accounts,
 * most cases first (ties by code, `collate "C"`). A case is recurring when its account had another
 * case (not a merged duplicate, whatever the dashboard's filters: recurrence is the account's history)
 * with the same root cause received in `[received_at − 365 × 24 h, received_at)`. The series: cases per
 * bucket of the first five root causes. One statement.
 */
export async function recurrencePanel(db: DbOrTx, scope: KpiScope, language: "fr" | "en"): Promise<RecurrencePanel> {
  const label = language === "fr" ? rootCauses.labelFr : rootCauses.labelEn;
  const window = sql.raw(`interval '${RECURRENCE_WINDOW_DAYS * 24} hours'`);
  const [row] = await db.execute<{
    rows: { rootCause: string; label: string; cases: number; recurring: number; accounts: number }[] | null;
    series: { rootCause: string; label: string; counts: number[] }[] | null;
  }>(sql`
    with c as (
      select nullif(${cases.rootCauseCode}, '') as code, ${cases.accountId} as account_id, ${cases.receivedAt} as received_at,
             exists (select 1 from ${cases} prior
                      where prior.account_id = ${cases.accountId} and prior.root_cause_code = ${cases.rootCauseCode}
                        and prior.status <> 'duplicate' and prior.id <> ${cases.id}
                        and prior.received_at >= ${cases.receivedAt} - ${window} and prior.received_at < ${cases.receivedAt}) as recurring
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} >= ${instant(scope.period.from)} and ${cases.receivedAt} < ${instant(scope.period.to)}
    ), g as (
      select code, count(*) as cases, count(*) filter (where recurring) as recurring, count(distinct account_id) as accounts,
             row_number() over (order by count(*) desc, code collate "C") as rank
        from c where code is not null group by code
    ), l as (
      select g.*, coalesce(${label}, g.code) as label from g left join ${rootCauses} on ${rootCauses.code} = g.code
    )
    select
      (select json_agg(json_build_object('rootCause', code, 'label', label, 'cases', cases, 'recurring', recurring, 'accounts', accounts) order by rank) from l) as rows,
      (select json_agg(json_build_object('rootCause', l.code, 'label', l.label, 'counts',
                (select json_agg((select count(*) from c where c.code = l.code and c.received_at >= b.from_at and c.received_at < b.to_at) order by b.idx)
                   from ${bucketRows(scope)})) order by l.rank)
         from l where l.rank <= ${RECURRENCE_SERIES_TOP}) as series
  `);
  return {
    rows: (row?.rows ?? []).map((r) => ({ rootCause: r.rootCause, label: r.label, cases: num(r.cases), recurring: num(r.recurring), accounts: num(r.accounts) })),
    series: (row?.series ?? []).map((s) => ({ rootCause: s.rootCause, label: s.label, counts: (s.counts ?? []).map(num) })),
  };
}
