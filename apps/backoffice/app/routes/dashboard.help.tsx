/** « Définitions des indicateurs »: how each figure of the steering dashboard is computed (ADR 0040). */
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/dashboard.help";
import { staffRoute } from "../.server/actor";
import { KPI_DEFINITIONS } from "../kpi/definitions";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  await staffRoute(args, "kpi:read");
  return null;
}

export default function KpiHelp() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("kpi.help.title")} description={t("kpi.help.description")} />
      <p>
        <Link to="/dashboard">{t("kpi.help.back")}</Link>
      </p>
      <p>{t("kpi.help.common")}</p>
      {(Object.keys(KPI_DEFINITIONS) as (keyof typeof KPI_DEFINITIONS)[]).map((panel) => (
        <section key={panel} aria-labelledby={`help-${panel}`} className="card">
          <h2 id={`help-${panel}`}>{t(`kpi.panels.${panel}`)}</h2>
          <dl className="definition-list">
            {KPI_DEFINITIONS[panel].map((metric) => (
              <div key={metric} id={`def-${metric}`}>
                <dt>{t(`kpi.metrics.${metric}`)}</dt>
                <dd>{t(`kpi.defs.${metric}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p>{t("kpi.help.settings")}</p>
    </>
  );
}
