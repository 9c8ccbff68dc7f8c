/** The price check of a price and billing case: for each line, the invoiced, agreed (indexed) and contracted unit prices and the difference. */
import type { PriceCheckLine, StaffCase } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatDecimalText, formatMoney, formatMonth } from "@accord/ui";
import { useTranslation } from "react-i18next";

export function PriceCheck({ page, priceCheck }: { page: StaffCase; priceCheck: PriceCheckLine[] }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number | null) => (cents === null ? t("casePage.none") : formatMoney(cents, page.case.currency, i18n.language));
  return (
    <>
      <h3 id="price-check">{t("casePage.sections.priceCheck")}</h3>
      <DataTable
        caption={t("casePage.priceCheck.caption")}
        captionVisible
        rows={priceCheck}
        rowKey={(line) => line.caseLineId}
        empty={<EmptyState title={t("casePage.lines.none")} />}
        columns={[
          { key: "line", header: t("casePage.lines.invoice"), rowHeader: true, cell: (l) => `${l.invoiceNumber} / ${l.lineNo} (${formatDate(l.issueDate, i18n.language)})` },
          { key: "invoiced", header: t("casePage.priceCheck.invoiced"), align: "end", cell: (l) => money(l.invoicedUnitPriceCents) },
          {
            key: "agreed",
            header: t("casePage.priceCheck.agreed"),
            cell: (l) =>
              l.indexation
                ? `${money(l.agreedUnitPriceCents)} — ` + t("casePage.priceCheck.indexed", {
                    index: l.indexation.indexCode,
                    month: formatMonth(l.indexation.month, i18n.language),
                    value: l.indexation.value === null ? "?" : formatDecimalText(l.indexation.value, i18n.language),
                    base: formatDecimalText(l.indexation.baseValue, i18n.language),
                  })
                : money(l.agreedUnitPriceCents),
          },
          { key: "contracted", header: t("casePage.priceCheck.contracted"), align: "end", cell: (l) => money(l.contractedUnitPriceCents) },
          {
            key: "difference",
            header: t("casePage.priceCheck.difference"),
            align: "end",
            // The difference when the check could compute one, otherwise why it could not.
            cell: (l) => (l.differenceCents !== null ? money(l.differenceCents) : t(`casePage.priceCheck.status.${l.status}`)),
          },
        ]}
      />
    </>
  );
}
