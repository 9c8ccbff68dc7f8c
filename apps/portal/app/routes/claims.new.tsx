import {
  claimSchema,
  listClaimableInvoices,
  previewClaim,
  submitClaim,
  type ClaimFormInput,
  type ClaimPreview,
  type ClaimWarning,
} from "@accord/core";
import { Alert, Button, EvidenceUploader, Field, formatDate, formatMoney, PageHeader, type EvidenceUploaderMessages } from "@accord/ui";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/claims.new";
import { requireCustomer } from "../.server/actor";
import { dbContext } from "../.server/db";
import { describeError, throwAsResponse } from "../.server/errors";
import { parseForm } from "../.server/forms";
import { translator } from "../.server/i18n";
import { env } from "../env.server";
import { maxUploadBytes, readFormWithUploads, translateRefusals } from "@accord/web/uploads";

// Plain lists here: the component must not pull @accord/core (server code) into the browser bundle.
const TYPES = ["quality", "delivery", "price_billing", "compliance", "other"] as const;
const OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;
type ClaimType = (typeof TYPES)[number];

/** Flat form values by field name (`lines[3].contestedQuantity`), as the browser sent them. */
type Values = Record<string, string>;
type Errors = Record<string, string[]>;

export async function loader(args: Route.LoaderArgs) {
  // A viewer may not file: the page does not exist for them.
  const actor = await requireCustomer(args, "case:create");
  const url = new URL(args.request.url);
  const q = url.searchParams.get("q")?.trim() ?? "";
  const preselected = url.searchParams.getAll("invoice");
  try {
    const invoices = await listClaimableInvoices({ db: args.context.get(dbContext), actor, input: { q: q || undefined, invoiceIds: preselected } });
    return { q, preselected, invoices, today: new Date().toISOString().slice(0, 10), maxMegabytes: Math.round(maxUploadBytes() / (1024 * 1024)) };
  } catch (error) {
    throwAsResponse(error, translator(args.context));
  }
}

/** Two steps, told apart by `intent`: `preview` ("Vérifier", writes nothing) and `submit`. */
export async function action(args: Route.ActionArgs) {
  const { request, context } = args;
  const actor = await requireCustomer(args, "case:create");
  const t = translator(context);
  const db = context.get(dbContext);
  const now = new Date();
  // Files sent without JavaScript are streamed to the store and staged here; with it, only their ids come.
  const { fields: formData, uploadIds, uploads, refused } = await readFormWithUploads(request, { db, actor, now });
  const intent = formData.get("intent") === "submit" ? "submit" : "preview";
  const values: Values = {};
  for (const [name, value] of formData) if (typeof value === "string" && name !== "uploadIds" && name !== "intent") values[name] = value;
  const reply = (status: number, errors: Errors, preview: ClaimPreview | null = null) =>
    data(
      { values, errors, uploads, refused: translateRefusals(refused, t), preview: preview ? serializablePreview(preview) : null, fileCount: uploadIds.length },
      { status },
    );

  const submission = parseForm(formData, claimSchema, t);
  if (submission.status !== "success") return reply(400, errorsOf(submission.reply().error));
  // A refused file is named with its reason (the others stay staged): nothing is checked or sent without it.
  if (refused.length > 0) return reply(400, { uploadIds: [] });
  const input = submission.payload as ClaimFormInput;
  try {
    if (intent === "submit") {
      const { reference } = await submitClaim({ db, actor, input, now, portalUrl: env().PORTAL_URL });
      return redirect(`/cases/${encodeURIComponent(reference)}/submitted`);
    }
    return reply(200, {}, await previewClaim({ db, actor, input, now }));
  } catch (error) {
    const failure = describeError(error, t);
    // A line of another company (a forged id): nothing here for them.
    if (failure.code === "forbidden" || failure.code === "not_found") throw data(null, { status: 404 });
    return reply(failure.status, Object.keys(failure.fieldErrors).length > 0 ? failure.fieldErrors : { form: [failure.message] });
  }
}

function errorsOf(error: Record<string, string[] | null> | null | undefined): Errors {
  const errors: Errors = {};
  for (const [name, messages] of Object.entries(error ?? {})) if (messages && messages.length > 0) errors[name || "form"] = messages;
  return errors;
}

/** Only what the review shows goes to the browser. */
function serializablePreview(preview: ClaimPreview) {
  return {
    currency: preview.currency,
    amount: preview.amount,
    warnings: preview.warnings,
    duplicates: preview.duplicates,
    lines: preview.lines.map((line) => ({
      invoiceNumber: line.invoiceNumber,
      lineNo: line.lineNo,
      description: line.description,
      unit: line.unit,
      contestedQuantityMilli: line.contestedQuantityMilli,
      contestedUnitPriceCents: line.contestedUnitPriceCents,
      computedCents: line.computedCents,
      claimedCents: line.claimedCents,
      vatCents: line.vatCents,
    })),
  };
}

type Invoice = Route.ComponentProps["loaderData"]["invoices"][number];

