/** The reasoning of the suggested amount: each contested line (quantity, contract price check, total), the similar cases, the basis. */
import type { ProposalSuggestion } from "@accord/core";
import { formatDecimalText, formatMoney, formatMonth, formatQuantity } from "@accord/ui";
import { useTranslation } from "react-i18next";

type Line = ProposalSuggestion["lines"][number];

export function SuggestionReasoning({ suggestion: s }: { suggestion: ProposalSuggestion }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number | null) => (cents === null ? t("casePage.none") : formatMoney(cents, s.currency, i18n.language));
  const share = (bp: number) => new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 }).format(bp / 10_000);
  // The case page's price check wording: the agreement's price, indexed, or why there is none.
  const contract = (l: Line) => {
    if (l.status !== "ok") return t(`casePage.priceCheck.status.${l.status}`);
    const indexed = l.indexation
      ? ` — ${t("casePage.priceCheck.indexed", {
          index: l.indexation.indexCode,
          month: formatMonth(l.indexation.month, i18n.language),
          value: l.indexation.value === null ? "?" : formatDecimalText(l.indexation.value, i18n.language),
          base: formatDecimalText(l.indexation.baseValue, i18n.language),
        })}`
      : "";
    return `${t("casePage.priceCheck.contracted")} ${money(l.contractedUnitPriceCents)}${indexed}`;
  };
  const similar = s.suggestion.similar;
  return (
    <section className="card stack" aria-labelledby="reasoning-title">
      <h2 id="reasoning-title">{t("settlement.propose.reasoning")}</h2>
      <h3>{t("settlement.propose.linesCaption")}</h3>
      {s.lines.length === 0 ? <p>{t("casePage.lines.none")}</p> : null}
      <ol className="stack" data-testid="suggestion-lines">
        {s.lines.map((l) => (
          <li key={l.caseLineId}>
            <strong>{t("settlement.propose.line", { line: `${l.invoiceNumber} / ${l.lineNo} — ${l.description}` })}</strong>
            <dl className="definition-list">
              <dt>{t("settlement.propose.quantityPart")}</dt>
              <dd>
                {l.contestedQuantityMilli === null
                  ? t("settlement.propose.noQuantity")
                  : t("settlement.propose.quantity", { quantity: formatQuantity(l.contestedQuantityMilli, i18n.language), unit: l.unit, price: money(l.invoicedUnitPriceCents), total: money(l.suggested.quantityCents) })}
              </dd>
              <dt>{t("settlement.propose.contract")}</dt>
              <dd>{contract(l)}</dd>
              <dt>{t("settlement.propose.pricePart")}</dt>
              <dd>{t(`settlement.propose.priceBasis.${l.suggested.priceBasis}`, { reference: money(l.suggested.referenceUnitPriceCents), invoiced: money(l.invoicedUnitPriceCents), total: money(l.suggested.priceCents) })}</dd>
              <dt>{t("settlement.propose.suggestedTotal")}</dt>
              <dd>{money(l.suggested.totalCents)}</dd>
            </dl>
          </li>
        ))}
      </ol>
      <h3>{t("settlement.propose.similarTitle")}</h3>
      <p data-testid="similar-cases">
        {similar
          ? t("settlement.propose.similar", { count: similar.count, median: share(similar.medianShareBp), min: share(similar.minShareBp), max: share(similar.maxShareBp) })
          : t("settlement.propose.noSimilar")}
      </p>
      <h3>{t("settlement.propose.basisTitle")}</h3>
      <p>{t(`settlement.propose.basis.${s.suggestion.basis}`)}</p>
      <p data-testid="suggested-amount">
        <strong>
          {t("settlement.propose.suggested", {
            kind: t(`settlement.kinds.${s.suggestion.kind}`),
            amount: money(s.suggestion.amountCents),
            vat: money(s.vatCents),
            total: money(s.suggestion.amountCents + s.vatCents),
          })}
        </strong>
      </p>
    </section>
  );
}
