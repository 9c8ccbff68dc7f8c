/** The customer panel: account, tier, payment term, revenue, contract clauses, contact, other open cases and recurrences. */
import type { StaffCase } from "@accord/core";
import { formatDate, formatDecimalText, formatMoney } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ListOrNone, Section } from "../parts";

export function Customer({ page }: { page: StaffCase }) {
  const { t, i18n } = useTranslation();
  const { account, contact } = page.customer;
  const clauses = account.clauses;
  return (
    <Section id="customer" title={t("casePage.sections.customer")}>
      <dl className="definition-list">
        <dt>{t("casePage.customer.account")}</dt>
        <dd>{account.name}</dd>
        <dt>{t("casePage.customer.tier")}</dt>
        <dd>{t(`casePage.customer.tiers.${account.tier}`)}</dd>
        <dt>{t("casePage.customer.paymentTerm")}</dt>
        <dd>{t(`casePage.customer.paymentTerms.${account.paymentTerm.kind}`, { count: account.paymentTerm.days })}</dd>
        <dt>{t("casePage.customer.revenue")}</dt>
        <dd>{account.yearlyRevenueCents === null ? t("casePage.none") : formatMoney(account.yearlyRevenueCents, page.case.currency, i18n.language)}</dd>
        <dt>{t("casePage.customer.clauses")}</dt>
        <dd>
          <ul>
            <li>
              {clauses.claimDeadlineDays === null
                ? t("casePage.customer.noClaimDeadline")
                : t("casePage.customer.claimDeadline", { count: clauses.claimDeadlineDays })}
            </li>
            <li>{clauses.penalty?.applies ? t("casePage.customer.penalty") : t("casePage.customer.noPenalty")}</li>
            <li>{clauses.mediation?.applies ? t("casePage.customer.mediation") : t("casePage.customer.noMediation")}</li>
            {clauses.priceIndexation ? (
              <li>{t("casePage.customer.indexation", { index: clauses.priceIndexation.index, base: formatDecimalText(clauses.priceIndexation.baseValue, i18n.language) })}</li>
            ) : null}
          </ul>
        </dd>
        <dt>{t("casePage.customer.contact")}</dt>
        <dd>
          {contact.name} — {contact.email}
        </dd>
      </dl>
      <h3>{t("casePage.customer.openCases")}</h3>
      <ListOrNone items={page.customer.otherOpenCases} none={t("casePage.customer.noOpenCases")}>
        {(other) => (
          <li key={other.reference}>
            <Link to={`/cases/${other.reference}`}>{other.reference}</Link> — {other.title} ({t(`caseStatus.${other.status}`)})
          </li>
        )}
      </ListOrNone>
      <h3>{t("casePage.customer.recurrences", { days: page.customer.recurrenceWindowDays })}</h3>
      <p className="muted">{t(`casePage.customer.recurrenceBasis.${page.customer.recurrenceBasis}`)}</p>
      <ListOrNone items={page.customer.recurrences} none={t("casePage.customer.noRecurrences")}>
        {(other) => (
          <li key={other.reference}>
            <Link to={`/cases/${other.reference}`}>{other.reference}</Link> — {other.title} ({formatDate(other.receivedAt, i18n.language)})
          </li>
        )}
      </ListOrNone>
    </Section>
  );
}
