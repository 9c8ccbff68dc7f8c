import type { KpiScope, KpiSettings } from "@accord/core";
import type postgres from "postgres";

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * The hand-written aggregate query of each panel (P3's baseline): the simplest honest SQL computing
 * the same figures over the same rows — the panel's filters and population, one aggregate, months
 * as `date_trunc` in Paris time rather than the scope's bucket arrays, nothing shaped for display
 * (no JSON, no empty buckets, no labels).
 */
export function baselineQueries(sql: postgres.Sql, scope: KpiScope, settings: KpiSettings): Record<string, () => Fragment> {
  const { type, teamId, accountId } = scope.filters;
  const f = (alias: string): Fragment => {
    const column = (name: string) => sql.unsafe(`${alias}.${name}`);
    return sql`${column("status")} <> 'duplicate'
      ${type ? sql`and ${column("type")} = ${type}` : sql``}
      ${teamId ? sql`and ${column("team_id")} = ${teamId}` : sql``}
      ${accountId ? sql`and ${column("account_id")} = ${accountId}` : sql``}`;
  };
  // Instants as ISO text cast to timestamptz (drizzle's postgres.js client sends Dates as they are).
  const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;
  const from = at(scope.period.from);
  const to = at(scope.period.to);
  const asOf = at(scope.asOf);
  const now = at(scope.now);
  const previousFrom = at(scope.previous.from);
  const month = (column: string) => sql.unsafe(`date_trunc('month', ${column} at time zone 'Europe/Paris')`);
  const W = settings.churnWindowDays;
  const CW = settings.correctiveWindowDays * 24;
  return {
    volume: () => sql`
      select rm, em, count(*) filter (where rm is not null) as received, count(*) filter (where em is not null) as ended,
             count(*) filter (where open) as backlog
      from (select case when received_at >= ${from} and received_at < ${to} then ${month("received_at")} end as rm,
                   case when ended_at >= ${from} and ended_at < ${to} then ${month("ended_at")} end as em,
                   received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at) as open
              from cases c where ${f("c")} and received_at <= ${to} and (ended_at is null or ended_at >= ${from})) c
      group by grouping sets ((rm), (em), ())`,
    mttr: () => sql`
      select ${month("resolved_at")} as m, count(*), avg(extract(epoch from resolved_at - received_at) / 60), avg(resolution_business_minutes)
      from cases c where ${f("c")} and resolved_at >= ${from} and resolved_at < ${to}
      group by rollup (1)`,
    sla: () => sql`
      select ${month("received_at")} as m,
        count(*) filter (where fr = 'met'), count(*) filter (where fr = 'breached'), count(*) filter (where fr = 'pending'),
        count(*) filter (where re = 'met'), count(*) filter (where re = 'breached'), count(*) filter (where re = 'pending')
      from (select received_at,
              case when first_response_due_at <= ${asOf} and (coalesce(first_responded_at, ended_at) is null or first_response_due_at <= coalesce(first_responded_at, ended_at)) then 'breached'
                   when coalesce(first_responded_at, ended_at) <= ${asOf} then 'met' else 'pending' end as fr,
              case when resolution_due_at <= ${asOf} and (ended_at is null or resolution_due_at <= ended_at) then 'breached'
                   when ended_at <= ${asOf} then 'met' else 'pending' end as re
            from cases c where ${f("c")} and sla_policy_id is not null and received_at >= ${from} and received_at < ${to}) o
      group by rollup (1)`,
    pareto: () => sql`
      select nullif(root_cause_code, '') as code, count(*) from cases c
      where ${f("c")} and received_at >= ${from} and received_at < ${to} group by 1`,
    recurrence: () => sql`
      select root_cause_code, ${month("received_at")} as m, count(*), count(distinct account_id),
        count(*) filter (where exists (select 1 from cases p where p.account_id = c.account_id and p.root_cause_code = c.root_cause_code
          and p.status <> 'duplicate' and p.received_at >= c.received_at - interval '8760 hours' and p.received_at < c.received_at))
      from cases c where ${f("c")} and root_cause_code <> '' and received_at >= ${from} and received_at < ${to}
      group by grouping sets ((1), (1, 2))`,
    amounts: () => sql`
      select rm, sm, sum(disputed) filter (where rm is not null), sum(credited) filter (where sm is not null),
             sum(recovered) filter (where sm is not null), sum(legal) filter (where sm is not null), sum(disputed) filter (where open)
      from (select case when received_at >= ${from} and received_at < ${to} then ${month("received_at")} end as rm,
                   case when resolved_at >= ${from} and resolved_at < ${to} then ${month("resolved_at")} end as sm,
                   received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at) as open,
                   disputed_amount_cents as disputed, credited_amount_cents as credited, recovered_amount_cents as recovered, legal_costs_cents as legal
              from cases c where ${f("c")} and received_at <= ${to}) c
      group by grouping sets ((rm), (sm), ())`,
    dso: () => sql`
      select sum(amount), sum(amount * (end_day - start_day)) from (
        select sum(l.disputed_amount_cents) as amount,
               greatest((c.received_at at time zone 'Europe/Paris')::date, ${scope.period.firstDay}::date) as start_day,
               least(coalesce((c.ended_at at time zone 'Europe/Paris')::date, (${asOf} at time zone 'Europe/Paris')::date),
                     (${asOf} at time zone 'Europe/Paris')::date) as end_day
        from case_lines l join cases c on c.id = l.case_id
        where ${f("c")} and c.received_at < ${to} and (c.ended_at is null or c.ended_at >= ${from})
        group by c.id, l.invoice_id) h
      where end_day > start_day`,
    resolutionChannels: () => sql`
      select count(*), count(l.case_id), sum(c.legal_costs_cents) filter (where l.case_id is not null)
      from case_decisions d join cases c on c.id = d.case_id
        left join (select distinct case_id from litigations) l on l.case_id = c.id
      where ${f("c")} and d.decided_at >= ${from} and d.decided_at < ${to}`,
    nps: () => sql`
      select ${month("s.answered_at")} as m, count(*), count(*) filter (where s.score >= 9), count(*) filter (where s.score <= 6)
      from case_surveys s join cases c on c.id = s.case_id
      where ${f("c")} and s.answered_at >= ${from} and s.answered_at < ${to}
      group by rollup (1)`,
    churn: () => sql`
      select count(*), count(*) filter (where not exists (select 1 from invoices i where i.account_id = d.account_id
               and i.issue_date > d.resolved_on and i.issue_date <= d.resolved_on + ${W}::int))
      from (select account_id, max((resolved_at at time zone 'Europe/Paris')::date) as resolved_on
              from cases c where ${f("c")} and resolved_at >= ${from} and resolved_at < ${to}
               and (resolved_at at time zone 'Europe/Paris')::date <= (${now} at time zone 'Europe/Paris')::date - ${W}::int
             group by 1) d`,
    // Each window is the difference of two running counts of the root cause's cases, sorted with the
    // actions' window edges (a correlated count per window reads the window's cases once per action).
    // Windows end by now, as the dashboard asks the panel (`KPI_PANELS`).
    corrective: () => sql`
      with a as (
        select a.id, a.root_cause_code as rc, a.done_at as d,
          (c.root_cause_code = a.root_cause_code and c.received_at >= a.done_at - make_interval(hours => ${CW}::int) and c.received_at < a.done_at)::int as own_before,
          (c.root_cause_code = a.root_cause_code and c.received_at >= a.done_at and c.received_at < a.done_at + make_interval(hours => ${CW}::int))::int as own_after
        from corrective_actions a join cases c on c.id = a.case_id
        where ${f("c")} and a.done_at >= ${from} and a.done_at < ${to} and a.done_at + make_interval(hours => ${CW}::int) <= ${now}
      ), t as (
        select rc, e.at, 0 as n, id, e.k from a, lateral (values (d - make_interval(hours => ${CW}::int), 0), (d, 1), (d + make_interval(hours => ${CW}::int), 2)) e (at, k)
        union all
        select o.root_cause_code, o.received_at, 1, null, null from cases o
        where ${f("o")} and o.root_cause_code in (select rc from a)
          and o.received_at >= (select min(d) - make_interval(hours => ${CW}::int) from a) and o.received_at < (select max(d) + make_interval(hours => ${CW}::int) from a)
      )
      select a.id, x.c1 - x.c0 - a.own_before, x.c2 - x.c1 - a.own_after
      from a join (select id, max(c) filter (where k = 0) c0, max(c) filter (where k = 1) c1, max(c) filter (where k = 2) c2
                   from (select id, k, n, sum(n) over (partition by rc order by at, n) c from t) y where n = 0 group by id) x on x.id = a.id`,
    gains: () => sql`
      select current, count(legal), sum(legal), sum(minutes), sum(credit) filter (where credit > 0 and unclassified), count(*) filter (where credit > 0 and unclassified), sum(penalties)
      from (select c.resolved_at >= ${from} as current, c.legal_costs_cents as legal,
                   (select sum(t.minutes) from time_entries t where t.case_id = c.id) as minutes, null::bigint as credit, null::boolean as unclassified, null::bigint as penalties
              from cases c where ${f("c")} and c.resolved_at >= ${previousFrom} and c.resolved_at < ${to}
            union all
            select d.decided_at >= ${from}, null, null, d.granted_cents, coalesce(c.root_cause_code, '') = '', d.penalties_cents
              from case_decisions d join cases c on c.id = d.case_id
             where ${f("c")} and d.decided_at >= ${previousFrom} and d.decided_at < ${to}) x
      group by current`,
  };
}
