import { invoiceLines, invoices } from "@accord/db";
import { and, eq, inArray } from "drizzle-orm";
import { requireCustomer } from "../access";
import type { UseCaseArgs } from "../use-case";

export interface InvoiceLineRef {
  invoiceNumber: string;
  lineNo: number;
}

/**
 * The ids of invoice lines named the way an ERP knows them (invoice number and line number), within
 * the customer's own account: one id per reference, in order, null where the account has no such
 * line (a line of another company is "no such line"). Reads only; the claim's use case checks again.
 */
export async function findInvoiceLineIds({ db, actor, input }: UseCaseArgs<{ refs: readonly InvoiceLineRef[] }>): Promise<(string | null)[]> {
  const customer = requireCustomer(actor, "case:create");
  if (input.refs.length === 0) return [];
  const numbers = [...new Set(input.refs.map((ref) => ref.invoiceNumber))];
  const rows = await db
    .select({ id: invoiceLines.id, number: invoices.number, lineNo: invoiceLines.lineNo })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.accountId, customer.accountId), inArray(invoices.number, numbers)));
  const byRef = new Map(rows.map((row) => [`${row.number}\u0000${row.lineNo}`, row.id]));
  return input.refs.map((ref) => byRef.get(`${ref.invoiceNumber}\u0000${ref.lineNo}`) ?? null);
}
