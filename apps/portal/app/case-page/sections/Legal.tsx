/** What the customer sees of a litigation: that our legal department handles the case, and the documents it shared. Nothing else. */
import { useTranslation } from "react-i18next";
import { FileLinks, Section, type SectionProps } from "../parts";

export function Legal({ page }: SectionProps) {
  const { t } = useTranslation();
  const legal = page.legal;
  if (!legal.handledByLegal && legal.documents.length === 0) return null;
  return (
    <Section id="legal" title={t("cases.page.legal.title")}>
      {legal.handledByLegal ? <p data-testid="legal-handled">{t("cases.page.legal.handled")}</p> : null}
      {legal.documents.length > 0 ? (
        <>
          <h3>{t("cases.page.legal.documents")}</h3>
          <FileLinks reference={page.case.reference} files={legal.documents} />
        </>
      ) : null}
    </Section>
  );
}
