/** The case at a glance, kept in view: status, kind, priority and type, SLA, disputed amount, customer, team and assignee, and the links to the page's parts. */
import type { StaffCase } from "@accord/core";
import { Alert, formatDate, formatDateTime, formatMoney } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

const PARTS = ["actions", "conversation", "instruction", "context", "timeline"] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A warning's values in the reader's words: calendar days as dates, the days late as the plural's count. */
function warningParams(params: Readonly<Record<string, string | number>>, language: string): Record<string, string | number> {
  const words: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) words[key] = typeof value === "string" && ISO_DAY.test(value) ? formatDate(value, language) : value;
  if (typeof params.daysLate === "number") words.count = params.daysLate;
  return words;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Summary({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const c = page.case;
  const sla = page.sla;
  return (
    <>
      <div className="case-page__summary">
        <dl className="case-page__facts" aria-label={t("casePage.title", { reference: c.reference })}>
          <Fact label={t("casePage.statusLabel")}>
            <span className="badge" data-testid="case-status">
              {t(`caseStatus.${c.status}`)}
            </span>
          </Fact>
          <Fact label={t("casePage.kindLabel")}>{t(`casePage.kind.${c.kind}`)}</Fact>
          <Fact label={t("casePage.priorityLabel")}>
            <span className="badge">{c.priority}</span> {t(`caseType.${c.type}`)}
          </Fact>
          {sla ? (
            <Fact label={t("casePage.sections.sla")}>
              <span className="badge">{t("casePage.sla.badge", { target: t("casePage.sla.firstResponse"), state: t(`casePage.sla.state.${sla.firstResponse.state}`) })}</span>{" "}
              <span className="badge">{t("casePage.sla.badge", { target: t("casePage.sla.resolution"), state: t(`casePage.sla.state.${sla.resolution.state}`) })}</span>{" "}
              {sla.paused ? <span className="badge">{t("casePage.sla.paused")}</span> : null}
            </Fact>
          ) : null}
          <Fact label={t("casePage.disputedLabel")}>{formatMoney(c.disputedAmountCents, c.currency, i18n.language)}</Fact>
          <Fact label={t("casePage.customerLabel")}>{page.customer.account.name}</Fact>
          <Fact label={t("casePage.team")}>{c.team?.name ?? t("casePage.noTeam")}</Fact>
          <Fact label={t("casePage.assignee")}>{c.assignee?.name ?? t("casePage.unassigned")}</Fact>
          <Fact label={t("casePage.receivedLabel")}>
            {formatDateTime(c.receivedAt, i18n.language)} — {t("casePage.channel", { channel: t(`caseChannel.${c.channel}`) })}
          </Fact>
        </dl>
        <nav className="case-page__nav" aria-label={t("casePage.nav.label")}>
          <ul>
            {PARTS.map((part) => (
              <li key={part}>
                <a href={`#${part}`}>{t(`casePage.nav.${part}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {c.mergedIntoReference ? (
        <Alert tone="info">
          <Link to={`/cases/${c.mergedIntoReference}`}>{t("casePage.mergedInto", { reference: c.mergedIntoReference })}</Link>
        </Alert>
      ) : null}
      {page.admissibilityWarnings.length > 0 ? (
        <Alert tone="warning" title={t("casePage.warnings.title")}>
          <ul>
            {page.admissibilityWarnings.map((warning) => (
              <li key={warning.code}>{t(`casePage.warnings.${warning.code}`, warningParams(warning.params, i18n.language))}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
