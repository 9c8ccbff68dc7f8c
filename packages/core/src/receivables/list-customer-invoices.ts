import { invoices } from "@accord/db";
import { localDate } from "@accord/domain";
import { and, desc, eq, not, type SQL } from "drizzle-orm";
import { requireCustomer } from "../access";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceColumns, invoiceFacts, onHold, type InvoiceFacts } from "./invoice-facts";
import { INVOICES_PAGE_SIZE, type CustomerInvoiceFilter, type CustomerInvoiceFilters } from "./schemas";

export { customerInvoiceFiltersSchema, CUSTOMER_INVOICE_FILTERS, type CustomerInvoiceFilter, type CustomerInvoiceFilters } from "./schemas";

export interface CustomerInvoiceList {
  invoices: InvoiceFacts[];
  filter: CustomerInvoiceFilter;
  page: number;
  hasNextPage: boolean;
}

const FILTER_SQL: Record<CustomerInvoiceFilter, () => SQL | undefined> = {
  // "À payer": what the customer owes now. An invoice on hold is out of it until its case is resolved.
  due: () => and(not(eq(invoices.paidStatus, "paid")), not(onHold())),
  disputed: () => onHold(),
  all: () => undefined,
};

/**
 * "Mes factures": the invoices of the customer's own account, newest first, 50 a page, each with its
 * dunning state, whether an open case holds it, its cases and, after a resolution, its new due dates.
 */
export async function listCustomerInvoices({ db, actor, input, now }: UseCaseArgs<CustomerInvoiceFilters>): Promise<CustomerInvoiceList> {
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
      const facts = await invoiceFacts(tx, rows.slice(0, INVOICES_PAGE_SIZE), localDate(now, PARIS));
      return { invoices: facts, filter: input.filter, page: input.page, hasNextPage: rows.length > INVOICES_PAGE_SIZE };
    },
    { accessMode: "read only" },
  );
}
