import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customerAccounts, type PaymentTerm } from "./accounts";
import { createdAt, id, requiredRef } from "./common";

export type InvoicePaidStatus = "unpaid" | "partially_paid" | "paid";

/** Invoices imported from the ERP. Amounts in integer cents. */
export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    number: text("number").notNull(),
    issueDate: date("issue_date").notNull(),
    deliveryDate: date("delivery_date"),
    dueDate: date("due_date").notNull(),
    /** The term the invoice was issued under (a snapshot of the account's term at the time). */
    paymentTerm: jsonb("payment_term").$type<PaymentTerm>().notNull(),
    currency: text("currency").notNull().default("EUR"),
    totalExclTaxCents: bigint("total_excl_tax_cents", { mode: "number" }).notNull(),
    totalTaxCents: bigint("total_tax_cents", { mode: "number" }).notNull(),
    totalInclTaxCents: bigint("total_incl_tax_cents", { mode: "number" }).notNull(),
    paidCents: bigint("paid_cents", { mode: "number" }).notNull().default(0),
    paidStatus: text("paid_status").$type<InvoicePaidStatus>().notNull().default("unpaid"),
    orderNumber: text("order_number"),
    deliveryNoteNumber: text("delivery_note_number"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoices_account_number_key").on(t.accountId, t.number),
    index("invoices_account_issue_idx").on(t.accountId, t.issueDate.desc()),
    // The pre-due reminder sweep (ADR 0032): unpaid invoices by due date.
    index("invoices_unpaid_due_idx").on(t.dueDate).where(sql`${t.paidStatus} <> 'paid'`),
    check("invoices_paid_status_check", sql`${t.paidStatus} in ('unpaid', 'partially_paid', 'paid')`),
    check("invoices_totals_check", sql`${t.totalInclTaxCents} = ${t.totalExclTaxCents} + ${t.totalTaxCents}`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: id(),
    invoiceId: requiredRef("invoice_id", () => invoices.id),
    lineNo: integer("line_no").notNull(),
    productCode: text("product_code"),
    description: text("description").notNull(),
    /** Quantity in thousandths of the unit (1 unit = 1000), so kilograms and litres stay exact. */
    quantityMilli: bigint("quantity_milli", { mode: "number" }).notNull(),
    unit: text("unit").notNull().default("u"),
    unitPriceCents: bigint("unit_price_cents", { mode: "number" }).notNull(),
    /** VAT rate in basis points: 2000 = 20 %, 550 = 5,5 %. */
    vatRateBp: integer("vat_rate_bp").notNull(),
    totalExclTaxCents: bigint("total_excl_tax_cents", { mode: "number" }).notNull(),
    lotNumber: text("lot_number"),
  },
  (t) => [
    uniqueIndex("invoice_lines_invoice_line_key").on(t.invoiceId, t.lineNo),
    check("invoice_lines_quantity_check", sql`${t.quantityMilli} > 0`),
    check("invoice_lines_vat_check", sql`${t.vatRateBp} between 0 and 10000`),
  ],
);
