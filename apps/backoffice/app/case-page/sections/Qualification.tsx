/** Qualification: the impact score and its factors, then the qualification form (or the assignment form for who only assigns). */
import type { StaffCase } from "@accord/core";
import { DataTable, formatMoney } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { useTranslation } from "react-i18next";
import { Section, type SectionProps } from "../parts";
import { AssignForm, QualifyForm } from "./QualifyForm";

type Factor = StaffCase["impact"]["factors"][number];

export function Qualification({ page, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const impact = page.impact;
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 2 });
  const factorDetail = (factor: Factor) => {
    const d = factor.detail;
    if (factor.factor === "penaltyClause") return d.penaltyClause ? t("casePage.impact.yes") : t("casePage.impact.no");
    if (factor.factor === "tier") return translateKey(t, `casePage.customer.tiers.${String(d.tier)}`);
    if (factor.factor === "revenueShare") return d.sharePercent === null ? t("casePage.impact.unknown") : t("casePage.impact.percent", { value: number.format(Number(d.sharePercent)) });
    if (factor.factor === "amount") return formatMoney(Number(d.disputedCents), page.case.currency, i18n.language);
    return t("casePage.impact.count", { count: Number(d.count) });
  };
  return (
    <Section id="qualification" title={t("casePage.sections.qualification")}>
      <p>
        <strong>{t("casePage.impact.title", { score: number.format(impact.score) })}</strong> —{" "}
        <span data-testid="implied-priority">{t("casePage.impact.implies", { priority: impact.priority })}</span>
      </p>
      <DataTable
        caption={t("casePage.impact.caption")}
        rows={impact.factors}
        rowKey={(f) => f.factor}
        empty={null}
        columns={[
          { key: "factor", header: t("casePage.impact.factor"), rowHeader: true, cell: (f) => t(`casePage.impact.factors.${f.factor}`) },
          { key: "detail", header: t("casePage.impact.detail"), cell: factorDetail },
          { key: "points", header: t("casePage.impact.points"), align: "end", cell: (f) => t("casePage.impact.outOf", { points: number.format(f.points), weight: number.format(f.weight) }) },
        ]}
      />
      {page.can.qualify ? <QualifyForm page={page} actionData={actionData} /> : page.can.assign ? <AssignForm page={page} actionData={actionData} /> : null}
    </Section>
  );
}
