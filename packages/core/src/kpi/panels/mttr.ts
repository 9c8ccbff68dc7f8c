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
    with c as (
      select ${cases.resolvedAt} as resolved_at,
             extract(epoch from ${cases.resolvedAt} - ${cases.receivedAt}) / 60 as calendar,
             ${cases.resolutionBusinessMinutes} as business
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.resolvedAt} >= ${instant(scope.period.from)} and ${cases.resolvedAt} < ${instant(scope.period.to)}
    )
    select
      (select count(*) from c)::int as count,
      (select avg(calendar) from c)::float8 as calendar,
      (select avg(business) from c)::float8 as business,
      (select json_agg(json_build_object('key', b.key, 'count', coalesce(f.count, 0), 'calendar', f.calendar, 'business', f.business) order by b.idx)
         from ${bucketRows(scope)}
         left join (
           select ${bucketIndex(sql`resolved_at`, scope)} as idx, count(*) as count, avg(calendar)::float8 as calendar, avg(business)::float8 as business
             from c group by 1
         ) f on f.idx = b.idx) as series
  `);
  return {
    count: num(row?.count),
    calendarMinutes: numOrNull(row?.calendar),
    businessMinutes: numOrNull(row?.business),
    series: (row?.series ?? []).map((s) => ({ key: s.key, count: num(s.count), calendarMinutes: numOrNull(s.calendar), businessMinutes: numOrNull(s.business) })),
  };
}
