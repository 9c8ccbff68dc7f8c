/** The evidence shared on the case: each file, its size, when and by whom it was added. */
import { formatDateTime, formatFileSize } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { FileLink, TableSection, type SectionProps } from "../parts";

export function Evidence({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  return (
    <TableSection
      id="evidence"
      strings="cases.page.evidence"
      rows={page.evidence}
      columns={[
        { key: "name", header: t("cases.page.evidence.name"), rowHeader: true, cell: (file) => <FileLink reference={page.case.reference} file={file} /> },
        { key: "size", header: t("cases.page.evidence.size"), align: "end", cell: (file) => formatFileSize(file.sizeBytes, i18n.language) },
        { key: "added", header: t("cases.page.evidence.added"), cell: (file) => formatDateTime(file.createdAt, i18n.language) },
        { key: "by", header: t("cases.page.evidence.by"), cell: (file) => t(`cases.page.evidence.uploadedBy.${file.uploadedByKind}`) },
      ]}
    />
  );
}
