/** The root cause of the case (from the administered list) and its analysis. */
import type { SetRootCauseInput } from "@accord/core";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { bind, SelectField, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm, type SectionProps } from "../parts";

export function RootCause({ page, actionData }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<SetRootCauseInput>("rootCause", actionData);
  const label = (r: { labelFr: string; labelEn: string }) => (i18n.language === "en" ? r.labelEn : r.labelFr);
  const current = page.options.rootCauses.find((r) => r.code === page.case.rootCauseCode);
  return (
    <Section id="root-cause" title={t("casePage.sections.rootCause")}>
      <p>{current ? t("casePage.rootCause.current", { label: label(current) }) : (page.case.rootCauseCode ?? t("casePage.rootCause.none"))}</p>
      {page.case.rootCauseAnalysis ? <p style={{ whiteSpace: "pre-line" }}>{page.case.rootCauseAnalysis}</p> : null}
      {page.can.setRootCause ? (
        <IntentForm form={form}>
          <SelectField
            id="root-cause-code"
            label={t("casePage.rootCause.code")}
            {...bind(fields.code, page.case.rootCauseCode ?? "")}
            options={[{ value: "", label: t("casePage.rootCause.choose") }, ...page.options.rootCauses.map((r) => ({ value: r.code, label: label(r) }))]}
          />
          <TextareaField id="root-cause-analysis" label={t("casePage.rootCause.analysis")} {...bind(fields.analysis, page.case.rootCauseAnalysis ?? "")} />
          <SubmitRow>{t("casePage.rootCause.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
