/**
 * The claim form's body, shared by the portal (a customer files, /claims/new) and the back-office (an
 * agent files on behalf of a customer who calls, /cases/new): the type and its own fields, subject and
 * description, the invoice lines with contested quantity or fair unit price (and a live estimate), the
 * claimed amount, the desired outcome, the evidence files (EvidenceUploader posting to `uploadUrl`),
 * then the check step ("Vérifier", `intent=preview`: amounts, admissibility warnings, possible
 * duplicates, never blocking) and the submit button (`intent=submit`) under the review.
 *
 * Strings: `claims.new.*` of the shared catalogue (@accord/ui locales); a page may reword the few that
 * address the filer (`labels`). The server side of both pages is `claimFormAction` of @accord/web/claim-form,
 * whose reply (`result`) this form re-renders: typed values, translated field errors, staged files, review.
 * The app's own fields (the back-office's contact) go in `children`, at the top of the form.
 */
import type { ClaimWarning } from "@accord/core";
import { CASE_TYPES, isCaseType } from "@accord/domain";
import { Alert, Button, ChoiceGroup, EvidenceUploader, Field, SelectField, TextareaField, formatDate, formatMoney, formatQuantity, uploaderLimits, type RefusedFile, type UploadedFile } from "@accord/ui";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Form, useNavigation } from "react-router";
import type { MessageKey, Translate } from "../i18n";

// Plain lists here: the component must not pull @accord/core (server code) into the browser bundle.
const OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;
type ClaimType = (typeof CASE_TYPES)[number];

/** Flat form values by field name (`lines[3].contestedQuantity`), as the browser sent them. */
type Values = Record<string, string>;
type Errors = Record<string, string[]>;

/** An invoice the filer may contest, with its lines (ClaimableInvoice of @accord/core, as serialized). */
export interface ClaimFormInvoice {
  id: string;
  number: string;
  issueDate: string;
  currency: string;
  totalExclTaxCents: number;
  lines: {
    id: string;
    lineNo: number;
    description: string;
    unit: string;
    quantityMilli: number;
    unitPriceCents: number;
    totalExclTaxCents: number;
    lotNumber: string | null;
  }[];
}

/** What the review shows (built on the server by `serializablePreview`). */
export interface ClaimFormReview {
  currency: string;
  amount: {
    computedCents: number;
    claimedCents: number;
    vatCents: number;
    claimedInclVatCents: number;
  };
  warnings: ClaimWarning[];
  duplicates: {
    /** Null for a colleague's case the user may not open. */
    reference: string | null;
    invoiceNumber: string;
    lineNo: number;
    description: string;
  }[];
  lines: {
    invoiceNumber: string;
    lineNo: number;
    description: string;
    unit: string;
    contestedQuantityMilli: number | null;
    contestedUnitPriceCents: number | null;
    computedCents: number;
    claimedCents: number;
    vatCents: number;
  }[];
}

/** The action's reply that the form re-renders. */
export interface ClaimFormResult {
  values: Values;
  errors: Errors;
  uploads?: readonly UploadedFile[];
  refused?: readonly RefusedFile[];
  preview: ClaimFormReview | null;
  fileCount: number;
}

/** Strings a page may reword (default: `claims.new.*`, the customer's wording). */
export type ClaimFormLabel = "errorSummary" | "check" | "submit" | "reviewTitle" | "reviewIntro" | "warningsIntro" | "duplicatesIntro";
const DEFAULT_KEYS: Record<ClaimFormLabel, MessageKey> = {
  errorSummary: "claims.new.errorSummary",
  check: "claims.new.check",
  submit: "claims.new.submit",
  reviewTitle: "claims.new.review.title",
  reviewIntro: "claims.new.review.intro",
  warningsIntro: "claims.new.review.warningsIntro",
  duplicatesIntro: "claims.new.review.duplicatesIntro",
};

