import { isIsoDate } from "@accord/domain";
import { z } from "zod";
import { caseReferenceSchema } from "../instruction/staff-case";
import { singleLine } from "../single-line";

/** A GET form sends empty strings for untouched fields: they mean "the default". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const page = optional(z.coerce.number({ error: "receivables.error.filter" }).int("receivables.error.filter").min(1, "receivables.error.filter").max(10_000, "receivables.error.filter"));
const isoDate = z
  .string({ error: "receivables.error.date_required" })
  .trim()
  .superRefine((value, ctx) => {
    if (value === "") ctx.addIssue({ code: "custom", message: "receivables.error.date_required" });
    else if (!isIsoDate(value)) ctx.addIssue({ code: "custom", message: "receivables.error.date" });
  });

export const INVOICES_PAGE_SIZE = 50;

/** "À payer" (not paid, not on hold: the default), "En litige" (on hold), "Toutes". */
export const CUSTOMER_INVOICE_FILTERS = ["due", "disputed", "all"] as const;
export type CustomerInvoiceFilter = (typeof CUSTOMER_INVOICE_FILTERS)[number];

export const customerInvoiceFiltersSchema = z.object({
  filter: optional(z.enum(CUSTOMER_INVOICE_FILTERS, { error: "receivables.error.filter" })).transform((value) => value ?? "due"),
  page: page.transform((value) => value ?? 1),
});
export type CustomerInvoiceFilters = z.output<typeof customerInvoiceFiltersSchema>;

export const customerInvoiceSchema = z.object({
  number: singleLine(z.string().trim().min(1, "validation.required").max(100, "validation.tooLong")),
});
export type CustomerInvoiceInput = z.output<typeof customerInvoiceSchema>;

/** On hold (an open case), released (a resolution restarted its term), or all. */
export const FINANCE_INVOICE_FILTERS = ["on_hold", "released", "all"] as const;
export type FinanceInvoiceFilter = (typeof FINANCE_INVOICE_FILTERS)[number];

export const financeInvoiceFiltersSchema = z.object({
  filter: optional(z.enum(FINANCE_INVOICE_FILTERS, { error: "receivables.error.filter" })).transform((value) => value ?? "on_hold"),
  accountId: optional(z.uuid({ error: "receivables.error.filter" })),
  page: page.transform((value) => value ?? 1),
});
export type FinanceInvoiceFilters = z.output<typeof financeInvoiceFiltersSchema>;

/** The ERP export's period (both days included, Europe/Paris). */
export const erpExportSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((value) => !isIsoDate(value.from) || !isIsoDate(value.to) || value.from <= value.to, { path: ["to"], error: "receivables.error.date_range" });
export type ErpExportInput = z.output<typeof erpExportSchema>;

export const creditNoteSchema = z.object({ reference: caseReferenceSchema });
export type CreditNoteInput = z.output<typeof creditNoteSchema>;
