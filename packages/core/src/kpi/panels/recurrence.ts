import { cases, rootCauses, type DbOrTx } from "@accord/db";
import { RECURRENCE_WINDOW_DAYS } from "@accord/domain";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { RecurrencePanel } from "../kpi-types";
import { bucketIndex, bucketRows, caseFilter, instant, num } from "./series-buckets";

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
  // The history is partitioned by account: with a customer filter only that account's history can
  // count (ADR 0044), so it is the only one read. Other filters do not narrow an account's history.
  const accountHistory = scope.filters.accountId ? sql`and ${cases.accountId} = ${scope.filters.accountId}` : sql``;
  const [row] = await db.execute<{
    rows: { rootCause: string; label: string; cases: number; recurring: number; accounts: number }[] | null;
    series: { rootCause: string; label: string; counts: number[] }[] | null;
  }>(sql`
    with h as (
      -- The accounts' history (whatever the filters), from 365 days before the period: a case recurs
      -- when a case of its account and root cause came in the window strictly before it (timestamps
      -- are to the microsecond, so "1 microsecond preceding" is "earlier").
      select ${cases.id} as id,
             count(*) over (partition by ${cases.accountId}, ${cases.rootCauseCode} order by ${cases.receivedAt}
                            range between ${window} preceding and interval '1 microsecond' preceding) > 0 as recurring
        from ${cases}
       where ${cases.status} <> 'duplicate' and ${cases.rootCauseCode} <> '' ${accountHistory}
         and ${cases.receivedAt} >= ${instant(scope.period.from)}::timestamptz - ${window} and ${cases.receivedAt} < ${instant(scope.period.to)}
    ), c as (
      select nullif(${cases.rootCauseCode}, '') as code, ${cases.accountId} as account_id, ${cases.receivedAt} as received_at,
             coalesce(h.recurring, false) as recurring
        from ${cases} left join h on h.id = ${cases.id}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} >= ${instant(scope.period.from)} and ${cases.receivedAt} < ${instant(scope.period.to)}
    ), g as (
      select code, count(*) as cases, count(*) filter (where recurring) as recurring, count(distinct account_id) as accounts,
             row_number() over (order by count(*) desc, code collate "C") as rank
        from c where code is not null group by code
    ), n as (
      select code, ${bucketIndex(sql`received_at`, scope)} as idx, count(*) as count from c where code is not null group by 1, 2
    ), l as (
      select g.*, coalesce(${label}, g.code) as label from g left join ${rootCauses} on ${rootCauses.code} = g.code
    )
    select
      (select json_agg(json_build_object('rootCause', code, 'label', label, 'cases', cases, 'recurring', recurring, 'accounts', accounts) order by rank) from l) as rows,
      (select json_agg(json_build_object('rootCause', l.code, 'label', l.label, 'counts',
                (select json_agg(coalesce(n.count, 0) order by b.idx)
                   from ${bucketRows(scope)} left join n on n.code = l.code and n.idx = b.idx)) order by l.rank)
         from l where l.rank <= ${RECURRENCE_SERIES_TOP}) as series
  `);
  return {
    rows: (row?.rows ?? []).map((r) => ({ rootCause: r.rootCause, label: r.label, cases: num(r.cases), recurring: num(r.recurring), accounts: num(r.accounts) })),
    series: (row?.series ?? []).map((s) => ({ rootCause: s.rootCause, label: s.label, counts: (s.counts ?? []).map(num) })),
  };
}
