import { cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { AmountsPanel } from "../kpi-types";
import { bucketRows, caseFilter, instant, num } from "./series-buckets";

/**
 * Amounts (ADR 0040), the domain's `amountTotals` on three populations: exposed = disputed amounts of
 * the cases received in the period (bucket); credited, recovered and legal costs = of the cases with
 * `resolved_at` in the period (bucket); open exposed = disputed amounts of the cases open at `asOf`
 * (the backlog's population: `received_at ≤ asOf` and `ended_at` null or later). Cents. One statement.
 */
export async function amountsPanel(db: DbOrTx, scope: KpiScope): Promise<AmountsPanel> {
  const asOf = instant(scope.asOf);
  const inPeriod = (column: unknown) => sql`${column} >= ${instant(scope.period.from)} and ${column} < ${instant(scope.period.to)}`;
  type Sums = { exposed: string | null; credited: string | null; recovered: string | null; legal: string | null; open_exposed: string | null };
  const [row] = await db.execute<Sums & { series: { key: string; exposed: string | number; credited: string | number; recovered: string | number }[] | null }>(sql`
    with c as (
      select received_at, resolved_at, ended_at, disputed_amount_cents as disputed, credited_amount_cents as credited,
             recovered_amount_cents as recovered, legal_costs_cents as legal
        from ${cases} where ${caseFilter(scope.filters)}
    )
    select
      (select sum(disputed) from c where ${inPeriod(sql`received_at`)}) as exposed,
      (select sum(credited) from c where ${inPeriod(sql`resolved_at`)}) as credited,
      (select sum(recovered) from c where ${inPeriod(sql`resolved_at`)}) as recovered,
      (select sum(legal) from c where ${inPeriod(sql`resolved_at`)}) as legal,
      (select sum(disputed) from c where received_at <= ${asOf} and (ended_at is null or ${asOf} < ended_at)) as open_exposed,
      (select json_agg(json_build_object(
          'key', b.key,
          'exposed', (select coalesce(sum(disputed), 0) from c where c.received_at >= b.from_at and c.received_at < b.to_at),
          'credited', (select coalesce(sum(credited), 0) from c where c.resolved_at >= b.from_at and c.resolved_at < b.to_at),
          'recovered', (select coalesce(sum(recovered), 0) from c where c.resolved_at >= b.from_at and c.resolved_at < b.to_at)
        ) order by b.idx) from ${bucketRows(scope)}) as series
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
