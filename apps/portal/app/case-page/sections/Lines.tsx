/** The disputed invoice lines: what was invoiced, what is disputed, for how much. */
import { formatMoney, formatQuantity } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { TableSection, type SectionProps } from "../parts";

export function Lines({ page }: SectionProps) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, page.case.currency, i18n.language);
  const quantity = (milli: number, unit: string) => t("cases.page.lines.quantity", { quantity: formatQuantity(milli, i18n.language), unit });
  const price = (cents: number, unit: string) => t("cases.page.lines.price", { price: money(cents), unit });
  return (
    <TableSection
      id="lines"
      strings="cases.page.lines"
      rows={page.lines}
      columns={[
        { key: "invoice", header: t("cases.page.lines.invoice"), rowHeader: true, cell: (line) => `${line.invoiceNumber} / ${line.lineNo}` },
        { key: "description", header: t("cases.page.lines.description"), cell: (line) => line.description },
        {
          key: "invoiced",
          header: t("cases.page.lines.invoiced"),
          cell: (line) => (
            <>
              {quantity(line.quantityMilli, line.unit)}
              <br />
              {price(line.unitPriceCents, line.unit)}
            </>
          ),
        },
        {
          key: "contested",
          header: t("cases.page.lines.contested"),
          cell: (line) => (
            <>
              {line.contestedQuantityMilli !== null ? quantity(line.contestedQuantityMilli, line.unit) : null}
              {line.contestedQuantityMilli !== null && line.contestedUnitPriceCents !== null ? <br /> : null}
              {line.contestedUnitPriceCents !== null ? price(line.contestedUnitPriceCents, line.unit) : null}
            </>
          ),
        },
        { key: "amount", header: t("cases.page.lines.amount"), align: "end", cell: (line) => money(line.disputedAmountCents) },
      ]}
    />
  );
}
