/** The case at a glance: where it stands, what comes next and who it waits on, what the claim is about. */
import { formatDateTime, formatMoney } from "@accord/ui";
import { ClaimDetails } from "@accord/web/components/ClaimDetails";
import type { MessageKey } from "@accord/web/i18n";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section, type SectionProps } from "../parts";

export function Summary({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const c = page.case;
  const rows: [MessageKey, ReactNode][] = [
    ["cases.page.status", <span className="badge">{t(c.nextStep.statusKey)}</span>],
    ["cases.page.nextStep", t(c.nextStep.nextKey)],
    ["cases.page.waitsOn", t(`cases.owner.${c.nextStep.owner}`)],
    ["cases.page.type", t(`cases.type.${c.type}`)],
    ["cases.page.received", formatDateTime(c.receivedAt, i18n.language)],
    ["cases.page.channel", t(`cases.channel.${c.channel}`)],
    ["cases.page.contact", c.contactName],
    ["cases.page.amount", formatMoney(c.disputedAmountCents, c.currency, i18n.language)],
  ];
  if (c.desiredOutcome) rows.push(["cases.page.desiredOutcome", t(`claims.new.outcomes.${c.desiredOutcome}`, { defaultValue: "" })]);
  return (
    <Section id="summary" title={t("cases.page.summary")}>
      <dl className="definition-list">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <h3>{t("cases.page.description")}</h3>
      <p className="preserve-lines">{c.description}</p>
      <ClaimDetails title={t("cases.page.details")} details={c.details} desiredOutcome={null} />
    </Section>
  );
}
