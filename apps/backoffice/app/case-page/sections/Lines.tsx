/** The contested lines: invoice line, invoiced and contested quantity and price, the disputed amount; the price check below. */
import type { PriceCheckLine, StaffCase } from "@accord/core";
import { formatMoney, formatQuantity, type Column } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Section, SectionTable } from "../parts";
import { PriceCheck } from "./PriceCheck";

export function Lines({ page, priceCheck }: { page: StaffCase; priceCheck: PriceCheckLine[] | null }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number | null) => (cents === null ? t("casePage.none") : formatMoney(cents, page.case.currency, i18n.language));
  // "8 sacs", "12,5 kg": the unit agrees with the quantity when the catalogue knows it.
  const amountOf = (milli: number | null, unit: string) =>
    milli === null ? t("casePage.none") : t(`casePage.lines.units.${unit}`, { count: milli / 1000, quantity: formatQuantity(milli, i18n.language), defaultValue: `${formatQuantity(milli, i18n.language)} ${unit}` });
  const columns: Column<StaffCase["lines"][number]>[] = [
    { key: "invoice", header: t("casePage.lines.invoice"), rowHeader: true, cell: (l) => `${l.invoiceNumber} / ${l.lineNo}` },
    { key: "description", header: t("casePage.lines.description"), cell: (l) => [l.productCode ? `${l.description} (${l.productCode})` : l.description, l.lotNumber ? t("casePage.lines.lot", { lot: l.lotNumber }) : null].filter(Boolean).join(" — ") },
    {
      key: "invoiced",
      header: t("casePage.lines.invoiced"),
      align: "end",
      cell: (l) => `${amountOf(l.quantityMilli, l.unit)} × ${money(l.unitPriceCents)}`,
    },
    {
      key: "contested",
      header: t("casePage.lines.contested"),
      align: "end",
      cell: (l) =>
        [
          l.contestedQuantityMilli !== null ? amountOf(l.contestedQuantityMilli, l.unit) : null,
          l.contestedUnitPriceCents !== null ? money(l.contestedUnitPriceCents) : null,
        ]
          .filter(Boolean)
          .join(" — "),
    },
    { key: "disputed", header: t("casePage.lines.disputed"), align: "end", cell: (l) => money(l.disputedAmountCents) },
  ];
  return (
    <Section id="lines" title={t("casePage.sections.lines")}>
      <SectionTable name="lines" rows={page.lines} columns={columns} />
      <p>
        <strong>{t("casePage.lines.total", { amount: money(page.case.disputedAmountCents) })}</strong>
      </p>
      {priceCheck ? <PriceCheck page={page} priceCheck={priceCheck} /> : null}
    </Section>
  );
}
