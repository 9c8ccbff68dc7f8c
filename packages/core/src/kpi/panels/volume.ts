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
  const [row] = await db.execute<{ received: number; backlog: number; series: VolumePanel["series"] | null }>(sql`
    with c as (
      -- Only the cases alive at some point of the period: those ended before it count nowhere.
      select ${cases.receivedAt} as received_at, ${cases.endedAt} as ended_at
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} <= ${to} and (${cases.endedAt} is null or ${cases.endedAt} >= ${from})
    ), b as (
      select key, least(to_at, ${asOf}) as at, idx from ${bucketRows(scope)}
    ), r as (
      select ${bucketIndex(sql`received_at`, scope)} as idx, count(*) as n from c where received_at >= ${from} and received_at < ${to} group by 1
    ), e as (
      select ${bucketIndex(sql`ended_at`, scope)} as idx, count(*) as n from c where ended_at >= ${from} and ended_at < ${to} group by 1
    ), ev as (
      -- Each bucket's backlog in one sort rather than one scan per bucket: +1 at reception, −1 when the
      -- case is no longer open (its end, never before its reception), and a marker at each bucket's
      -- instant sorted after the changes at that same instant; the running sum at a marker is the count
      -- of cases with received_at ≤ t and not (ended_at ≤ t).
      select received_at as t, 0 as kind, 1 as d, null::bigint as idx from c
      union all
      select greatest(received_at, ended_at), 0, -1, null from c where ended_at is not null
      union all
      select at, 1, 0, idx from b
    ), k as (
      select idx, sum(d) over (order by t, kind rows between unbounded preceding and current row) as open from ev
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
