/** The case at a glance: status, kind, priority and type, team, assignee, reception, SLA badges; a merged case and admissibility warnings. */
import type { StaffCase } from "@accord/core";
import { Alert, formatDateTime } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function Summary({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const c = page.case;
  const sla = page.sla;
  return (
    <>
      <dl className="definition-list" aria-label={t("casePage.title", { reference: c.reference })}>
        <dt>{t("casePage.statusLabel")}</dt>
        <dd>
          <span className="badge" data-testid="case-status">
            {t(`caseStatus.${c.status}`)}
          </span>
        </dd>
        <dt>{t("casePage.kindLabel")}</dt>
        <dd>{t(`casePage.kind.${c.kind}`)}</dd>
        <dt>{t("casePage.priorityLabel")}</dt>
        <dd>
          <span className="badge">{c.priority}</span> {t(`caseType.${c.type}`)}
        </dd>
        <dt>{t("casePage.team")}</dt>
        <dd>{c.team?.name ?? t("casePage.noTeam")}</dd>
        <dt>{t("casePage.assignee")}</dt>
        <dd>{c.assignee?.name ?? t("casePage.unassigned")}</dd>
        <dt>{t("casePage.receivedLabel")}</dt>
        <dd>
          {formatDateTime(c.receivedAt, i18n.language)} — {t("casePage.channel", { channel: t(`casePage.channels.${c.channel}`) })}
        </dd>
        {sla ? (
          <>
            <dt>{t("casePage.sections.sla")}</dt>
            <dd>
              <span className="badge">
                {t("casePage.sla.badge", { target: t("casePage.sla.firstResponse"), state: t(`casePage.sla.state.${sla.firstResponse.state}`) })}
              </span>{" "}
              <span className="badge">
                {t("casePage.sla.badge", { target: t("casePage.sla.resolution"), state: t(`casePage.sla.state.${sla.resolution.state}`) })}
              </span>{" "}
              {sla.paused ? <span className="badge">{t("casePage.sla.paused")}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {c.mergedIntoReference ? (
        <Alert tone="info">
          <Link to={`/cases/${c.mergedIntoReference}`}>{t("casePage.mergedInto", { reference: c.mergedIntoReference })}</Link>
        </Alert>
      ) : null}
      {page.admissibilityWarnings.length > 0 ? (
        <Alert tone="warning" title={t("casePage.warnings.title")}>
          <ul>
            {page.admissibilityWarnings.map((warning) => (
              <li key={warning.code}>{t(`casePage.warnings.${warning.code}`, warning.params as Record<string, string | number>)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
