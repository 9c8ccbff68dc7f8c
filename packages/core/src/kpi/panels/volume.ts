import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { VolumePanel } from "../kpi-types";
import { bucketIndex, bucketRows, caseFilter, instant, num } from "./series-buckets";

/**
 * Volume and backlog (ADR 0040), the domain's `volume` and `backlog` on spans
 * `{ openedAt: received_at, resolvedAt: ended_at }`: received = `received_at` in the period (or the
 * bucket); ended = `ended_at` in the bucket; backlog at `t` = `received_at ≤ t` and (`ended_at` null or
 * `t < ended_at`), `t` being the period's (bucket's) end, or `asOf` when earlier. One statement.
 */
export async function volumePanel(db: DbOrTx, scope: KpiScope): Promise<VolumePanel> {
  const asOf = instant(scope.asOf);
  const from = instant(scope.period.from);
  const to = instant(scope.period.to);
  // Each bucket's instant (its end, or asOf when earlier), ascending as the buckets are.
  const markers = sql`${`{${scope.buckets.map((b) => new Date(Math.min(b.to.getTime(), scope.asOf.getTime())).toISOString()).join(",")}}`}::timestamptz[]`;
  const [row] = await db.execute<{ received: number; backlog: number; series: VolumePanel["series"] | null }>(sql`
    with g as materialized (
      -- One pass over the cases alive at some point of the period (those ended before it count nowhere),
      -- every count grouped at once (grouping sets, as one hand-written aggregate would): the groups, a
      -- few dozen rows, are all the rest reads. grouping() tells the sets apart: 7 = by bucket of
      -- reception, 11 = by bucket of end, 13 and 14 = by marker (below), 15 = the whole.
      select grouping(ri, ei, rk, ek) as gs, coalesce(ri, ei, rk, ek) as idx, count(*) as n, count(*) filter (where open) as open_now
        from (
          select case when ${cases.receivedAt} >= ${from} and ${cases.receivedAt} < ${to} then ${bucketIndex(sql`${cases.receivedAt}`, scope)} end as ri,
                 case when ${cases.endedAt} >= ${from} and ${cases.endedAt} < ${to} then ${bucketIndex(sql`${cases.endedAt}`, scope)} end as ei,
                 -- Each bucket's backlog without sorting the cases (ADR 0044): a case counts at a bucket's
                 -- instant t when received_at ≤ t and not (its end, never before its reception, ≤ t). Each
                 -- instant is put at the first bucket instant at or after it — the number of bucket
                 -- instants strictly before it (width_bucket of the instant less 1 µs, timestamps being to
                 -- the microsecond), plus one — so the backlog at bucket k is the receptions placed at
                 -- 1..k less the ends placed at 1..k.
                 width_bucket(${cases.receivedAt} - interval '1 microsecond', ${markers}) + 1 as rk,
                 case when ${cases.endedAt} is not null
                      then width_bucket(greatest(${cases.receivedAt}, ${cases.endedAt}) - interval '1 microsecond', ${markers}) + 1 end as ek,
                 ${cases.receivedAt} <= ${asOf} and (${cases.endedAt} is null or ${asOf} < ${cases.endedAt}) as open
            from ${cases}
           where ${caseFilter(scope.filters)} and ${cases.receivedAt} <= ${to} and (${cases.endedAt} is null or ${cases.endedAt} >= ${from})
        ) c
       group by grouping sets ((ri), (ei), (rk), (ek), ())
    ), b as (
      select key, idx from ${bucketRows(scope)}
    ), k as (
      select b.idx,
             coalesce((select sum(n) from g where gs = 13 and g.idx <= b.idx), 0) - coalesce((select sum(n) from g where gs = 14 and g.idx <= b.idx), 0) as open
        from b
    )
    select
      (select coalesce(sum(n), 0) from g where gs = 7 and idx is not null)::int as received,
      (select coalesce(sum(open_now), 0) from g where gs = 15)::int as backlog,
      (select json_agg(json_build_object('key', b.key, 'received', coalesce(r.n, 0), 'ended', coalesce(e.n, 0), 'backlog', k.open) order by b.idx)
         from b join k on k.idx = b.idx
         left join g r on r.gs = 7 and r.idx = b.idx
         left join g e on e.gs = 11 and e.idx = b.idx) as series
  `);
  return {
    received: num(row?.received),
    backlog: num(row?.backlog),
    series: (row?.series ?? []).map((s) => ({ key: s.key, received: num(s.received), ended: num(s.ended), backlog: num(s.backlog) })),
  };
}
