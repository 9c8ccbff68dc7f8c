import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { VolumePanel } from "../kpi-types";
import { bucketRows, caseFilter, instant, num } from "./series-buckets";

/**
 * Volume and backlog (ADR 0040), the domain's `volume` and `backlog` on spans
 * `{ openedAt: received_at, resolvedAt: ended_at }`: received = `received_at` in the period (or the
 * bucket); ended = `ended_at` in the bucket; backlog at `t` = `received_at ≤ t` and (`ended_at` null or
 * `t < ended_at`), `t` being the period's (bucket's) end, or `asOf` when earlier. One statement.
 */
export async function volumePanel(db: DbOrTx, scope: KpiScope): Promise<VolumePanel> {
  const asOf = instant(scope.asOf);
  const [row] = await db.execute<{ received: number; backlog: number; series: VolumePanel["series"] | null }>(sql`
    with c as (
      select ${cases.receivedAt} as received_at, ${cases.endedAt} as ended_at from ${cases} where ${caseFilter(scope.filters)}
    ), b as (
      select key, from_at, to_at, least(to_at, ${asOf}) as at, idx from ${bucketRows(scope)}
    )
    select
      (select count(*) from c where received_at >= ${instant(scope.period.from)} and received_at < ${instant(scope.period.to)})::int as received,
      (select count(*) from c where received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at))::int as backlog,
      (select json_agg(json_build_object(
          'key', b.key,
          'received', (select count(*) from c where c.received_at >= b.from_at and c.received_at < b.to_at),
          'ended', (select count(*) from c where c.ended_at >= b.from_at and c.ended_at < b.to_at),
          'backlog', (select count(*) from c where c.received_at <= b.at and (c.ended_at is null or b.at < c.ended_at))
        ) order by b.idx) from b) as series
  `);
  return {
    received: num(row?.received),
    backlog: num(row?.backlog),
    series: (row?.series ?? []).map((s) => ({ key: s.key, received: num(s.received), ended: num(s.ended), backlog: num(s.backlog) })),
  };
}
