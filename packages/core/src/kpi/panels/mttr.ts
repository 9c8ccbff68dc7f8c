import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { MttrPanel } from "../kpi-types";
import { bucketIndex, bucketRows, caseFilter, instant, num, numOrNull } from "./series-buckets";

/**
 * Mean time to resolve (ADR 0040), the domain's `mttr`: over the cases with `resolved_at` in the period
 * (and in each bucket), the mean of `resolved_at − received_at` in minutes and the mean of
 * `resolution_business_minutes`, the business minutes stored at resolution in the case's SLA calendar
 * (`resolutionFacts`; SQL cannot run a calendar). A reopened case counts at its latest resolution.
 * Means are null on an empty population. One statement.
 */
export async function mttrPanel(db: DbOrTx, scope: KpiScope): Promise<MttrPanel> {
  type Figures = { count: number; calendar: number | null; business: number | null };
  const [row] = await db.execute<Figures & { series: (Figures & { key: string })[] | null }>(sql`
    with g as materialized (
      -- One pass over the cases resolved in the period, by bucket and in all (rollup): the groups are
      -- all the rest reads. The total's row is the one grouping() marks (1).
      select grouping(idx) as total, idx, count(*) as count, avg(calendar)::float8 as calendar, avg(business)::float8 as business
        from (
          select ${bucketIndex(sql`${cases.resolvedAt}`, scope)} as idx,
                 extract(epoch from ${cases.resolvedAt} - ${cases.receivedAt}) / 60 as calendar,
                 ${cases.resolutionBusinessMinutes} as business
            from ${cases}
           where ${caseFilter(scope.filters)} and ${cases.resolvedAt} >= ${instant(scope.period.from)} and ${cases.resolvedAt} < ${instant(scope.period.to)}
        ) c
       group by rollup (idx)
    )
    select
      coalesce((select count from g where total = 1), 0)::int as count,
      (select calendar from g where total = 1) as calendar,
      (select business from g where total = 1) as business,
      (select json_agg(json_build_object('key', b.key, 'count', coalesce(f.count, 0), 'calendar', f.calendar, 'business', f.business) order by b.idx)
         from ${bucketRows(scope)}
         left join g f on f.total = 0 and f.idx = b.idx) as series
  `);
  return {
    count: num(row?.count),
    calendarMinutes: numOrNull(row?.calendar),
    businessMinutes: numOrNull(row?.business),
    series: (row?.series ?? []).map((s) => ({ key: s.key, count: num(s.count), calendarMinutes: numOrNull(s.calendar), businessMinutes: numOrNull(s.business) })),
  };
}
