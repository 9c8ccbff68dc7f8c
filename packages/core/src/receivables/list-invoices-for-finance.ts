import { customerAccounts, invoices } from "@accord/db";
import { localDate } from "@accord/domain";
import { and, asc, desc, eq, not } from "drizzle-orm";
import { requireStaff } from "../access";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceColumns, invoiceFacts, onHold, released, type InvoiceFacts } from "./invoice-facts";
import { INVOICES_PAGE_SIZE, type FinanceInvoiceFilter, type FinanceInvoiceFilters } from "./schemas";

export { financeInvoiceFiltersSchema, FINANCE_INVOICE_FILTERS, type FinanceInvoiceFilter, type FinanceInvoiceFilters } from "./schemas";

export interface FinanceInvoice extends InvoiceFacts {
  accountName: string;
  accountErpCode: string | null;
}

export interface FinanceInvoiceList {
  invoices: FinanceInvoice[];
  /** The accounts to filter on (name order). */
  accounts: { id: string; name: string }[];
  filter: FinanceInvoiceFilter;
  page: number;
  hasNextPage: boolean;
}

const FILTER_SQL = {
  on_hold: () => onHold(),
  // Released: a resolution restarted its term and no other open case holds it.
  released: () => and(released(), not(onHold())),
  all: () => undefined,
} satisfies Record<FinanceInvoiceFilter, unknown>;

/**
 * The receivables across accounts for staff who read invoices (back-office "Factures"): on hold,
 * released or all, optionally one account, newest first, 50 a page.
 */
export async function listInvoicesForFinance({ db, actor, input, now }: UseCaseArgs<FinanceInvoiceFilters>): Promise<FinanceInvoiceList> {
  requireStaff(actor, "invoice:read");
  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select({ ...invoiceColumns, accountName: customerAccounts.name, accountErpCode: customerAccounts.erpCode })
        .from(invoices)
        .innerJoin(customerAccounts, eq(customerAccounts.id, invoices.accountId))
        .where(and(input.accountId ? eq(invoices.accountId, input.accountId) : undefined, FILTER_SQL[input.filter]()))
        .orderBy(desc(invoices.issueDate), desc(invoices.number), desc(invoices.id))
        .limit(INVOICES_PAGE_SIZE + 1)
        .offset((input.page - 1) * INVOICES_PAGE_SIZE);
      const page = rows.slice(0, INVOICES_PAGE_SIZE);
      const facts = await invoiceFacts(
        tx,
        page.map(({ accountName: _name, accountErpCode: _code, ...row }) => row),
        localDate(now, PARIS),
      );
      const accounts = await tx.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name));
      return {
        invoices: facts.map((fact, index) => ({ ...fact, accountName: page[index]!.accountName, accountErpCode: page[index]!.accountErpCode })),
        accounts,
        filter: input.filter,
        page: input.page,
        hasNextPage: rows.length > INVOICES_PAGE_SIZE,
      };
    },
    { accessMode: "read only" },
  );
}
