import { invoices } from "@accord/db";
import { localDate } from "@accord/domain";
import { and, desc, eq, not, type SQL } from "drizzle-orm";
import { requireCustomer } from "../access";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceLinesOf, type CustomerInvoice } from "./get-customer-invoice";
import { invoiceColumns, invoiceFacts, onHold } from "./invoice-facts";
import { INVOICES_PAGE_SIZE, type CustomerInvoiceFilter, type CustomerInvoiceFilters } from "./schemas";

const FILTER_SQL: Record<CustomerInvoiceFilter, () => SQL | undefined> = {
  due: () => and(not(eq(invoices.paidStatus, "paid")), not(onHold())),
  disputed: () => onHold(),
  all: () => undefined,
};

/**
 * The customer's invoices as "Mes factures" lists them (newest first, 50 a page, same filters and
 * facts), each with its lines as the invoice page shows them: for the API, in one read transaction.
 */
export async function listCustomerInvoicesWithLines({ db, actor, input, now }: UseCaseArgs<CustomerInvoiceFilters>): Promise<{ invoices: CustomerInvoice[]; hasNextPage: boolean }> {
  const customer = requireCustomer(actor, "invoice:read");
  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select(invoiceColumns)
        .from(invoices)
        .where(and(eq(invoices.accountId, customer.accountId), FILTER_SQL[input.filter]()))
        .orderBy(desc(invoices.issueDate), desc(invoices.number), desc(invoices.id))
        .limit(INVOICES_PAGE_SIZE + 1)
        .offset((input.page - 1) * INVOICES_PAGE_SIZE);
      const page = rows.slice(0, INVOICES_PAGE_SIZE);
      const facts = await invoiceFacts(tx, page, localDate(now, PARIS));
      const lines = await invoiceLinesOf(tx, page.map((row) => row.id));
      return { invoices: facts.map((fact, index) => ({ ...fact, lines: lines[index]! })), hasNextPage: rows.length > INVOICES_PAGE_SIZE };
    },
    { accessMode: "read only" },
  );
}
