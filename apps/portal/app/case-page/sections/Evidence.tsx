/** The evidence shared on the case: each file, its size, when and by whom it was added. */
import { DataTable, EmptyState, formatDateTime, formatFileSize } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { FileLink, Section, type SectionProps } from "../parts";

export function Evidence({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="evidence" title={t("cases.page.evidence.title")} card={false}>
      <DataTable
        caption={t("cases.page.evidence.caption")}
        rows={page.evidence}
        rowKey={(file) => file.id}
        empty={<EmptyState title={t("cases.page.evidence.empty")} />}
        columns={[
          { key: "name", header: t("cases.page.evidence.name"), rowHeader: true, cell: (file) => <FileLink reference={page.case.reference} file={file} /> },
          { key: "size", header: t("cases.page.evidence.size"), align: "end", cell: (file) => formatFileSize(file.sizeBytes, i18n.language) },
          { key: "added", header: t("cases.page.evidence.added"), cell: (file) => formatDateTime(file.createdAt, i18n.language) },
          { key: "by", header: t("cases.page.evidence.by"), cell: (file) => t(`cases.page.evidence.uploadedBy.${file.uploadedByKind}`) },
        ]}
      />
    </Section>
  );
}
