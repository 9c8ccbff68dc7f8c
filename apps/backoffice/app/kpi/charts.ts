import { buildChart, type ChartModel, type ChartSpec } from "@accord/charts";
import type { KpiDashboard, KpiQuery, KpiScope } from "@accord/core";
import type { Translate } from "@accord/web/i18n";
import { queueHref } from "./drill-down";

type Language = "fr" | "en";

const monthFormat = new Map<Language, Intl.DateTimeFormat>();
const dayFormat = new Map<Language, Intl.DateTimeFormat>();

/** A bucket's label on an axis: "janv. 2026" for a month, "2 mars" (the Monday) for a week. */
export function bucketLabel(key: string, granularity: KpiScope["granularity"], language: Language): string {
  const date = new Date(`${key}T00:00:00Z`);
  const cache = granularity === "month" ? monthFormat : dayFormat;
  let format = cache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(
      language === "fr" ? "fr-FR" : "en-GB",
      granularity === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" },
    );
    cache.set(language, format);
  }
  return format.format(date);
}

/** Minutes → days (calendar: 1 440 min; business: a working day of 8 h). */
export const calendarDays = (minutes: number | null) => (minutes === null ? null : minutes / 1440);
export const businessDays = (minutes: number | null) => (minutes === null ? null : minutes / 480);

export interface DashboardCharts {
  volume: ChartModel;
  mttr: ChartModel;
  sla: ChartModel;
  pareto: ChartModel;
  recurrence: ChartModel;
  amounts: ChartModel;
  nps: ChartModel;
}

/**
 * The dashboard's charts as models (ADR 0040): the page draws them as SVG, the review pack's PDF draws
 * the same. Every bar of a bucket or a root cause links to the queue listing its cases.
 */
export function dashboardCharts(options: {
  dashboard: Pick<KpiDashboard, "volume" | "mttr" | "sla" | "pareto" | "recurrence" | "amounts" | "nps">;
  scope: Pick<KpiScope, "buckets" | "granularity" | "period">;
  query: Pick<KpiQuery, "type" | "team" | "account" | "tier" | "channel">;
  t: Translate;
  language: Language;
}): DashboardCharts {
  const { dashboard, scope, query, t, language } = options;
  const categories = scope.buckets.map((bucket) => ({ key: bucket.key, label: bucketLabel(bucket.key, scope.granularity, language) }));
  const perBucket = (on: "received" | "ended" | "resolved", state: "all" | "ended" = "all") =>
    scope.buckets.map((bucket) => queueHref(query, { state, on, from: bucket.firstDay, to: bucket.lastDay }));
  const chart = (spec: Omit<ChartSpec, "locale" | "categories"> & { categories?: ChartSpec["categories"] }): ChartModel =>
    buildChart({ categories, categoryTitle: t("kpi.charts.period"), ...spec, locale: language });

  const { volume, mttr, sla, pareto, recurrence, amounts, nps } = dashboard;
  return {
    volume: chart({
      kind: "columns",
      title: t("kpi.charts.volume"),
      description: t("kpi.defs.received"),
      series: [
        { name: t("kpi.metrics.received"), kind: "bar", format: "count", values: volume.series.map((b) => b.received), hrefs: perBucket("received") },
        { name: t("kpi.metrics.ended"), kind: "bar", format: "count", values: volume.series.map((b) => b.ended), hrefs: perBucket("ended", "ended") },
        { name: t("kpi.metrics.backlog"), kind: "line", format: "count", values: volume.series.map((b) => b.backlog) },
      ],
    }),
    mttr: chart({
      kind: "lines",
      title: t("kpi.charts.mttr"),
      description: t("kpi.defs.mttrCalendar"),
      series: [
        {
          name: t("kpi.metrics.mttrCalendar"),
          kind: "line",
          format: "days",
          values: mttr.series.map((b) => calendarDays(b.calendarMinutes)),
          hrefs: perBucket("resolved", "ended"),
        },
        {
          name: t("kpi.metrics.mttrBusiness"),
          kind: "line",
          format: "days",
          values: mttr.series.map((b) => businessDays(b.businessMinutes)),
          hrefs: perBucket("resolved", "ended"),
        },
      ],
    }),
    sla: chart({
      kind: "lines",
      title: t("kpi.charts.sla"),
      description: t("kpi.defs.firstResponse"),
      series: [
        {
          name: t("kpi.metrics.firstResponse"),
          kind: "line",
          format: "percent",
          values: sla.series.map((b) => b.firstResponseRate),
          hrefs: perBucket("received"),
        },
        { name: t("kpi.metrics.resolution"), kind: "line", format: "percent", values: sla.series.map((b) => b.resolutionRate), hrefs: perBucket("received") },
      ],
    }),
    pareto: chart({
      kind: "pareto",
      categoryTitle: t("kpi.charts.cause"),
      cumulativeName: t("kpi.metrics.cumulative"),
      title: t("kpi.charts.pareto"),
      description: t("kpi.defs.pareto"),
      categories: pareto.rows.map((row) => ({ key: row.rootCause, label: row.label })),
      series: [
        {
          name: t("kpi.metrics.cases"),
          kind: "bar",
          format: "count",
          values: pareto.rows.map((row) => row.count),
          hrefs: pareto.rows.map((row) =>
            queueHref(query, { state: "all", on: "received", from: scope.period.firstDay, to: scope.period.lastDay, rootCause: row.rootCause }),
          ),
        },
        { name: t("kpi.metrics.cumulative"), kind: "line", format: "percent", axis: "right", values: pareto.rows.map((row) => row.cumulativePercent) },
      ],
    }),
    recurrence: chart({
      kind: "columns",
      stacked: true,
      title: t("kpi.charts.recurrence"),
      description: t("kpi.defs.recurring"),
      series: recurrence.series.map((cause) => ({
        name: cause.label,
        kind: "bar" as const,
        format: "count" as const,
        values: [...cause.counts],
        hrefs: scope.buckets.map((bucket) =>
          queueHref(query, { state: "all", on: "received", from: bucket.firstDay, to: bucket.lastDay, rootCause: cause.rootCause }),
        ),
      })),
    }),
    amounts: chart({
      kind: "columns",
      title: t("kpi.charts.amounts"),
      description: t("kpi.defs.exposed"),
      series: [
        { name: t("kpi.metrics.exposed"), kind: "bar", format: "cents", values: amounts.series.map((b) => b.exposedCents), hrefs: perBucket("received") },
        {
          name: t("kpi.metrics.credited"),
          kind: "bar",
          format: "cents",
          values: amounts.series.map((b) => b.creditedCents),
          hrefs: perBucket("resolved", "ended"),
        },
        {
          name: t("kpi.metrics.recovered"),
          kind: "bar",
          format: "cents",
          values: amounts.series.map((b) => b.recoveredCents),
          hrefs: perBucket("resolved", "ended"),
        },
      ],
    }),
    nps: chart({
      kind: "lines",
      title: t("kpi.charts.nps"),
      description: t("kpi.defs.nps"),
      series: [{ name: t("kpi.metrics.nps"), kind: "line", format: "score", values: nps.series.map((b) => b.nps) }],
    }),
  };
}
