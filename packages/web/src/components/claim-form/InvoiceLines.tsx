/**
 * The invoices the filer may contest, each a table of its lines with the contested quantity and the
 * fair unit price to type, the live estimate of the disputed amount, and the amount claimed.
 */
import { DataTable, Field, FieldError, formatDate, formatMoney, formatQuantity } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { bindField, type ClaimFormInvoice, type ClaimFormState, type ClaimRow } from "./types";

export interface InvoiceLinesProps {
  state: ClaimFormState;
  invoices: readonly ClaimFormInvoice[];
  rows: readonly ClaimRow[];
  /** Invoices opened at first (chosen from an invoice page). */
  preselected: readonly string[];
  /** The live estimate in cents (null: nothing contested yet). */
  estimate: number | null;
}

export function InvoiceLines({ state, invoices, rows, preselected, estimate }: InvoiceLinesProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { errors } = state;
  const contestedFields = (index: number) => [`lines[${index}].contestedQuantity`, `lines[${index}].contestedUnitPrice`];
  // An invoice stays open when one of its lines was typed in or refused, or when it is the only one.
  const open = new Set(preselected);
  for (const { invoice, index } of rows) if (contestedFields(index).some((name) => state.values[name] || errors[name])) open.add(invoice.id);
  if (invoices.length === 1) open.add(invoices[0]!.id);
  const contestedLabel = (key: "contestedQuantityLabel" | "contestedUnitPriceLabel", line: ClaimRow["line"]) => t(`claims.new.invoices.${key}`, { lineNo: line.lineNo, description: line.description });

  return (
    <fieldset className="card stack" aria-describedby={errors.lines ? "claim-lines-hint claim-lines-error" : "claim-lines-hint"}>
      <legend>{t("claims.new.invoices.legend")}</legend>
      <p className="field__hint" id="claim-lines-hint">
        {t("claims.new.invoices.hint")}
      </p>
      <FieldError id="claim-lines-error" errors={errors.lines} />
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
          <DataTable
            caption={t("claims.new.invoices.caption", { number: invoice.number })}
            rows={rows.filter((row) => row.invoice.id === invoice.id)}
            rowKey={({ line }) => line.id}
            empty={null}
            columns={[
              { key: "line", header: t("claims.new.invoices.columns.line"), cell: ({ line }) => line.lineNo },
              {
                key: "description",
                header: t("claims.new.invoices.columns.description"),
                rowHeader: true,
                cell: ({ line, index }) => (
                  <>
                    {line.description}
                    {line.lotNumber ? <span className="muted"> — {line.lotNumber}</span> : null}
                    <input type="hidden" name={`lines[${index}].invoiceLineId`} value={line.id} />
                  </>
                ),
              },
              { key: "quantity", header: t("claims.new.invoices.columns.invoicedQuantity"), align: "end", cell: ({ line }) => `${formatQuantity(line.quantityMilli, language)} ${line.unit}` },
              { key: "price", header: t("claims.new.invoices.columns.unitPrice"), align: "end", cell: ({ line }) => formatMoney(line.unitPriceCents, invoice.currency, language) },
              { key: "total", header: t("claims.new.invoices.columns.total"), align: "end", cell: ({ line }) => formatMoney(line.totalExclTaxCents, invoice.currency, language) },
              {
                key: "contestedQuantity",
                header: t("claims.new.invoices.columns.contestedQuantity"),
                cell: ({ line, index }) => (
                  <LineInput
                    label={contestedLabel("contestedQuantityLabel", line)}
                    {...bindField(state, `lines[${index}].contestedQuantity`)}
                    errors={errors[`lines[${index}].contestedQuantity`] ?? errors[`lines[${index}].invoiceLineId`]}
                  />
                ),
              },
              {
                key: "contestedUnitPrice",
                header: t("claims.new.invoices.columns.contestedUnitPrice"),
                cell: ({ line, index }) => <LineInput label={contestedLabel("contestedUnitPriceLabel", line)} {...bindField(state, `lines[${index}].contestedUnitPrice`)} />,
              },
            ]}
          />
        </details>
      ))}
      <p aria-live="polite" className="muted">
        {estimate !== null ? t("claims.new.invoices.liveTotal", { amount: formatMoney(estimate, invoices[0]?.currency ?? "EUR", language) }) : null}
      </p>
      <Field id="claim-claimed-amount" inputMode="decimal" label={t("claims.new.claimedAmount")} hint={t("claims.new.claimedAmountHint")} {...bindField(state, "claimedAmount")} />
    </fieldset>
  );
}

/** A figure typed on a line: its label is read by screen readers only (the column says it). */
function LineInput({ name, label, defaultValue, errors }: { name: string; label: string; defaultValue: string; errors?: string[] | undefined }) {
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
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
