import { customerAccounts, invoiceLines, invoices, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { count, desc, eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";

export const HOME_INVOICE_LIMIT = 100;

export interface CustomerHome {
  account: {
    id: string;
    name: string;
    siren: string | null;
    vatId: string | null;
    erpCode: string | null;
    tier: "standard" | "key" | "strategic";
    currency: string;
  };
  invoices: {
    id: string;
    number: string;
    issueDate: string;
    dueDate: string;
    currency: string;
    totalExclTaxCents: number;
    totalInclTaxCents: number;
    paidCents: number;
    paidStatus: "unpaid" | "partially_paid" | "paid";
    lineCount: number;
  }[];
}

/** The portal's home: the signed-in customer's company and its invoices, newest first. */
export async function getCustomerHome({ db, actor }: { db: Db; actor: Actor | null; now?: Date }): Promise<CustomerHome> {
  const customer = requireCustomer(actor, "invoice:read");
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({
        id: customerAccounts.id,
        name: customerAccounts.name,
        siren: customerAccounts.siren,
        vatId: customerAccounts.vatId,
        erpCode: customerAccounts.erpCode,
        tier: customerAccounts.tier,
        currency: customerAccounts.currency,
      })
      .from(customerAccounts)
      .where(eq(customerAccounts.id, customer.accountId));
    if (!account) throw new AppError("not_found");

    // Scoped in the query itself: only this account's invoices can come back.
    const rows = await tx
      .select({
        id: invoices.id,
        number: invoices.number,
        issueDate: invoices.issueDate,
        dueDate: invoices.dueDate,
        currency: invoices.currency,
        totalExclTaxCents: invoices.totalExclTaxCents,
        totalInclTaxCents: invoices.totalInclTaxCents,
        paidCents: invoices.paidCents,
        paidStatus: invoices.paidStatus,
        lineCount: count(invoiceLines.id),
      })
      .from(invoices)
      .leftJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
      .where(eq(invoices.accountId, customer.accountId))
      .groupBy(invoices.id)
      .orderBy(desc(invoices.issueDate), desc(invoices.number))
      .limit(HOME_INVOICE_LIMIT);
    return { account, invoices: rows };
  });
}
