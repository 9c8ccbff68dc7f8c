import { formatValue } from "@accord/charts";
import type { KpiQuery, ReportDocument, ReportFigure, ReviewPack, Trend } from "@accord/core";
import { formatDate, formatDateTime, formatMoney, formatMonth } from "@accord/ui";
import type { Translate } from "@accord/web/i18n";
import { businessDays, calendarDays, dashboardCharts } from "./charts";
import { queueHref } from "./drill-down";

type Language = "fr" | "en";

/**
 * The monthly review pack as one translated, formatted document (ADR 0040): the page shows it, and the
 * CSV and the PDF are made from it, so each figure is the same everywhere.
 */
export function reviewDocument(pack: ReviewPack, options: { t: Translate; language: Language; now: Date }): ReportDocument {
  const { t, language, now } = options;
  const monthName = formatMonth(pack.month, language);
  const none = t("kpi.none");
  const count = (value: number | null) => formatValue(value, "count", language);
  const percent = (value: number | null) => formatValue(value, "percent", language);
  const days = (value: number | null) => formatValue(value, "days", language);
  const money = (cents: number | null) => (cents === null ? none : formatMoney(cents, "EUR", language));
  const date = (value: Date | string | null) => (value === null ? t("kpi.review.notDone") : formatDate(value, language));
  const query = pack.query as KpiQuery;
  const period = { from: pack.scope.period.firstDay, to: pack.scope.period.lastDay };
  const received = queueHref(query, { state: "all", on: "received", ...period });
  const resolved = queueHref(query, { state: "ended", on: "resolved", ...period });
  const figure = (metric: Parameters<typeof definitionKey>[0], value: string, extra: Partial<ReportFigure> = {}): ReportFigure => ({
    label: t(`kpi.metrics.${metric}`),
    value,
    definition: t(definitionKey(metric)),
    ...extra,
  });
  const trend = (value: Trend, format: (v: number | null) => string): string =>
    value.changePercent === null
      ? t("kpi.metrics.previous", { value: format(value.previous) })
      : `${t("kpi.metrics.previous", { value: format(value.previous) })} · ${t("kpi.metrics.change", { change: `${value.changePercent > 0 ? "+" : ""}${percent(value.changePercent)}` })}`;
  const charts = dashboardCharts({
    dashboard: {
      volume: pack.volume,
      mttr: pack.mttr,
      sla: pack.sla,
      pareto: pack.pareto,
      recurrence: { rows: [], series: [] },
      amounts: { exposedCents: 0, creditedCents: 0, recoveredCents: 0, legalCostsCents: 0, openExposedCents: 0, series: [] },
      nps: { responses: 0, promoters: 0, passives: 0, detractors: 0, nps: null, series: [] },
    },
    scope: pack.scope,
    query,
    t,
    language,
  });
  const caseLink = (reference: string) => `/cases/${reference}`;

  return {
    title: t("kpi.review.heading", { month: monthName }),
    subtitle: t("kpi.review.generated", { date: formatDateTime(now, language) }),
    footer: t("kpi.review.pdfFooter", { page: "{{page}}", pages: "{{pages}}" }),
    language,
    issuedAt: now,
    sections: [
      {
        id: "summary",
        heading: t("kpi.review.summary"),
        figures: [
          figure("received", count(pack.volume.received), { href: received }),
          figure("backlog", count(pack.volume.backlog), { href: queueHref(query, { state: "open" }) }),
          figure("mttrCalendar", days(calendarDays(pack.mttr.calendarMinutes)), {
            href: resolved,
            note: t("kpi.labelValue", { label: t("kpi.metrics.resolvedCount"), value: count(pack.mttr.count) }),
          }),
          figure("mttrBusiness", days(businessDays(pack.mttr.businessMinutes)), { href: resolved }),
          figure("firstResponse", percent(pack.sla.firstResponse.rate), { href: received }),
          figure("resolution", percent(pack.sla.resolution.rate), { href: received }),
        ],
        charts: [charts.volume],
      },
      {
        id: "top",
        heading: t("kpi.review.top"),
        table: {
          caption: t("kpi.review.top"),
          columns: ["reference", "account", "title", "type", "status", "amount", "received", "ended"].map((c) => t(`kpi.review.columns.${c}` as never)),
          rows: pack.top.map((row) => ({
            href: caseLink(row.reference),
            cells: [
              row.reference,
              row.accountName,
              row.title,
              t(`caseType.${row.type}` as never),
              t(`caseStatus.${row.status}` as never),
              money(row.disputedAmountCents),
              formatDate(row.receivedAt, language),
              row.endedAt ? formatDate(row.endedAt, language) : "—",
            ],
          })),
          empty: t("kpi.review.noneTop"),
        },
      },
      {
        id: "breaches",
        heading: t("kpi.review.breaches"),
        table: {
          caption: t("kpi.review.breaches"),
          columns: ["reference", "account", "target", "due", "done", "assignee"].map((c) => t(`kpi.review.columns.${c}` as never)),
          rows: pack.breaches.map((row) => ({
            href: caseLink(row.reference),
            cells: [
              row.reference,
              row.accountName,
              t(`kpi.review.targets.${row.target}`),
              formatDateTime(row.dueAt, language),
              row.doneAt ? formatDateTime(row.doneAt, language) : t("kpi.review.notDone"),
              row.assigneeName ?? "—",
            ],
          })),
          empty: t("kpi.review.noneBreaches"),
        },
      },
      {
        id: "root-causes",
        heading: t("kpi.review.rootCauses"),
        figures: [
          figure("pareto", count(pack.pareto.classified), { label: t("kpi.metrics.classified"), href: received }),
          figure("pareto", count(pack.pareto.unclassified), {
            label: t("kpi.metrics.unclassified"),
            href: queueHref(query, { state: "all", on: "received", ...period, rootCause: "none" }),
          }),
        ],
        charts: pack.pareto.rows.length > 0 ? [charts.pareto] : [],
      },
      {
        id: "decisions",
        heading: t("kpi.review.decisions"),
        table: {
          caption: t("kpi.review.decisions"),
          columns: ["reference", "account", "outcome", "granted", "penalties", "creditNote", "decidedAt"].map((c) => t(`kpi.review.columns.${c}` as never)),
          rows: pack.decisions.map((row) => ({
            href: caseLink(row.reference),
            cells: [
              row.reference,
              row.accountName,
              t(`settlement.outcomes.${row.outcome}` as never),
              money(row.grantedCents),
              money(row.penaltiesCents),
              row.creditNoteNumber ?? "—",
              formatDate(row.decidedAt, language),
            ],
          })),
          empty: t("kpi.review.noneDecisions"),
        },
      },
      {
        id: "corrective",
        heading: t("kpi.review.corrective"),
        table: {
          caption: t("kpi.review.corrective"),
          columns: ["action", "reference", "rootCause", "owner", "dueDate", "state", "done"].map((c) => t(`kpi.review.columns.${c}` as never)),
          rows: pack.corrective.map((row) => ({
            href: caseLink(row.caseReference),
            cells: [
              row.title,
              row.caseReference,
              row.rootCauseLabel,
              row.ownerName,
              formatDate(row.dueDate, language),
              row.overdue && row.status === "open"
                ? `${t(`kpi.review.actionStatus.${row.status}`)} — ${t("kpi.review.overdue")}`
                : t(`kpi.review.actionStatus.${row.status}`),
              date(row.doneAt),
            ],
          })),
          empty: t("kpi.review.noneCorrective"),
        },
      },
      {
        id: "gains",
        heading: t("kpi.review.gains"),
        figures: [
          figure("costPerDispute", money(pack.gains.costPerDisputeCents.current), { href: resolved, note: trend(pack.gains.costPerDisputeCents, money) }),
          figure("creditNotesWithoutRootCause", count(pack.gains.creditNotesWithoutRootCause.current), {
            href: queueHref(query, { state: "ended", on: "resolved", ...period, rootCause: "none" }),
            note: trend(pack.gains.creditNotesWithoutRootCause, count),
          }),
          figure("penaltiesPaid", money(pack.gains.penaltiesPaidCents.current), { href: resolved, note: trend(pack.gains.penaltiesPaidCents, money) }),
        ],
      },
    ],
  };
}

/** The definition key of a figure's metric (the hover text). */
function definitionKey(
  metric:
    | "received"
    | "backlog"
    | "mttrCalendar"
    | "mttrBusiness"
    | "firstResponse"
    | "resolution"
    | "pareto"
    | "costPerDispute"
    | "creditNotesWithoutRootCause"
    | "penaltiesPaid",
) {
  return `kpi.defs.${metric}` as const;
}