export interface ClaimFormProps {
  invoices: readonly ClaimFormInvoice[];
  /** Invoices opened at first (chosen from an invoice page). */
  preselected?: readonly string[];
  /** Today (YYYY-MM-DD): the latest date of receipt. */
  today: string;
  /** Largest file accepted, in bytes (UPLOAD_MAX_BYTES): the hint, and a larger file is refused before it is sent. */
  maxUploadBytes: number;
  /** The action's last reply (actionData), if any. */
  result?: ClaimFormResult | null;
  /** Where the uploader posts each file (the app's POST /uploads). */
  uploadUrl?: string;
  /** Translated strings replacing the customer's wording (e.g. the agent's). */
  labels?: Partial<Record<ClaimFormLabel, string>>;
  /** Rendered between the error summary and the form (e.g. the portal's invoice search). */
  aboveForm?: ReactNode;
  /** The page's own fields, at the top of the form. */
  children?: ReactNode;
}


/** A decimal as typed ("12,5", "1 234,50") → number, or null; only for the estimate shown while typing. */
function typedNumber(raw: string | undefined): number | null {
  if (!raw || raw.trim() === "") return null;
  let text = raw.replace(/[\s\u00a0\u202f']/g, "");
  if (text.includes(",") && text.includes(".")) text = text.lastIndexOf(",") > text.lastIndexOf(".") ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  else text = text.replace(",", ".");
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function ClaimForm({ invoices, preselected = [], today, maxUploadBytes, result, uploadUrl = "/uploads", labels, aboveForm, children }: ClaimFormProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const values: Values = result?.values ?? {};
  const errors: Errors = result?.errors ?? {};
  const preview = result?.preview ?? null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  const [hydrated, setHydrated] = useState(false);
  const [type, setType] = useState<string>(values.type ?? "");
  const [estimate, setEstimate] = useState<number | null>(null);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setType(values.type ?? ""), [values.type]);

  const errorSummary = useRef<HTMLDivElement>(null);
  const review = useRef<HTMLHeadingElement>(null);
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (hasErrors) errorSummary.current?.focus();
    else if (preview) review.current?.focus();
  }, [result, hasErrors, preview]);

  // Lines are numbered across the listed invoices: the same index on every render of this page.
  const rows: {
    invoice: ClaimFormInvoice;
    line: ClaimFormInvoice["lines"][number];
    index: number;
  }[] = [];
  for (const invoice of invoices) for (const line of invoice.lines) rows.push({ invoice, line, index: rows.length });
  const open = new Set(preselected);
  for (const { invoice, index } of rows) {
    if (values[`lines[${index}].contestedQuantity`] || values[`lines[${index}].contestedUnitPrice`] || errors[`lines[${index}].contestedQuantity`] || errors[`lines[${index}].contestedUnitPrice`])
      open.add(invoice.id);
  }
  if (invoices.length === 1) open.add(invoices[0]!.id);

  /** The estimate shown while typing (the server computes the real amount at "Vérifier"). */
  function updateEstimate(event: FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    let total = 0;
    let any = false;
    for (const { line, index } of rows) {
      const quantity = typedNumber(form.get(`lines[${index}].contestedQuantity`)?.toString());
      const price = typedNumber(form.get(`lines[${index}].contestedUnitPrice`)?.toString());
      if (quantity === null && price === null) continue;
      any = true;
      const cents = (quantity ?? 0) * line.unitPriceCents + (price === null ? 0 : (line.quantityMilli / 1000) * Math.max(0, line.unitPriceCents - price * 100));
      total += Math.min(line.totalExclTaxCents, Math.round(cents));
    }
    setEstimate(any ? total : null);
  }

  const fieldErrors = (name: string) => errors[name];
  const text = (name: string) => values[name] ?? "";
  const typeSection = (section: ClaimType, children: ReactNode) => (
    <fieldset className="stack" data-claim-type={section} hidden={hydrated && type !== section}>
      <legend>
        {t("claims.new.typeSection", {
          type: t(`claims.new.types.${section}`),
        })}
      </legend>
      {children}
    </fieldset>
  );

  const label = (name: ClaimFormLabel): string => labels?.[name] ?? t(DEFAULT_KEYS[name]);

  return (
    <>
      {hasErrors ? (
        <div ref={errorSummary} tabIndex={-1}>
          <Alert tone="error" title={label("errorSummary")}>
            {errors.form ? errors.form.join(" ") : null}
          </Alert>
        </div>
      ) : null}

      {aboveForm}

      <Form method="post" encType="multipart/form-data" className="form" noValidate onInput={updateEstimate} aria-busy={busy || undefined}>
        {children}
        <fieldset className="card stack">
          <legend>{t("claims.new.typeLegend")}</legend>
          <SelectField
            id="claim-type"
            name="type"
            label={t("claims.new.type")}
            defaultValue={text("type")}
            onChange={(event) => setType(event.currentTarget.value)}
            errors={errors.type}
            options={[{ value: "", label: t("claims.new.typePlaceholder") }, ...CASE_TYPES.map((code) => ({ value: code, label: t(`claims.new.types.${code}`) }))]}
          />
          <Field name="title" id="claim-title" label={t("claims.new.titleLabel")} hint={t("claims.new.titleHint")} defaultValue={text("title")} maxLength={200} errors={fieldErrors("title")} />
          <TextareaField
            rows={6}
            name="description"
            id="claim-description"
            label={t("claims.new.descriptionLabel")}
            hint={t("claims.new.descriptionHint")}
            defaultValue={text("description")}
            errors={fieldErrors("description")}
          />

          {typeSection(
            "quality",
            <>
              <Field name="quality.product" id="claim-quality-product" label={t("claims.new.quality.product")} defaultValue={text("quality.product")} errors={fieldErrors("quality.product")} />
              <Field
                name="quality.lotNumber"
                id="claim-quality-lot"
                label={t("claims.new.quality.lotNumber")}
                hint={t("claims.new.quality.lotNumberHint")}
                defaultValue={text("quality.lotNumber")}
                errors={fieldErrors("quality.lotNumber")}
              />
              <p className="muted">{t("claims.new.quality.photosHint")}</p>
            </>,
          )}
          {typeSection(
            "delivery",
            <>
              <Field
                name="delivery.deliveryNoteNumber"
                id="claim-delivery-note"
                label={t("claims.new.delivery.deliveryNoteNumber")}
                defaultValue={text("delivery.deliveryNoteNumber")}
                errors={fieldErrors("delivery.deliveryNoteNumber")}
              />
              <Field
                name="delivery.receivedOn"
                id="claim-delivery-received"
                type="date"
                max={today}
                label={t("claims.new.delivery.receivedOn")}
                hint={t("claims.new.delivery.receivedOnHint")}
                defaultValue={text("delivery.receivedOn")}
                errors={fieldErrors("delivery.receivedOn")}
              />
              <ChoiceGroup
                type="radio"
                name="delivery.signedWithReservations"
                legend={t("claims.new.delivery.signed")}
                defaultValues={[text("delivery.signedWithReservations")]}
                options={[
                  { value: "yes", label: t("claims.new.delivery.signedYes") },
                  { value: "no", label: t("claims.new.delivery.signedNo") },
                ]}
                errors={fieldErrors("delivery.signedWithReservations")}
              />
              <p className="muted">{t("claims.new.delivery.quantitiesHint")}</p>
            </>,
          )}
          {typeSection(
            "price_billing",
            <Field
              name="priceBilling.contractReference"
              id="claim-price-contract"
              label={t("claims.new.priceBilling.contractReference")}
              hint={t("claims.new.priceBilling.contractReferenceHint")}
              defaultValue={text("priceBilling.contractReference")}
              errors={fieldErrors("priceBilling.contractReference")}
            />,
          )}
          {typeSection(
            "compliance",
            <Field
              name="compliance.reference"
              id="claim-compliance-reference"
              label={t("claims.new.compliance.reference")}
              hint={t("claims.new.compliance.referenceHint")}
              defaultValue={text("compliance.reference")}
              errors={fieldErrors("compliance.reference")}
            />,
          )}
        </fieldset>

        <fieldset className="card stack" aria-describedby={errors.lines ? "claim-lines-hint claim-lines-error" : "claim-lines-hint"}>
          <legend>{t("claims.new.invoices.legend")}</legend>
          <p className="field__hint" id="claim-lines-hint">
            {t("claims.new.invoices.hint")}
          </p>
          {errors.lines ? (
            <p className="field__error" id="claim-lines-error">
              {errors.lines.join(" ")}
            </p>
          ) : null}
          {invoices.length === 0 ? <p>{t("claims.new.invoices.none")}</p> : null}
          {invoices.map((invoice) => (
            <details key={invoice.id} open={open.has(invoice.id)} data-invoice={invoice.number}>
              <summary>
                {t("claims.new.invoices.summary", {
                  number: invoice.number,
                  date: formatDate(invoice.issueDate, language),
                  total: formatMoney(invoice.totalExclTaxCents, invoice.currency, language),
                })}
              </summary>
              <div className="table-wrap">
                <table className="data-table">
                  <caption className="visually-hidden">
                    {t("claims.new.invoices.caption", {
                      number: invoice.number,
                    })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("claims.new.invoices.columns.line")}</th>
                      <th scope="col">{t("claims.new.invoices.columns.description")}</th>
                      <th scope="col" className="num">
                        {t("claims.new.invoices.columns.invoicedQuantity")}
                      </th>
                      <th scope="col" className="num">
                        {t("claims.new.invoices.columns.unitPrice")}
                      </th>
                      <th scope="col" className="num">
                        {t("claims.new.invoices.columns.total")}
                      </th>
                      <th scope="col">{t("claims.new.invoices.columns.contestedQuantity")}</th>
                      <th scope="col">{t("claims.new.invoices.columns.contestedUnitPrice")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows
                      .filter((row) => row.invoice.id === invoice.id)
                      .map(({ line, index }) => (
                        <tr key={line.id}>
                          <td>{line.lineNo}</td>
                          <th scope="row">
                            {line.description}
                            {line.lotNumber ? <span className="muted"> — {line.lotNumber}</span> : null}
                            <input type="hidden" name={`lines[${index}].invoiceLineId`} value={line.id} />
                          </th>
                          <td className="num">
                            {formatQuantity(line.quantityMilli, language)} {line.unit}
                          </td>
                          <td className="num">{formatMoney(line.unitPriceCents, invoice.currency, language)}</td>
                          <td className="num">{formatMoney(line.totalExclTaxCents, invoice.currency, language)}</td>
                          <td>
                            <LineInput
                              name={`lines[${index}].contestedQuantity`}
                              label={t("claims.new.invoices.contestedQuantityLabel", {
                                lineNo: line.lineNo,
                                description: line.description,
                              })}
                              defaultValue={text(`lines[${index}].contestedQuantity`)}
                              errors={errors[`lines[${index}].contestedQuantity`] ?? errors[`lines[${index}].invoiceLineId`]}
                            />
                          </td>
                          <td>
                            <LineInput
                              name={`lines[${index}].contestedUnitPrice`}
                              label={t("claims.new.invoices.contestedUnitPriceLabel", {
                                lineNo: line.lineNo,
                                description: line.description,
                              })}
                              defaultValue={text(`lines[${index}].contestedUnitPrice`)}
                              errors={errors[`lines[${index}].contestedUnitPrice`]}
                            />
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </details>
          ))}
          <p aria-live="polite" className="muted">
            {estimate !== null
              ? t("claims.new.invoices.liveTotal", {
                  amount: formatMoney(estimate, invoices[0]?.currency ?? "EUR", language),
                })
              : null}
          </p>
          <Field
            name="claimedAmount"
            id="claim-claimed-amount"
            inputMode="decimal"
            label={t("claims.new.claimedAmount")}
            hint={t("claims.new.claimedAmountHint")}
            defaultValue={text("claimedAmount")}
            errors={fieldErrors("claimedAmount")}
          />
        </fieldset>

        <fieldset className="card stack">
          <legend>{t("claims.new.outcomeLegend")}</legend>
          <ChoiceGroup
            type="radio"
            name="desiredOutcome"
            legend={t("claims.new.outcomeLegend")}
            legendHidden
            defaultValues={[text("desiredOutcome")]}
            options={OUTCOMES.map((code) => ({
              value: code,
              label: t(`claims.new.outcomes.${code}`),
            }))}
            errors={fieldErrors("desiredOutcome")}
          />
          <Field name="desiredOutcomeText" id="claim-outcome-text" label={t("claims.new.outcomeText")} defaultValue={text("desiredOutcomeText")} errors={fieldErrors("desiredOutcomeText")} />
        </fieldset>

        <div className="card stack">
          <EvidenceUploader
            id="claim-evidence"
            label={t("uploads.label")}
            {...uploaderLimits(t, maxUploadBytes)}
            uploadUrl={uploadUrl}
            language={language}
            initialUploads={result?.uploads}
            initialRefused={result?.refused}
            errors={errors.uploadIds}
          />
        </div>

        <div className="form__actions">
          <Button type="submit" name="intent" value="preview" variant={preview ? "secondary" : "primary"} disabled={busy}>
            {label("check")}
          </Button>
        </div>

        {preview ? (
          <section className="card stack" aria-labelledby="claim-review-title">
            <h2 id="claim-review-title" ref={review} tabIndex={-1}>
              {label("reviewTitle")}
            </h2>
            <p>{label("reviewIntro")}</p>
            <dl className="definition-list">
              <dt>{t("claims.new.review.type")}</dt>
              <dd>{t(`claims.new.types.${isCaseType(values.type) ? values.type : "other"}`)}</dd>
              <dt>{t("claims.new.review.subject")}</dt>
              <dd>{values.title}</dd>
            </dl>
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">{t("claims.new.review.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("claims.new.review.columns.invoice")}</th>
                    <th scope="col">{t("claims.new.review.columns.line")}</th>
                    <th scope="col">{t("claims.new.review.columns.contested")}</th>
                    <th scope="col" className="num">
                      {t("claims.new.review.columns.computed")}
                    </th>
                    <th scope="col" className="num">
                      {t("claims.new.review.columns.claimed")}
                    </th>
                    <th scope="col" className="num">
                      {t("claims.new.review.columns.vat")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.lines.map((line) => (
                    <tr key={`${line.invoiceNumber}-${line.lineNo}`}>
                      <td>{line.invoiceNumber}</td>
                      <th scope="row">
                        {line.lineNo}. {line.description}
                      </th>
                      <td>
                        {[
                          line.contestedQuantityMilli !== null
                            ? t("claims.new.review.contestedQuantity", {
                                quantity: formatQuantity(line.contestedQuantityMilli, language),
                                unit: line.unit,
                              })
                            : null,
                          line.contestedUnitPriceCents !== null
                            ? t("claims.new.review.contestedPrice", {
                                price: formatMoney(line.contestedUnitPriceCents, preview.currency, language),
                              })
                            : null,
                        ]
                          .filter(Boolean)
                          .join(" ; ")}
                      </td>
                      <td className="num">{formatMoney(line.computedCents, preview.currency, language)}</td>
                      <td className="num">{formatMoney(line.claimedCents, preview.currency, language)}</td>
                      <td className="num">{formatMoney(line.vatCents, preview.currency, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl className="definition-list" data-testid="claim-review-totals">
              <dt>{t("claims.new.review.computedTotal")}</dt>
              <dd>{formatMoney(preview.amount.computedCents, preview.currency, language)}</dd>
              <dt>{t("claims.new.review.claimedTotal")}</dt>
              <dd>{formatMoney(preview.amount.claimedCents, preview.currency, language)}</dd>
              <dt>{t("claims.new.review.vatTotal")}</dt>
              <dd>{formatMoney(preview.amount.vatCents, preview.currency, language)}</dd>
              <dt>{t("claims.new.review.inclVatTotal")}</dt>
              <dd>{formatMoney(preview.amount.claimedInclVatCents, preview.currency, language)}</dd>
            </dl>
            <p>{result && result.fileCount > 0 ? t("claims.new.review.files", { count: result.fileCount }) : t("claims.new.review.noFiles")}</p>
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
        ) : null}
      </Form>
    </>
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


function LineInput({ name, label, defaultValue, errors }: { name: string; label: string; defaultValue: string; errors?: string[] }) {
  const id = `field-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  return (
    <div className={["field", errors ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        className="field__input"
        inputMode="decimal"
        size={8}
        defaultValue={defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      {errors ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
