import { caseSurveys, cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import { kpiCaseConditions, within } from "../kpi-conditions";
import type { KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { NpsPanel } from "../kpi-types";

const netScore = (promoters: number, detractors: number, responses: number): number | null => (responses === 0 ? null : ((promoters - detractors) * 100) / responses);

/**
 * NPS (the domain's `nps`): the survey answers given in the period (`case_surveys.answered_at`) on the
 * cases of the filters; promoters 9–10, passives 7–8, detractors 0–6. One row per bucket (empty ones
 * too); the period's figures are their sums, the buckets covering the period exactly.
 */
export async function npsPanel(db: DbOrTx, scope: KpiScope, _settings: KpiSettings): Promise<NpsPanel> {
  const buckets = sql.join(
    scope.buckets.map((bucket) => sql`(${bucket.key}::text, ${bucket.from.toISOString()}::timestamptz, ${bucket.to.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const rows = await db.execute<{ key: string; responses: number; promoters: number; detractors: number }>(sql`
    select bucket.key, count(answer.score)::int as responses,
      count(*) filter (where answer.score >= 9)::int as promoters,
      count(*) filter (where answer.score <= 6)::int as detractors
    from (values ${buckets}) as bucket (key, from_at, to_at)
    left join (
      select ${caseSurveys.score} as score, ${caseSurveys.answeredAt} as answered_at
      from ${caseSurveys} join ${cases} on ${cases.id} = ${caseSurveys.caseId}
      where ${sql.join([...kpiCaseConditions(scope.filters), within(caseSurveys.answeredAt, scope.period)], sql` and `)}
    ) as answer on answer.answered_at >= bucket.from_at and answer.answered_at < bucket.to_at
    group by bucket.key
    order by bucket.key`);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const series = scope.buckets.map((bucket) => {
    const row = byKey.get(bucket.key);
    const responses = row?.responses ?? 0;
    return { key: bucket.key, responses, promoters: row?.promoters ?? 0, detractors: row?.detractors ?? 0 };
  });
  const responses = series.reduce((sum, b) => sum + b.responses, 0);
  const promoters = series.reduce((sum, b) => sum + b.promoters, 0);
  const detractors = series.reduce((sum, b) => sum + b.detractors, 0);
  return {
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    nps: netScore(promoters, detractors, responses),
    series: series.map((b) => ({ key: b.key, responses: b.responses, nps: netScore(b.promoters, b.detractors, b.responses) })),
  };
}
