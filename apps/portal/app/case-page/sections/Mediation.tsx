/** The mediation on the case page: « En médiation » in plain words (what happens next), the mediator, the outcome once known, and the session notes shared with the customer (never the internal ones). */
import { Facts, formatDate } from "@accord/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section, type SectionProps } from "../parts";

export function Mediation({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const m = page.mediation;
  if (!m) return null;
  const running = m.endedAt === null;
  const rows: [ReactNode, ReactNode][] = [
    [t("cases.page.mediation.mediator"), m.mediatorName],
    [t("cases.page.mediation.organisation"), m.organisation ?? t("cases.page.mediation.independent")],
    [t("cases.page.mediation.since"), formatDate(m.startedAt, i18n.language)],
    ...(m.outcome ? ([[t("cases.page.mediation.outcome"), t(`cases.page.mediation.outcomes.${m.outcome}`)]] as [ReactNode, ReactNode][]) : []),
  ];
  return (
    <Section id="mediation" title={t("cases.page.mediation.title")}>
      {running && page.case.status === "mediation" ? (
        <div data-testid="mediation-explanation">
          <p>
            <strong>{t("cases.page.mediation.inMediation")}</strong>
          </p>
          <p>{t("cases.page.mediation.explanation")}</p>
        </div>
      ) : null}
      <Facts rows={rows} />
      <h3>{t("cases.page.mediation.sessions")}</h3>
      {m.sessions.length === 0 ? (
        <p>{t("cases.page.mediation.noSession")}</p>
      ) : (
        <ul className="stack" data-testid="mediation-sessions">
          {m.sessions.map((session) => (
            <li key={session.id}>
              <strong>{t("cases.page.mediation.session", { date: formatDate(session.heldOn, i18n.language) })}</strong>
              <Facts
                wrap
                rows={[
                  [t("cases.page.mediation.participants"), session.participants],
                  [t("cases.page.mediation.notes"), session.notes],
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
