/**
 * The check step's review ("Vérifier"): the type and subject, each contested line's amounts, the
 * totals, the files, the admissibility warnings and the possible duplicates (never blocking), then
 * the submit button.
 */
import type { ClaimWarning } from "@accord/core";
import { isCaseType } from "@accord/domain";
import { Alert, Button, DataTable, formatDate, formatMoney, formatQuantity } from "@accord/ui";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Translate } from "../../i18n";
import type { ClaimFormReview, Values } from "./types";

export interface ReviewProps {
  preview: ClaimFormReview;
  values: Values;
  fileCount: number;
  busy: boolean;
  /** A page's wording of the review's own strings (see ClaimFormLabel). */
  label: (name: "reviewTitle" | "reviewIntro" | "warningsIntro" | "duplicatesIntro" | "submit") => string;
  headingRef: Ref<HTMLHeadingElement>;
}

export function Review({ preview, values, fileCount, busy, label, headingRef }: ReviewProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const money = (cents: number) => formatMoney(cents, preview.currency, language);
  const contested = (line: ClaimFormReview["lines"][number]) =>
    [
      line.contestedQuantityMilli !== null ? t("claims.new.review.contestedQuantity", { quantity: formatQuantity(line.contestedQuantityMilli, language), unit: line.unit }) : null,
      line.contestedUnitPriceCents !== null ? t("claims.new.review.contestedPrice", { price: money(line.contestedUnitPriceCents) }) : null,
    ]
      .filter(Boolean)
      .join(" ; ");
  return (
    <section className="card stack" aria-labelledby="claim-review-title">
      <h2 id="claim-review-title" ref={headingRef} tabIndex={-1}>
        {label("reviewTitle")}
      </h2>
      <p>{label("reviewIntro")}</p>
      <dl className="definition-list">
        <dt>{t("claims.new.review.type")}</dt>
        <dd>{t(`claims.new.types.${isCaseType(values.type) ? values.type : "other"}`)}</dd>
        <dt>{t("claims.new.review.subject")}</dt>
        <dd>{values.title}</dd>
      </dl>
      <DataTable
        caption={t("claims.new.review.caption")}
        rows={preview.lines}
        rowKey={(line) => `${line.invoiceNumber}-${line.lineNo}`}
        empty={null}
        columns={[
          { key: "invoice", header: t("claims.new.review.columns.invoice"), cell: (line) => line.invoiceNumber },
          { key: "line", header: t("claims.new.review.columns.line"), rowHeader: true, cell: (line) => `${line.lineNo}. ${line.description}` },
          { key: "contested", header: t("claims.new.review.columns.contested"), cell: contested },
          { key: "computed", header: t("claims.new.review.columns.computed"), align: "end", cell: (line) => money(line.computedCents) },
          { key: "claimed", header: t("claims.new.review.columns.claimed"), align: "end", cell: (line) => money(line.claimedCents) },
          { key: "vat", header: t("claims.new.review.columns.vat"), align: "end", cell: (line) => money(line.vatCents) },
        ]}
      />
      <dl className="definition-list" data-testid="claim-review-totals">
        <dt>{t("claims.new.review.computedTotal")}</dt>
        <dd>{money(preview.amount.computedCents)}</dd>
        <dt>{t("claims.new.review.claimedTotal")}</dt>
        <dd>{money(preview.amount.claimedCents)}</dd>
        <dt>{t("claims.new.review.vatTotal")}</dt>
        <dd>{money(preview.amount.vatCents)}</dd>
        <dt>{t("claims.new.review.inclVatTotal")}</dt>
        <dd>{money(preview.amount.claimedInclVatCents)}</dd>
      </dl>
      <p>{fileCount > 0 ? t("claims.new.review.files", { count: fileCount }) : t("claims.new.review.noFiles")}</p>
      {preview.warnings.length > 0 ? (
        <Alert tone="warning" title={t("claims.new.review.warningsTitle")}>
          <p>{label("warningsIntro")}</p>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={index}>{warningText(warning, t, language)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview.duplicates.length > 0 ? (
        <Alert tone="info" title={t("claims.new.review.duplicatesTitle")}>
          <p>{label("duplicatesIntro")}</p>
          <ul>
            {preview.duplicates.map((duplicate) => (
              <li key={`${duplicate.reference ?? ""}-${duplicate.invoiceNumber}-${duplicate.lineNo}`}>
                {t(duplicate.reference ? "claims.new.review.duplicate" : "claims.new.review.colleagueDuplicate", { ...duplicate })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div className="form__actions">
        <Button type="submit" name="intent" value="submit" disabled={busy}>
          {label("submit")}
        </Button>
      </div>
    </section>
  );
}

function warningText(warning: ClaimWarning, t: Translate, language: string): string {
  if (warning.code === "claim_after_deadline") {
    const { deliveryDate, deadline, daysLate, invoiceNumber } = warning.params;
    const days = Math.round((Date.parse(deadline) - Date.parse(deliveryDate)) / 86_400_000);
    return t("claims.new.review.warnings.claim_after_deadline", {
      invoiceNumber,
      days,
      daysLate,
      deliveryDate: formatDate(deliveryDate, language),
      deadline: formatDate(deadline, language),
    });
  }
  return t(`claims.new.review.warnings.${warning.code}`);
}
