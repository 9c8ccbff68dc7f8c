import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { AmountsPanel } from "../kpi-types";
import { bucketIndex, bucketRows, caseFilter, instant, num } from "./series-buckets";

/**
 * Amounts (ADR 0040), the domain's `amountTotals` on three populations: exposed = disputed amounts of
 * the cases received in the period (bucket); credited, recovered and legal costs = of the cases with
 * `resolved_at` in the period (bucket); open exposed = disputed amounts of the cases open at `asOf`
 * (the backlog's population: `received_at ≤ asOf` and `ended_at` null or later). Cents. One statement.
 */
export async function amountsPanel(db: DbOrTx, scope: KpiScope): Promise<AmountsPanel> {
  const asOf = instant(scope.asOf);
  const from = instant(scope.period.from);
  const to = instant(scope.period.to);
  type Sums = { exposed: string | null; credited: string | null; recovered: string | null; legal: string | null; open_exposed: string | null };
  const [row] = await db.execute<Sums & { series: { key: string; exposed: string | number; credited: string | number; recovered: string | number }[] | null }>(sql`
    with c as (
      select ${cases.receivedAt} as received_at, ${cases.resolvedAt} as resolved_at, ${cases.endedAt} as ended_at,
             ${cases.disputedAmountCents} as disputed, ${cases.creditedAmountCents} as credited,
             ${cases.recoveredAmountCents} as recovered, ${cases.legalCostsCents} as legal
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} <= ${to}
    ), received as (
      select ${bucketIndex(sql`received_at`, scope)} as idx, sum(disputed) as exposed
        from c where received_at >= ${from} and received_at < ${to} group by 1
    ), resolved as (
      select ${bucketIndex(sql`resolved_at`, scope)} as idx, sum(credited) as credited, sum(recovered) as recovered, sum(legal) as legal
        from c where resolved_at >= ${from} and resolved_at < ${to} group by 1
    )
    select
      (select sum(exposed) from received) as exposed,
      (select sum(credited) from resolved) as credited,
      (select sum(recovered) from resolved) as recovered,
      (select sum(legal) from resolved) as legal,
      (select sum(disputed) from c where received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at)) as open_exposed,
      (select json_agg(json_build_object('key', b.key, 'exposed', coalesce(received.exposed, 0),
                                         'credited', coalesce(resolved.credited, 0), 'recovered', coalesce(resolved.recovered, 0)) order by b.idx)
         from ${bucketRows(scope)}
         left join received on received.idx = b.idx
         left join resolved on resolved.idx = b.idx) as series
  `);
  return {
    exposedCents: num(row?.exposed),
    creditedCents: num(row?.credited),
    recoveredCents: num(row?.recovered),
    legalCostsCents: num(row?.legal),
    openExposedCents: num(row?.open_exposed),
    series: (row?.series ?? []).map((s) => ({ key: s.key, exposedCents: num(s.exposed), creditedCents: num(s.credited), recoveredCents: num(s.recovered) })),
  };
}
