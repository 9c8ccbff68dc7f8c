import { cases, rootCauses, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import type { KpiScope } from "../kpi-query";
import type { ParetoPanel } from "../kpi-types";
import { caseFilter, instant, num } from "./series-buckets";

/**
 * Root-cause Pareto (ADR 0040), the domain's `rootCausePareto`: the cases received in the period by
 * `root_cause_code` (null or empty = unclassified, counted apart), most frequent first, ties by code in
 * code-unit order (`collate "C"`, as the domain sorts), each share and the running share of the
 * classified cases (divided in float8, as JavaScript does, so the figures are the domain's exactly). Labels in `language`, the code itself for a code missing from the taxonomy.
 */
export async function paretoPanel(db: DbOrTx, scope: KpiScope, language: "fr" | "en"): Promise<ParetoPanel> {
  const label = language === "fr" ? rootCauses.labelFr : rootCauses.labelEn;
  const [row] = await db.execute<{ classified: number; unclassified: number; rows: { rootCause: string; label: string; count: number; percent: number; cumulativePercent: number }[] | null }>(sql`
    with g as (
      -- One pass over the period's cases, grouped at once: the groups (a few dozen rows) are what the
      -- rest reads, never the cases again.
      select nullif(${cases.rootCauseCode}, '') as code, count(*) as count
        from ${cases}
       where ${caseFilter(scope.filters)} and ${cases.receivedAt} >= ${instant(scope.period.from)} and ${cases.receivedAt} < ${instant(scope.period.to)}
       group by 1
    ), r as (
      select g.code, coalesce(${label}, g.code) as label, g.count,
             sum(g.count) over (order by g.count desc, g.code collate "C" rows between unbounded preceding and current row) as running,
             sum(g.count) over () as classified
        from g left join ${rootCauses} on ${rootCauses.code} = g.code
       where g.code is not null
    )
    select
      (select coalesce(sum(count), 0) from g where code is not null)::int as classified,
      (select coalesce(sum(count), 0) from g where code is null)::int as unclassified,
      (select json_agg(json_build_object('rootCause', code, 'label', label, 'count', count,
                                         'percent', (count * 100)::float8 / classified::float8,
                                         'cumulativePercent', (running * 100)::float8 / classified::float8)
                       order by count desc, code collate "C") from r) as rows
  `);
  return {
    classified: num(row?.classified),
    unclassified: num(row?.unclassified),
    rows: (row?.rows ?? []).map((r) => ({ rootCause: r.rootCause, label: r.label, count: num(r.count), percent: num(r.percent), cumulativePercent: num(r.cumulativePercent) })),
  };
}
