import { caseSurveys, cases, type DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import { kpiCaseConditions, within } from "../kpi-conditions";
import type { KpiScope } from "../kpi-query";
import type { KpiSettings } from "../kpi-settings";
import type { NpsPanel } from "../kpi-types";
import { bucketIndex } from "./series-buckets";

const netScore = (promoters: number, detractors: number, responses: number): number | null => (responses === 0 ? null : ((promoters - detractors) * 100) / responses);

/**
 * NPS (the domain's `nps`): the survey answers given in the period (`case_surveys.answered_at`) on the
 * cases of the filters; promoters 9–10, passives 7–8, detractors 0–6. One row per non-empty bucket,
 * empty ones filled in; the period's figures are their sums, the buckets covering the period exactly.
 */
export async function npsPanel(db: DbOrTx, scope: KpiScope, _settings: KpiSettings): Promise<NpsPanel> {
  // One pass over the period's answers, each put in its bucket by binary search (`width_bucket`,
  // ADR 0044), rather than a range join of every bucket with every answer.
  const rows = await db.execute<{ idx: number; responses: number; promoters: number; detractors: number }>(sql`
    select ${bucketIndex(sql`${caseSurveys.answeredAt}`, scope)} as idx, count(*)::int as responses,
      count(*) filter (where ${caseSurveys.score} >= 9)::int as promoters,
      count(*) filter (where ${caseSurveys.score} <= 6)::int as detractors
    from ${caseSurveys} join ${cases} on ${cases.id} = ${caseSurveys.caseId}
    where ${sql.join([...kpiCaseConditions(scope.filters), within(caseSurveys.answeredAt, scope.period)], sql` and `)}
    group by 1`);
  const byIndex = new Map(rows.map((row) => [Number(row.idx), row]));
  const series = scope.buckets.map((bucket, i) => {
    const row = byIndex.get(i + 1);
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
