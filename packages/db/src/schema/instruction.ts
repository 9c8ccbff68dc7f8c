import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./accounts";
import { cases } from "./cases";
import { createdAt, id, requiredRef, tstz } from "./common";
import { invoiceLines, invoices } from "./invoices";

/**
 * The invoice lines a case contests. Disputed amount excl. VAT per line (PRODUCT.md):
 * contested quantity × invoiced unit price + invoiced quantity × (invoiced − contested price),
 * capped at the line's total; the claimant may lower it, never raise it.
 */
export const caseLines = pgTable(
  "case_lines",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    invoiceId: requiredRef("invoice_id", () => invoices.id),
    invoiceLineId: requiredRef("invoice_line_id", () => invoiceLines.id),
    /** Contested quantity in thousandths of the unit (missing, damaged…), null when only the price is contested. */
    contestedQuantityMilli: bigint("contested_quantity_milli", { mode: "number" }),
    /** The unit price the customer holds to be right, null when only the quantity is contested. */
    contestedUnitPriceCents: bigint("contested_unit_price_cents", { mode: "number" }),
    /** What the lines say (computed) … */
    computedAmountCents: bigint("computed_amount_cents", { mode: "number" }).notNull(),
    /** … and what is claimed (≤ computed). */
    disputedAmountCents: bigint("disputed_amount_cents", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("case_lines_case_line_key").on(t.caseId, t.invoiceLineId),
    index("case_lines_invoice_line_idx").on(t.invoiceLineId),
    index("case_lines_invoice_idx").on(t.invoiceId),
    check("case_lines_amount_check", sql`${t.disputedAmountCents} >= 0 and ${t.disputedAmountCents} <= ${t.computedAmountCents}`),
    check("case_lines_contested_check", sql`${t.contestedQuantityMilli} is not null or ${t.contestedUnitPriceCents} is not null`),
  ],
);

export type EvidenceRequestStatus = "open" | "answered" | "cancelled";

/** Items staff ask the customer for; the case waits on the customer until they answer. */
export const evidenceRequests = pgTable(
  "evidence_requests",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    requestedById: uuid("requested_by_id").references(() => staffUsers.id),
    /** What is asked, one entry per item ("Photos du lot", "Bon de livraison signé"). */
    items: text("items").array().notNull(),
    message: text("message"),
    dueDate: date("due_date").notNull(),
    status: text("status").$type<EvidenceRequestStatus>().notNull().default("open"),
    answeredAt: tstz("answered_at"),
    answeredById: uuid("answered_by_id"),
    answerText: text("answer_text"),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_requests_case_idx").on(t.caseId, t.createdAt),
    // The customer-reminder sweep (ADR 0032): open requests, oldest first.
    index("evidence_requests_open_idx").on(t.createdAt).where(sql`${t.status} = 'open'`),
    check("evidence_requests_status_check", sql`${t.status} in ('open', 'answered', 'cancelled')`),
    check("evidence_requests_items_check", sql`cardinality(${t.items}) > 0`),
  ],
);

export type TaskStatus = "open" | "done" | "cancelled";

export const caseTasks = pgTable(
  "case_tasks",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    title: text("title").notNull(),
    assigneeId: uuid("assignee_id").references(() => staffUsers.id),
    dueDate: date("due_date"),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    templateId: uuid("template_id"),
    position: integer("position").notNull().default(0),
    doneAt: tstz("done_at"),
    doneById: uuid("done_by_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_tasks_case_idx").on(t.caseId, t.position),
    index("case_tasks_assignee_idx").on(t.assigneeId, t.status),
    check("case_tasks_status_check", sql`${t.status} in ('open', 'done', 'cancelled')`),
  ],
);

/** Time a staff member spent on a case (feeds the cost per dispute). */
export const timeEntries = pgTable(
  "time_entries",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    staffId: requiredRef("staff_id", () => staffUsers.id),
    minutes: integer("minutes").notNull(),
    spentOn: date("spent_on").notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("time_entries_case_idx").on(t.caseId), check("time_entries_minutes_check", sql`${t.minutes} > 0 and ${t.minutes} <= 1440`)],
);
