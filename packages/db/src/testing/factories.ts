import { randomBytes } from "node:crypto";
import type { DbOrTx } from "../client";
import { sql } from "drizzle-orm";
import {
  cases,
  customerAccounts,
  customerUsers,
  invoiceLines,
  invoices,
  staffUsers,
  type CustomerRole,
  type StaffRole,
} from "../schema";

/**
 * Test factories: plain inserts with sensible defaults, for integration tests only.
 * (Production writes go through the use cases of @accord/core.)
 */
const unique = () => randomBytes(4).toString("hex");

export async function insertCustomerAccount(db: DbOrTx, overrides: Partial<typeof customerAccounts.$inferInsert> = {}) {
  const [row] = await db
    .insert(customerAccounts)
    .values({
      name: `Client ${unique()} SAS`,
      tier: "standard",
      paymentTerm: { kind: "net", days: 30 },
      clauses: { claimDeadlineDays: 30, penalty: { applies: false, rateBasisPoints: null }, mediation: { applies: false, mediator: null } },
      ...overrides,
    })
    .returning();
  return row!;
}

export async function insertCustomerUser(
  db: DbOrTx,
  values: { accountId: string; role?: CustomerRole } & Partial<typeof customerUsers.$inferInsert>,
) {
  const [row] = await db
    .insert(customerUsers)
    .values({ email: `user-${unique()}@client.example`, name: "Utilisateur Test", role: "member", ...values })
    .returning();
  return row!;
}

export async function insertStaffUser(db: DbOrTx, values: { roles?: StaffRole[] } & Partial<typeof staffUsers.$inferInsert> = {}) {
  const [row] = await db
    .insert(staffUsers)
    .values({ email: `staff-${unique()}@accord.example`, name: "Agent Test", roles: ["agent"], ...values })
    .returning();
  return row!;
}

export type LineInput = { description: string; quantityMilli: number; unitPriceCents: number; vatRateBp?: number; productCode?: string; lotNumber?: string };

/** Inserts an invoice with its lines; totals are computed from the lines (rounded per line). */
export async function insertInvoice(
  db: DbOrTx,
  values: { accountId: string; number?: string; issueDate?: string; dueDate?: string; deliveryDate?: string; lines: LineInput[] },
) {
  const lines = values.lines.map((line, i) => {
    const vatRateBp = line.vatRateBp ?? 2000;
    const totalExclTaxCents = Math.round((line.quantityMilli * line.unitPriceCents) / 1000);
    return { ...line, lineNo: i + 1, vatRateBp, totalExclTaxCents };
  });
  const totalExcl = lines.reduce((sum, l) => sum + l.totalExclTaxCents, 0);
  const totalTax = lines.reduce((sum, l) => sum + Math.round((l.totalExclTaxCents * l.vatRateBp) / 10000), 0);
  const [invoice] = await db
    .insert(invoices)
    .values({
      accountId: values.accountId,
      number: values.number ?? `FA-${unique()}`,
      issueDate: values.issueDate ?? "2026-10-01",
      deliveryDate: values.deliveryDate ?? values.issueDate ?? "2026-10-01",
      dueDate: values.dueDate ?? "2026-10-31",
      paymentTerm: { kind: "net", days: 30 },
      totalExclTaxCents: totalExcl,
      totalTaxCents: totalTax,
      totalInclTaxCents: totalExcl + totalTax,
    })
    .returning();
  const insertedLines = await db
    .insert(invoiceLines)
    .values(lines.map((l) => ({ ...l, invoiceId: invoice!.id })))
    .returning();
  return { ...invoice!, lines: insertedLines };
}

/**
 * Inserts a bare case row (no events, no SLA) for tests that need one to exist; real cases are
 * opened by the use cases (submitClaim…), which also write the first event and the SLA.
 */
export async function insertCase(
  db: DbOrTx,
  values: { accountId: string; customerContactId: string } & Partial<typeof cases.$inferInsert>,
) {
  const receivedAt = values.receivedAt ?? new Date();
  const [ref] = await db.execute<{ reference: string }>(sql`select accord_next_case_reference(${receivedAt.getUTCFullYear()}) as reference`);
  const [row] = await db
    .insert(cases)
    .values({
      reference: ref!.reference,
      type: "quality",
      priority: "P3",
      channel: "portal",
      title: "Réclamation de test",
      description: "Description de test",
      receivedAt,
      lastStaffActivityAt: receivedAt,
      ...values,
    })
    .returning();
  return row!;
}
