/**
 * « Pilotage »: the steering dashboard (issue 15, ADR 0040) for supervisors, finance, legal and admins.
 * A GET form of filters; every panel from one SQL statement; charts drawn as SVG on the server with a
 * table alternative; every figure and bar links to the queue listing its cases; each figure's
 * definition on hover and in the help article.
 */
import { CASE_CHANNELS, getKpiDashboard, isAppError, kpiFilterOptions, type KpiDashboard, type KpiQuery, type Trend } from "@accord/core";
import { Alert, Chart, Field, formatDate, formatMoney, PageHeader } from "@accord/ui";
import { formatValue } from "@accord/charts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Route } from "./+types/dashboard";
import { staffRoute } from "../.server/actor";
import { kpiDbContext } from "../.server/db";
import { describeError, loadOrRespond } from "../.server/errors";
import { languageOf } from "../.server/i18n";
import { businessDays, calendarDays, dashboardCharts } from "../kpi/charts";
import { definitionHref, type KpiMetric } from "../kpi/definitions";
import { queueHref, type DrillDown } from "../kpi/drill-down";
import { KpiFilters } from "../kpi/KpiFilters";
import dashboardStyles from "../styles/dashboard.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export function meta() {
  return [{ title: "Accord" }];
}

const FORM_FIELDS = ["from", "to", "type", "team", "account", "tier", "channel"] as const;

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "kpi:read");
  // The panels read KPI_DATABASE_URL's replica when one is set (docs/deploy.md).
  const kpiDb = args.context.get(kpiDbContext);
  const language = languageOf(args.context);
  const params = new URL(args.request.url).searchParams;
  // The form keeps what was typed, even when it does not parse.
  const form = Object.fromEntries(FORM_FIELDS.map((key) => [key, params.get(key) ?? ""])) as Record<(typeof FORM_FIELDS)[number], string>;
  const input = Object.fromEntries(FORM_FIELDS.map((key) => [key, params.get(key) ?? undefined]));
  return loadOrRespond(ctx, async () => {
    try {
      const result = await getKpiDashboard({ ...ctx, db: kpiDb, input, language });
      return {
        form: { ...form, from: form.from || result.scope.period.firstDay, to: form.to || result.scope.period.lastDay },
        options: { ...result.options, channels: CASE_CHANNELS },
        message: null as string | null,
        fieldErrors: {} as Record<string, string[]>,
        result: {
          query: result.query,
          dashboard: result.dashboard,
          scope: { period: result.scope.period, buckets: result.scope.buckets, granularity: result.scope.granularity },
        },
      };
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      const described = describeError(error, ctx.t);
      return {
        form,
        options: { ...(await kpiFilterOptions(kpiDb)), channels: CASE_CHANNELS },
        message: described.message,
        fieldErrors: described.fieldErrors,
        result: null,
      };
    }
  });
}

type Loaded = NonNullable<Route.ComponentProps["loaderData"]["result"]>;

