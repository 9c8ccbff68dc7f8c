/** The evidence of the case (who added each file, its visibility), and the form to add files. */
import type { AddStaffEvidenceInput } from "@accord/core";
import { formatDateTime } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import { CaseUploader, ChoiceGroup, initial, SubmitRow } from "../fields";
import { Section, SectionTable, useCaseForm, type SectionProps } from "../parts";

export function Evidence({ page, actionData, maxUploadBytes }: SectionProps & { maxUploadBytes: number }) {
  const { t, i18n } = useTranslation();
  const [form, fields] = useCaseForm<AddStaffEvidenceInput>("evidence", actionData);
  const visibilities = page.can.evidenceVisibilities;
  return (
    <Section id="evidence" title={t("casePage.sections.evidence")}>
      <SectionTable
        name="evidence"
        rows={page.evidence}
        columns={[
          {
            key: "file",
            header: t("casePage.evidence.file"),
            rowHeader: true,
            cell: (e) => (
              <a href={`/cases/${page.case.reference}/evidence/${e.id}`} download aria-label={t("casePage.evidence.download", { name: e.fileName })}>
                {e.fileName}
              </a>
            ),
          },
          { key: "visibility", header: t("casePage.evidence.visibility"), cell: (e) => t(`casePage.evidence.visibilities.${e.visibility}`) },
          { key: "by", header: t("casePage.evidence.by"), cell: (e) => e.uploadedByName ?? t("casePage.none") },
          { key: "date", header: t("casePage.evidence.date"), cell: (e) => formatDateTime(e.createdAt, i18n.language) },
        ]}
      />
      {visibilities.length > 0 ? (
        <IntentForm form={form} encType="multipart/form-data">
          <h3>{t("casePage.evidence.add")}</h3>
          <ChoiceGroup
            id="evidence-visibility"
            legend={t("casePage.evidence.visibilityLegend")}
            name="visibility"
            type="radio"
            defaultValues={[initial(fields.visibility.initialValue, "internal")]}
            options={visibilities.map((v) => ({ value: v, label: t(`casePage.evidence.visibilities.${v}`) }))}
            errors={fields.visibility.errors}
          />
          <CaseUploader id="evidence-files" label={t("casePage.evidence.files")} intent="evidence" actionData={actionData} maxUploadBytes={maxUploadBytes} errors={fields.uploadIds.errors} />
          <SubmitRow>{t("casePage.evidence.submit")}</SubmitRow>
        </IntentForm>
      ) : null}
    </Section>
  );
}
