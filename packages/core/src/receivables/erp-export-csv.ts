import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { isIsoDate, money, toDecimalString } from "@accord/domain";
import { parseInput } from "../errors";

/**
 * The receivables export for the ERP: one row per event, oldest first as given. Pure: the caller
 * reads the events and passes them here. See ADR 0022 for the format's choices.
 *
 * Format: UTF-8 with a BOM (French Excel reads the accents), `;` between fields, CRLF between
 * records, a header row of the column names below (stable identifiers for the ERP's mapping, not
 * translated). Dates ISO 8601 (`2026-03-20`); amounts in euros with a `.` and exactly two decimals
 * (`1234.50`), never negative, no thousands separator. Quoting (`;`, `"`, line breaks) is
 * csv-stringify's (RFC 4180: the field in double quotes, a quote doubled). A text that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so that a spreadsheet never runs it as a
 * formula (OWASP "CSV injection").
 *
 * Columns (empty when the event has no such value):
 * - `event`: `hold` (an open case put the invoice on hold), `release` (the case is resolved),
 *   `credit_note_to_issue` (the ERP must issue a credit note), `credit_note_issued` (the ERP did);
 * - `event_date`: when it happened (the case opened, was resolved, the credit was decided, issued);
 * - `case_reference`, `customer_code` (the account's ERP code), `customer_name`, `invoice_number`, `currency`;
 * - `invoice_amount` (hold: the invoice incl. VAT), `disputed_amount` (hold, release: the part disputed);
 * - `undisputed_amount` and `due_date` (hold, release: the part never disputed, still due on its original date);
 * - `remainder_amount` and `new_due_date` (release: the disputed part not credited, due under the
 *   contractual term counted from the resolution), `credited_amount` (release: the part credited);
 * - `amount_excl_vat`, `vat_amount`, `amount_incl_vat` (credit notes);
 * - `credit_note_number` (credit_note_issued: the ERP's number, the UBL document's ID).
 */
export const ERP_EXPORT_COLUMNS = [
  "event",
  "event_date",
  "case_reference",
  "customer_code",
  "customer_name",
  "invoice_number",
  "currency",
  "invoice_amount",
  "disputed_amount",
  "undisputed_amount",
  "due_date",
  "remainder_amount",
  "new_due_date",
  "credited_amount",
  "amount_excl_vat",
  "vat_amount",
  "amount_incl_vat",
  "credit_note_number",
] as const;

type Column = (typeof ERP_EXPORT_COLUMNS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.string().refine(isIsoDate, "validation.invalid");
const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const common = {
  date: isoDate,
  caseReference: text(50),
  /** The account's ERP code, null when the account has none. */
  customerCode: text(50).nullable(),
  customerName: text(200),
  invoiceNumber: text(100),
  currency: z.literal("EUR"),
};

const creditNoteAmounts = {
  amountExclVatCents: cents,
  vatCents: cents,
  amountInclVatCents: cents,
};

const erpExportRowSchema = z
  .discriminatedUnion("event", [
    z.object({ event: z.literal("hold"), ...common, invoiceAmountCents: cents, disputedCents: cents, dueDate: isoDate }),
    z.object({
      event: z.literal("release"),
      ...common,
      /** As the domain's `resolveDisputedInvoice` returns it. */
      resolution: z.object({
        undisputed: z.object({ amountCents: cents, dueDate: isoDate }),
        disputedRemainder: z.object({ amountCents: cents, dueDate: isoDate }),
        creditedCents: cents,
      }),
    }),
    z.object({ event: z.literal("credit_note_to_issue"), ...common, ...creditNoteAmounts }),
    z.object({ event: z.literal("credit_note_issued"), ...common, ...creditNoteAmounts, creditNoteNumber: text(100) }),
  ])
  .superRefine((row, ctx) => {
    if (row.event === "hold" && row.disputedCents > row.invoiceAmountCents)
      ctx.addIssue({ code: "custom", path: ["disputedCents"], message: "validation.invalid" });
    if ((row.event === "credit_note_to_issue" || row.event === "credit_note_issued") && row.amountInclVatCents !== row.amountExclVatCents + row.vatCents)
      ctx.addIssue({ code: "custom", path: ["amountInclVatCents"], message: "validation.invalid" });
  });

const erpExportRowsSchema = z.array(erpExportRowSchema);

export type ErpExportRow = z.input<typeof erpExportRowSchema>;

/**
 * The CSV text (BOM included) of `rows`, header first. Throws `AppError("validation")` naming the
 * field (`0.disputedCents`) when a row is not sound: a disputed amount above the invoice, a credit
 * note whose amount incl. VAT is not excl. + VAT, a date that does not exist…
 */
export function erpExportCsv(rows: readonly ErpExportRow[]): string {
  const parsed = parseInput(erpExportRowsSchema, rows);
  const amount = (value: number) => toDecimalString(money(value, "EUR"));
  const records = parsed.map((row): Record<Column, string> => {
    const record: Record<Column, string> = Object.fromEntries(ERP_EXPORT_COLUMNS.map((column) => [column, ""])) as Record<Column, string>;
    Object.assign(record, {
      event: row.event,
      event_date: row.date,
      case_reference: row.caseReference,
      customer_code: row.customerCode ?? "",
      customer_name: row.customerName,
      invoice_number: row.invoiceNumber,
      currency: row.currency,
    });
    switch (row.event) {
      case "hold":
        return Object.assign(record, {
          invoice_amount: amount(row.invoiceAmountCents),
          disputed_amount: amount(row.disputedCents),
          undisputed_amount: amount(row.invoiceAmountCents - row.disputedCents),
          due_date: row.dueDate,
        });
      case "release": {
        const { undisputed, disputedRemainder, creditedCents } = row.resolution;
        return Object.assign(record, {
          disputed_amount: amount(disputedRemainder.amountCents + creditedCents),
          undisputed_amount: amount(undisputed.amountCents),
          due_date: undisputed.dueDate,
          remainder_amount: amount(disputedRemainder.amountCents),
          new_due_date: disputedRemainder.dueDate,
          credited_amount: amount(creditedCents),
        });
      }
      case "credit_note_to_issue":
      case "credit_note_issued":
        return Object.assign(record, {
          amount_excl_vat: amount(row.amountExclVatCents),
          vat_amount: amount(row.vatCents),
          amount_incl_vat: amount(row.amountInclVatCents),
          credit_note_number: row.event === "credit_note_issued" ? row.creditNoteNumber : "",
        });
    }
  });
  return stringify(records, {
    bom: true,
    header: true,
    columns: [...ERP_EXPORT_COLUMNS],
    delimiter: ";",
    record_delimiter: "windows",
    // With an explicit record delimiter, csv-stringify would quote only fields holding CRLF: a lone LF or CR too.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
