/** The price check of a price and billing case: for each line, the invoiced, agreed (indexed) and contracted unit prices and the difference. */
import type { PriceCheckLine, StaffCase } from "@accord/core";
import { DataTable, EmptyState, formatDate, formatMoney } from "@accord/ui";
import { useTranslation } from "react-i18next";

export function PriceCheck({ page, priceCheck }: { page: StaffCase; priceCheck: PriceCheckLine[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "fr-FR";
  // A stored decimal ("113.6", "110.0") in the reader's notation, with the digits it was recorded with.
  const decimal = (text: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: text.split(".")[1]?.length ?? 0 }).format(Number(text));
  // "2026-10-01" as "octobre 2026" / "October 2026".
  const monthOf = (iso: string) => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
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
                    month: monthOf(l.indexation.month),
                    value: l.indexation.value === null ? "?" : decimal(l.indexation.value),
                    base: decimal(l.indexation.baseValue),
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
