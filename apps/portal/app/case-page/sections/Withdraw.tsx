/** The way to withdraw the case (its confirmation page asks for the reason). */
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Section, type SectionProps } from "../parts";

export function Withdraw({ page }: SectionProps) {
  const { t } = useTranslation();
  return (
    <Section id="withdraw" title={t("cases.page.withdraw.title")}>
      <p>{t("cases.page.withdraw.description")}</p>
      <p>
        <Link to={`/cases/${page.case.reference}/withdraw`} className="button button--danger">
          {t("cases.page.withdraw.link")}
        </Link>
      </p>
    </Section>
  );
}