/** A figure: its label (definition on hover, and a link to it), its value (a link to its cases), a line under it. */
function Figure({ metric, label, value, href, note }: { metric: KpiMetric; label?: string; value: string; href?: string | null; note?: ReactNode }) {
  const { t } = useTranslation();
  const definition = t(`kpi.defs.${metric}`);
  return (
    <div className="kpi-figure" title={definition}>
      <dt>
        {label ?? t(`kpi.metrics.${metric}`)}{" "}
        <Link to={definitionHref(metric)} className="kpi-figure__help" aria-label={t("kpi.definition", { label: label ?? t(`kpi.metrics.${metric}`) })}>
          ?
        </Link>
      </dt>
      <dd>
        <span className="kpi-figure__value" data-metric={metric}>
          {href ? (
            <Link to={href} aria-label={`${value} — ${t("kpi.openCases")}`}>
              {value}
            </Link>
          ) : (
            value
          )}
        </span>
        <span className="visually-hidden"> {definition}</span>
        {note ? <span className="kpi-figure__note">{note}</span> : null}
      </dd>
    </div>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card kpi-panel" aria-labelledby={`heading-${id}`} id={`panel-${id}`}>
      <h2 id={`heading-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const language = i18n.language === "en" ? "en" : "fr";
  const { form, options, message, fieldErrors, result } = loaderData;
  return (
    <>
      <PageHeader
        title={t("kpi.title")}
        description={t("kpi.description")}
        actions={
          <>
            <Link className="button button--secondary" to={`/dashboard/review${reviewFilters(location.search)}`}>
              {t("kpi.reviewLink")}
            </Link>{" "}
            <Link to="/dashboard/help">{t("kpi.helpLink")}</Link>
          </>
        }
      />
      <KpiFilters
        idPrefix="kpi"
        form={form}
        options={options}
        fieldErrors={fieldErrors}
        submit={t("kpi.filters.submit")}
        after={<Link to="/dashboard">{t("kpi.filters.reset")}</Link>}
        period={
          <>
            <Field
              name="from"
              id="kpi-from"
              type="date"
              label={t("kpi.filters.from")}
              hint={t("kpi.filters.periodHint")}
              defaultValue={form.from}
              errors={fieldErrors.from}
            />
            <Field name="to" id="kpi-to" type="date" label={t("kpi.filters.to")} defaultValue={form.to} errors={fieldErrors.to} />
          </>
        }
      />
      {message ? <Alert tone="error">{message}</Alert> : null}
      {result ? <Panels result={result} language={language} /> : null}
    </>
  );
}

/** The review pack keeps the dashboard's filters (not its period: it has its month). */
function reviewFilters(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("from");
  params.delete("to");
  return params.size > 0 ? `?${params}` : "";
}

function Panels({ result, language }: { result: Loaded; language: "fr" | "en" }) {
  const { t } = useTranslation();
  const { dashboard, scope, query } = result;
  const charts = dashboardCharts({ dashboard, scope, query, t, language });
  const none = t("kpi.none");
  const count = (value: number | null) => formatValue(value, "count", language);
  const percent = (value: number | null) => formatValue(value, "percent", language);
  const money = (cents: number | null) => (cents === null ? none : formatMoney(cents, "EUR", language));
  const days = (value: number | null) => formatValue(value, "days", language);
  const period = { from: scope.period.firstDay, to: scope.period.lastDay };
  const drill = (d: DrillDown) => queueHref(query as KpiQuery, d);
  const received = drill({ state: "all", on: "received", ...period });
  const resolved = drill({ state: "ended", on: "resolved", ...period });
  const trendNote = (trend: Trend, format: (value: number | null) => string) => (
    <>
      {t("kpi.metrics.previous", { value: format(trend.previous) })}
      {trend.changePercent !== null ? (
        <>
          {" · "}
          {t("kpi.metrics.change", { change: `${trend.changePercent > 0 ? "+" : ""}${formatValue(trend.changePercent, "percent", language)}` })}
        </>
      ) : null}
    </>
  );
  const d: KpiDashboard = dashboard;
  return (
    <>
      <p className="muted">
        {t("kpi.asOf", {
          from: formatDate(scope.period.firstDay, language),
          to: formatDate(scope.period.lastDay, language),
          granularity: t(`kpi.granularity.${scope.granularity}`),
        })}
      </p>
      <div className="kpi-grid">
        <Panel id="volume" title={t("kpi.panels.volume")}>
          <dl className="kpi-figures">
            <Figure metric="received" value={count(d.volume.received)} href={received} />
            <Figure metric="backlog" value={count(d.volume.backlog)} href={drill({ state: "open" })} />
          </dl>
          <Chart model={charts.volume} id="chart-volume" />
        </Panel>
        <Panel id="mttr" title={t("kpi.panels.mttr")}>
          <dl className="kpi-figures">
            <Figure
              metric="mttrCalendar"
              value={days(calendarDays(d.mttr.calendarMinutes))}
              href={resolved}
              note={t("kpi.labelValue", { label: t("kpi.metrics.resolvedCount"), value: count(d.mttr.count) })}
            />
            <Figure metric="mttrBusiness" value={days(businessDays(d.mttr.businessMinutes))} href={resolved} />
          </dl>
          <Chart model={charts.mttr} id="chart-mttr" />
        </Panel>
        <Panel id="sla" title={t("kpi.panels.sla")}>
          <dl className="kpi-figures">
            <Figure
              metric="firstResponse"
              value={percent(d.sla.firstResponse.rate)}
              href={received}
              note={`${t("kpi.metrics.met")} ${count(d.sla.firstResponse.met)} · ${t("kpi.metrics.breached")} ${count(d.sla.firstResponse.breached)} · ${t("kpi.metrics.pending")} ${count(d.sla.firstResponse.pending)}`}
            />
            <Figure
              metric="resolution"
              value={percent(d.sla.resolution.rate)}
              href={received}
              note={`${t("kpi.metrics.met")} ${count(d.sla.resolution.met)} · ${t("kpi.metrics.breached")} ${count(d.sla.resolution.breached)} · ${t("kpi.metrics.pending")} ${count(d.sla.resolution.pending)}`}
            />
          </dl>
          <Chart model={charts.sla} id="chart-sla" />
        </Panel>
        <Panel id="pareto" title={t("kpi.panels.pareto")}>
          <dl className="kpi-figures">
            <Figure metric="pareto" label={t("kpi.metrics.classified")} value={count(d.pareto.classified)} href={received} />
            <Figure
              metric="pareto"
              label={t("kpi.metrics.unclassified")}
              value={count(d.pareto.unclassified)}
              href={drill({ state: "all", on: "received", ...period, rootCause: "none" })}
            />
          </dl>
          <Chart model={charts.pareto} id="chart-pareto" />
        </Panel>
        <Panel id="recurrence" title={t("kpi.panels.recurrence")}>
          <Chart model={charts.recurrence} id="chart-recurrence" />
          <div className="table-scroll">
            <table className="data-table kpi-table">
              <caption>{t("kpi.panels.recurrence")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("kpi.review.columns.rootCause")}</th>
                  <th scope="col">{t("kpi.metrics.cases")}</th>
                  <th scope="col" title={t("kpi.defs.recurring")}>
                    {t("kpi.metrics.recurring")}
                  </th>
                  <th scope="col">{t("kpi.metrics.accounts")}</th>
                </tr>
              </thead>
              <tbody>
                {d.recurrence.rows.map((row) => (
                  <tr key={row.rootCause}>
                    <th scope="row">{row.label}</th>
                    <td>
                      <Link to={drill({ state: "all", on: "received", ...period, rootCause: row.rootCause })}>{count(row.cases)}</Link>
                    </td>
                    <td>{count(row.recurring)}</td>
                    <td>{count(row.accounts)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
        <Panel id="amounts" title={t("kpi.panels.amounts")}>
          <dl className="kpi-figures">
            <Figure metric="exposed" value={money(d.amounts.exposedCents)} href={received} />
            <Figure metric="credited" value={money(d.amounts.creditedCents)} href={resolved} />
            <Figure metric="recovered" value={money(d.amounts.recoveredCents)} href={resolved} />
            <Figure metric="legalCosts" value={money(d.amounts.legalCostsCents)} href={resolved} />
            <Figure metric="openExposed" value={money(d.amounts.openExposedCents)} href={drill({ state: "open" })} />
          </dl>
          <Chart model={charts.amounts} id="chart-amounts" />
        </Panel>
        <Panel id="dso" title={t("kpi.panels.dso")}>
          <dl className="kpi-figures">
            <Figure metric="dsoImpact" value={t("kpi.units.amountDays", { amount: money(d.dso.centDays) })} href={received} />
            <Figure metric="dsoAverage" value={days(d.dso.averageDays)} href={received} />
          </dl>
        </Panel>
        <Panel id="channels" title={t("kpi.panels.channels")}>
          <dl className="kpi-figures">
            <Figure
              metric="amicableRate"
              value={percent(d.resolutionChannels.amicableRate)}
              href={resolved}
              note={t("kpi.labelValue", { label: t("kpi.metrics.decided"), value: count(d.resolutionChannels.decided) })}
            />
            <Figure
              metric="litigationRate"
              value={percent(d.resolutionChannels.litigationRate)}
              href={drill({ state: "ended", on: "resolved", ...period, outcome: "judged" })}
            />
            <Figure metric="legalCostsAvoided" value={money(d.resolutionChannels.legalCostsAvoidedCents)} href={resolved} />
          </dl>
        </Panel>
        <Panel id="nps" title={t("kpi.panels.nps")}>
          <dl className="kpi-figures">
            <Figure
              metric="nps"
              value={formatValue(d.nps.nps, "score", language)}
              href={resolved}
              note={`${t("kpi.metrics.responses")} ${count(d.nps.responses)} · ${t("kpi.metrics.promoters")} ${count(d.nps.promoters)} · ${t("kpi.metrics.passives")} ${count(d.nps.passives)} · ${t("kpi.metrics.detractors")} ${count(d.nps.detractors)}`}
            />
          </dl>
          <Chart model={charts.nps} id="chart-nps" />
        </Panel>
        <Panel id="churn" title={t("kpi.panels.churn")}>
          <dl className="kpi-figures">
            <Figure
              metric="churnRate"
              value={percent(d.churn.rate)}
              href={resolved}
              note={`${t("kpi.metrics.churned")} ${count(d.churn.churned)} / ${count(d.churn.accounts)}`}
            />
          </dl>
        </Panel>
        <Panel id="corrective" title={t("kpi.panels.corrective")}>
          <dl className="kpi-figures">
            <Figure
              metric="reduction"
              value={percent(d.corrective.reductionPercent)}
              note={`${t("kpi.metrics.before")} ${count(d.corrective.before)} → ${t("kpi.metrics.after")} ${count(d.corrective.after)}`}
            />
          </dl>
          {d.corrective.actions.length > 0 ? (
            <div className="table-scroll">
              <table className="data-table kpi-table">
                <caption>{t("kpi.panels.corrective")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("kpi.review.columns.action")}</th>
                    <th scope="col">{t("kpi.review.columns.rootCause")}</th>
                    <th scope="col">{t("kpi.metrics.before")}</th>
                    <th scope="col">{t("kpi.metrics.after")}</th>
                    <th scope="col">{t("kpi.metrics.reduction")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.corrective.actions.map((action) => (
                    <tr key={action.id}>
                      <th scope="row">
                        <Link to={`/cases/${action.caseReference}`}>{action.title}</Link>
                      </th>
                      <td>{action.label}</td>
                      <td>{count(action.before)}</td>
                      <td>{count(action.after)}</td>
                      <td>{percent(action.reductionPercent)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Panel>
        <Panel id="gains" title={t("kpi.panels.gains")}>
          <dl className="kpi-figures">
            <Figure
              metric="costPerDispute"
              value={money(d.gains.costPerDisputeCents.current)}
              href={resolved}
              note={trendNote(d.gains.costPerDisputeCents, money)}
            />
            <Figure
              metric="creditNotesWithoutRootCause"
              value={count(d.gains.creditNotesWithoutRootCause.current)}
              href={drill({ state: "ended", on: "resolved", ...period, rootCause: "none" })}
              note={trendNote(d.gains.creditNotesWithoutRootCause, count)}
            />
            <Figure
              metric="penaltiesPaid"
              value={money(d.gains.penaltiesPaidCents.current)}
              href={resolved}
              note={trendNote(d.gains.penaltiesPaidCents, money)}
            />
          </dl>
        </Panel>
      </div>
    </>
  );
}
