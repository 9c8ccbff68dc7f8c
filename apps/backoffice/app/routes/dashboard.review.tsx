/**
 * « Revue mensuelle »: the review committee's pack for a month (issue 15 point 5, ADR 0040): the
 * month's figures and charts, top disputes, SLA breaches, root causes, decisions, corrective actions
 * and their follow-up, the gains; the same document as CSV and PDF.
 */
import type { ReportSection } from "@accord/core";
import { Alert, Chart, Field, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/dashboard.review";
import { KpiFilters } from "../kpi/KpiFilters";
import { loadReview } from "../kpi/review.server";
import dashboardStyles from "../styles/dashboard.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: dashboardStyles }];

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  return loadReview(args);
}

function Section({ section }: { section: ReportSection }) {
  const { t } = useTranslation();
  return (
    <section className="card review-section" aria-labelledby={`review-${section.id}`}>
      <h2 id={`review-${section.id}`}>{section.heading}</h2>
      {section.figures && section.figures.length > 0 ? (
        <dl className="kpi-figures">
          {section.figures.map((figure, index) => (
            <div className="kpi-figure" key={index} title={figure.definition}>
              <dt>{figure.label}</dt>
              <dd>
                <span className="kpi-figure__value">
                  {figure.href ? (
                    <Link to={figure.href} aria-label={`${figure.value} — ${t("kpi.openCases")}`}>
                      {figure.value}
                    </Link>
                  ) : (
                    figure.value
                  )}
                </span>
                {figure.definition ? <span className="visually-hidden"> {figure.definition}</span> : null}
                {figure.note ? <span className="kpi-figure__note">{figure.note}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {section.charts?.map((chart, index) => (
        <Chart key={index} model={chart} id={`review-${section.id}-chart-${index}`} />
      ))}
      {section.table ? (
        section.table.rows.length === 0 ? (
          <p className="muted">{section.table.empty}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table kpi-table">
              <caption className="visually-hidden">{section.table.caption}</caption>
              <thead>
                <tr>
                  {section.table.columns.map((column) => (
                    <th scope="col" key={column}>
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.table.rows.map((row, index) => (
                  <tr key={index}>
                    {row.cells.map((cell, k) =>
                      k === 0 ? (
                        <th scope="row" key={k}>
                          {row.href ? <Link to={row.href}>{cell}</Link> : cell}
                        </th>
                      ) : (
                        <td key={k}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}

export default function Review({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { form, options, doc, message, fieldErrors } = loaderData;
  const query = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== "")).toString();
  return (
    <>
      <PageHeader
        title={doc ? doc.title : t("kpi.review.title")}
        description={t("kpi.review.description")}
        actions={<Link to="/dashboard">{t("kpi.help.back")}</Link>}
      />
      <KpiFilters
        idPrefix="review"
        form={form}
        options={options}
        fieldErrors={fieldErrors}
        submit={t("kpi.review.submit")}
        period={<Field name="month" id="review-month" type="month" label={t("kpi.review.month")} defaultValue={form.month} errors={fieldErrors.month} />}
      />
      {message ? <Alert tone="error">{message}</Alert> : null}
      {doc ? (
        <>
          <p className="review-actions">
            <a className="button button--secondary" href={`/dashboard/review.csv?${query}`} download>
              {t("kpi.review.csv")}
            </a>{" "}
            <a className="button button--secondary" href={`/dashboard/review.pdf?${query}`} download>
              {t("kpi.review.pdf")}
            </a>
          </p>
          <p className="muted">{doc.subtitle}</p>
          {doc.sections.map((section) => (
            <Section key={section.id} section={section} />
          ))}
        </>
      ) : null}
    </>
  );
}
