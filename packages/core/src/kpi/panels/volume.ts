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
    with c as (
      -- Only the cases alive at some point of the period: those ended before it count nowhere.
      select ${cases.receivedAt} as received_at, ${cases.endedAt} as ended_at
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} <= ${to} and (${cases.endedAt} is null or ${cases.endedAt} >= ${from})
    ), b as (
      select key, idx from ${bucketRows(scope)}
    ), r as (
      select ${bucketIndex(sql`received_at`, scope)} as idx, count(*) as n from c where received_at >= ${from} and received_at < ${to} group by 1
    ), e as (
      select ${bucketIndex(sql`ended_at`, scope)} as idx, count(*) as n from c where ended_at >= ${from} and ended_at < ${to} group by 1
    ), rk as materialized (
      -- Each bucket's backlog without sorting the cases (ADR 0044): a case counts at a bucket's instant t
      -- when received_at ≤ t and not (its end, never before its reception, ≤ t). Each instant is put at
      -- the first bucket instant at or after it — the number of bucket instants strictly before it
      -- (width_bucket of the instant less 1 µs, timestamps being to the microsecond), plus one — so
      -- the backlog at bucket k is the receptions placed at 1..k less the ends placed at 1..k. Both are
      -- materialized: each is read once per bucket, and must not be recomputed over the cases each time.
      select width_bucket(received_at - interval '1 microsecond', ${markers}) + 1 as idx, count(*) as n from c group by 1
    ), ek as materialized (
      select width_bucket(greatest(received_at, ended_at) - interval '1 microsecond', ${markers}) + 1 as idx, count(*) as n
        from c where ended_at is not null group by 1
    ), k as (
      select b.idx, coalesce((select sum(n) from rk where rk.idx <= b.idx), 0) - coalesce((select sum(n) from ek where ek.idx <= b.idx), 0) as open from b
    )
    select
      (select coalesce(sum(n), 0) from r)::int as received,
      (select count(*) from c where received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at))::int as backlog,
      (select json_agg(json_build_object('key', b.key, 'received', coalesce(r.n, 0), 'ended', coalesce(e.n, 0), 'backlog', k.open) order by b.idx)
         from b join k on k.idx = b.idx left join r on r.idx = b.idx left join e on e.idx = b.idx) as series
  `);
  return {
    received: num(row?.received),
    backlog: num(row?.backlog),
    series: (row?.series ?? []).map((s) => ({ key: s.key, received: num(s.received), ended: num(s.ended), backlog: num(s.backlog) })),
  };
}
