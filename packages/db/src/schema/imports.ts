import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts, customerUsers, staffUsers } from "./accounts";
import { integrationKeys } from "./auth";
import { createdAt, id, requiredRef } from "./common";
import { invoices } from "./invoices";

export type ImportKind = "claims" | "invoices" | "payments";
export type ImportStatus = "imported" | "refused";

/** One refused cell of an import: the spreadsheet's row, the column as the file named it, a catalogue key. */
export interface ImportRowError {
  line: number;
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** What an import did, for its report page (bounded: the first errors only, ADR 0037). */
export interface ImportSummary {
  created: number;
  updated: number;
  /** Rows already recorded by an earlier import of the same data (replayed, nothing written). */
  unchanged: number;
  /** Claims created (references), or invoices created/updated (numbers). */
  references: string[];
  errors: ImportRowError[];
  errorCount: number;
}

/**
 * Every CSV import, refused ones included (ADR 0037): who (a customer user of the account, staff, or
 * an integration key — ADR 0038), when, which file (name, SHA-256, size), how many rows, the outcome and its summary.
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    kind: text("kind").$type<ImportKind>().notNull(),
    /** The customer account for a claims import; null for the ERP's imports (every account). */
    accountId: uuid("account_id").references(() => customerAccounts.id),
    customerUserId: uuid("customer_user_id").references(() => customerUsers.id),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    /** The integration key that ran an ERP import through the API (ADR 0038). */
    integrationKeyId: uuid("integration_key_id").references(() => integrationKeys.id),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    rows: integer("rows").notNull(),
    status: text("status").$type<ImportStatus>().notNull(),
    summary: jsonb("summary").$type<ImportSummary>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("imports_account_idx").on(t.accountId, t.createdAt.desc()),
    index("imports_kind_idx").on(t.kind, t.createdAt.desc()),
    check("imports_kind_check", sql`${t.kind} in ('claims', 'invoices', 'payments')`),
    check("imports_status_check", sql`${t.status} in ('imported', 'refused')`),
    // Exactly one of: a customer user, a staff user, an integration key (ADR 0038).
    check(
      "imports_actor_check",
      sql`((${t.customerUserId} is not null)::int + (${t.staffUserId} is not null)::int + (${t.integrationKeyId} is not null)::int) = 1`,
    ),
  ],
);

/** A payment the ERP recorded against an invoice; the invoice's paid amount is their sum (ADR 0037). */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    invoiceId: requiredRef("invoice_id", () => invoices.id),
    /** The ERP's reference of the payment (unique per invoice: a re-import does not count it twice). */
    reference: text("reference").notNull(),
    paidOn: date("paid_on").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    importId: uuid("import_id").references(() => imports.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payments_invoice_reference_key").on(t.invoiceId, t.reference),
    check("payments_amount_check", sql`${t.amountCents} > 0`),
  ],
);