const formatQuantity = (milli: number, language: string) =>
  new Intl.NumberFormat(language === "en" ? "en-GB" : "fr-FR", { maximumFractionDigits: 3 }).format(milli / 1000);

/** A decimal as typed ("12,5", "1 234,50") → number, or null; only for the estimate shown while typing. */
function typedNumber(raw: string | undefined): number | null {
  if (!raw || raw.trim() === "") return null;
  let text = raw.replace(/[\s\u00a0\u202f']/g, "");
  if (text.includes(",") && text.includes(".")) text = text.lastIndexOf(",") > text.lastIndexOf(".") ? text.replace(/\./g, "").replace(",", ".") : text.replace(/,/g, "");
  else text = text.replace(",", ".");
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export default function NewClaim({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { invoices, q, preselected, today } = loaderData;
  const values: Values = actionData?.values ?? {};
  const errors: Errors = actionData?.errors ?? {};
  const preview = actionData?.preview ?? null;
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
  }, [actionData, hasErrors, preview]);

  // Lines are numbered across the listed invoices: the same index on every render of this page.
  const rows: { invoice: Invoice; line: Invoice["lines"][number]; index: number }[] = [];
  for (const invoice of invoices) for (const line of invoice.lines) rows.push({ invoice, line, index: rows.length });
  const open = new Set(preselected);
  for (const { invoice, index } of rows) {
    if (values[`lines[${index}].contestedQuantity`] || values[`lines[${index}].contestedUnitPrice`] || errors[`lines[${index}].contestedQuantity`] || errors[`lines[${index}].contestedUnitPrice`]) open.add(invoice.id);
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
      <legend>{t("claims.new.typeSection", { type: t(`claims.new.types.${section}`) })}</legend>
      {children}
    </fieldset>
  );
  const uploaderMessages: EvidenceUploaderMessages = {
    remove: t("uploads.remove"),
    removeFile: (fileName) => t("uploads.removeFile", { fileName }),
    uploading: (fileName) => t("uploads.uploading", { fileName }),
    uploaded: (fileName) => t("uploads.uploaded", { fileName }),
    removed: (fileName) => t("uploads.removed", { fileName }),
    failed: (fileName) => t("uploads.failed", { fileName }),
    waitForUploads: t("uploads.waitForUploads"),
    listLabel: t("uploads.listLabel"),
  };

  return (
    <>
      <PageHeader eyebrow={t("claims.new.eyebrow")} title={t("claims.new.title")} description={t("claims.new.description")} />

      {hasErrors ? (
        <div ref={errorSummary} tabIndex={-1}>
          <Alert tone="error" title={t("claims.new.errorSummary")}>
            {errors.form ? errors.form.join(" ") : null}
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="invoice-search-title" className="card">
        <h2 id="invoice-search-title">{t("claims.new.invoices.legend")}</h2>
        <Form method="get" className="form" role="search">
          {preselected.map((id) => (
            <input key={id} type="hidden" name="invoice" value={id} />
          ))}
          <Field name="q" id="invoice-search" label={t("claims.new.invoices.search")} defaultValue={q} type="search" />
          <div className="form__actions">
            <Button type="submit" variant="secondary">
              {t("claims.new.invoices.searchSubmit")}
            </Button>
            {q ? <Link to="/claims/new">{t("claims.new.invoices.searchReset")}</Link> : null}
          </div>
        </Form>
      </section>

      <Form method="post" encType="multipart/form-data" className="form" noValidate onInput={updateEstimate} aria-busy={busy || undefined}>
        <fieldset className="card stack">
          <legend>{t("claims.new.typeLegend")}</legend>
          <div className={["field", errors.type ? "field--invalid" : null].filter(Boolean).join(" ")}>
            <label className="field__label" htmlFor="claim-type">
              {t("claims.new.type")}
            </label>
            <select
              id="claim-type"
              name="type"
              className="field__input"
              defaultValue={text("type")}
              onChange={(event) => setType(event.currentTarget.value)}
              aria-invalid={errors.type ? true : undefined}
              aria-describedby={errors.type ? "claim-type-error" : undefined}
            >
              <option value="">{t("claims.new.typePlaceholder")}</option>
              {TYPES.map((code) => (
                <option key={code} value={code}>
                  {t(`claims.new.types.${code}`)}
                </option>
              ))}
            </select>
            {errors.type ? (
              <p className="field__error" id="claim-type-error">
                {errors.type.join(" ")}
              </p>
            ) : null}
          </div>
          <Field name="title" id="claim-title" label={t("claims.new.titleLabel")} hint={t("claims.new.titleHint")} defaultValue={text("title")} maxLength={200} errors={fieldErrors("title")} />
          <TextArea name="description" id="claim-description" label={t("claims.new.descriptionLabel")} hint={t("claims.new.descriptionHint")} defaultValue={text("description")} errors={fieldErrors("description")} />

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
              <RadioGroup
                name="delivery.signedWithReservations"
                legend={t("claims.new.delivery.signed")}
                value={text("delivery.signedWithReservations")}
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
                  <caption className="visually-hidden">{t("claims.new.invoices.caption", { number: invoice.number })}</caption>
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
                              label={t("claims.new.invoices.contestedQuantityLabel", { lineNo: line.lineNo, description: line.description })}
                              defaultValue={text(`lines[${index}].contestedQuantity`)}
                              errors={errors[`lines[${index}].contestedQuantity`] ?? errors[`lines[${index}].invoiceLineId`]}
                            />
                          </td>
                          <td>
                            <LineInput
                              name={`lines[${index}].contestedUnitPrice`}
                              label={t("claims.new.invoices.contestedUnitPriceLabel", { lineNo: line.lineNo, description: line.description })}
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
            {estimate !== null ? t("claims.new.invoices.liveTotal", { amount: formatMoney(estimate, invoices[0]?.currency ?? "EUR", language) }) : null}
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
          <RadioGroup
            name="desiredOutcome"
            legend={t("claims.new.outcomeLegend")}
            legendHidden
            value={text("desiredOutcome")}
            options={OUTCOMES.map((code) => ({ value: code, label: t(`claims.new.outcomes.${code}`) }))}
            errors={fieldErrors("desiredOutcome")}
          />
          <Field
            name="desiredOutcomeText"
            id="claim-outcome-text"
            label={t("claims.new.outcomeText")}
            defaultValue={text("desiredOutcomeText")}
            errors={fieldErrors("desiredOutcomeText")}
          />
        </fieldset>

        <div className="card stack">
          <EvidenceUploader
            id="claim-evidence"
            label={t("uploads.label")}
            hint={t("uploads.hint", { max: loaderData.maxMegabytes })}
            language={language}
            initialUploads={actionData?.uploads}
            initialRefused={actionData?.refused}
            errors={errors.uploadIds}
            messages={uploaderMessages}
          />
        </div>

        <div className="form__actions">
          <Button type="submit" name="intent" value="preview" variant={preview ? "secondary" : "primary"} disabled={busy}>
            {t("claims.new.check")}
          </Button>
        </div>

        {preview ? (
          <section className="card stack" aria-labelledby="claim-review-title">
            <h2 id="claim-review-title" ref={review} tabIndex={-1}>
              {t("claims.new.review.title")}
            </h2>
            <p>{t("claims.new.review.intro")}</p>
            <dl className="definition-list">
              <dt>{t("claims.new.review.type")}</dt>
              <dd>{t(`claims.new.types.${values.type ?? "other"}`)}</dd>
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
                            ? t("claims.new.review.contestedQuantity", { quantity: formatQuantity(line.contestedQuantityMilli, language), unit: line.unit })
                            : null,
                          line.contestedUnitPriceCents !== null
                            ? t("claims.new.review.contestedPrice", { price: formatMoney(line.contestedUnitPriceCents, preview.currency, language) })
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
            <p>{actionData && actionData.fileCount > 0 ? t("claims.new.review.files", { count: actionData.fileCount }) : t("claims.new.review.noFiles")}</p>
            {preview.warnings.length > 0 ? (
              <Alert tone="warning" title={t("claims.new.review.warningsTitle")}>
                <p>{t("claims.new.review.warningsIntro")}</p>
                <ul>
                  {preview.warnings.map((warning, index) => (
                    <li key={index}>{warningText(warning, t, language)}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {preview.duplicates.length > 0 ? (
              <Alert tone="info" title={t("claims.new.review.duplicatesTitle")}>
                <p>{t("claims.new.review.duplicatesIntro")}</p>
                <ul>
                  {preview.duplicates.map((duplicate) => (
                    <li key={`${duplicate.reference}-${duplicate.invoiceNumber}-${duplicate.lineNo}`}>{t("claims.new.review.duplicate", { ...duplicate })}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            <div className="form__actions">
              <Button type="submit" name="intent" value="submit" disabled={busy}>
                {t("claims.new.submit")}
              </Button>
            </div>
          </section>
        ) : null}
      </Form>
    </>
  );
}

function warningText(warning: ClaimWarning, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
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

function TextArea({ name, id, label, hint, defaultValue, errors }: { name: string; id: string; label: string; hint?: string; defaultValue: string; errors?: string[] }) {
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={["field", errors ? "field--invalid" : null].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea id={id} name={name} className="field__input" rows={6} defaultValue={defaultValue} aria-invalid={errors ? true : undefined} aria-describedby={describedBy} />
      {errors ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function RadioGroup({
  name,
  legend,
  legendHidden,
  value,
  options,
  errors,
}: {
  name: string;
  legend: string;
  legendHidden?: boolean;
  value: string;
  options: { value: string; label: string }[];
  errors?: string[];
}) {
  const id = `radio-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`;
  return (
    <fieldset className={["field", errors ? "field--invalid" : null].filter(Boolean).join(" ")} aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className={legendHidden ? "visually-hidden" : "field__label"}>{legend}</legend>
      {options.map((option) => (
        <div key={option.value}>
          <input type="radio" id={`${id}-${option.value}`} name={name} value={option.value} defaultChecked={value === option.value} aria-invalid={errors ? true : undefined} />{" "}
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
      {errors ? (
        <p className="field__error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
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
