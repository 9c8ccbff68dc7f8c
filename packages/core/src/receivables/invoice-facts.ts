/**
 * Shared reads of the receivables use cases: what the open cases and the resolutions did to a set of
 * invoices (on hold, the cases, the new due dates). Not use cases themselves: every caller checks its
 * own access first and runs these inside its transaction.
 */
import { caseLines, cases, invoices, invoiceSettlements, type Tx } from "@accord/db";
import {
  CASE_STATUSES,
  holdsInvoices,
  invoiceDunningState,
  outstandingDueDate,
  type CaseStatus,
  type InvoiceDunningState,
  type IsoDate,
} from "@accord/domain";
import { asc, eq, inArray, sql, type SQL } from "drizzle-orm";

/** The statuses whose cases keep their invoices on hold (the domain's rule, as a list for SQL). */
export const HOLDING_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(holdsInvoices);

const holdingList = () => sql.join(HOLDING_STATUSES.map((status) => sql`${status}`), sql`, `);

/** WHERE `invoices` has a line contested by an open case. */
export function onHold(): SQL {
  return sql`exists (select 1 from ${caseLines} inner join ${cases} on ${cases.id} = ${caseLines.caseId} where ${caseLines.invoiceId} = ${invoices.id} and ${cases.status} in (${holdingList()}))`;
}

/** WHERE `invoices` was released by a resolution (an invoice_settlements row). */
export function released(): SQL {
  return sql`exists (select 1 from ${invoiceSettlements} where ${invoiceSettlements.invoiceId} = ${invoices.id})`;
}

export const invoiceColumns = {
  id: invoices.id,
  accountId: invoices.accountId,
  number: invoices.number,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  currency: invoices.currency,
  totalExclTaxCents: invoices.totalExclTaxCents,
  totalTaxCents: invoices.totalTaxCents,
  totalInclTaxCents: invoices.totalInclTaxCents,
  paidCents: invoices.paidCents,
  paidStatus: invoices.paidStatus,
};
export type InvoiceRow = { [K in keyof typeof invoiceColumns]: (typeof invoiceColumns)[K]["_"]["data"] };

/** A case that contests lines of the invoice. */
export interface InvoiceCase {
  reference: string;
  /** The case keeps the invoice on hold (open: not resolved, not ended). */
  onHold: boolean;
}

/** What a resolution did to the invoice (PRODUCT.md §5), amounts incl. VAT. */
export interface InvoiceSettlementFacts {
  caseReference: string;
  resolvedOn: string;
  disputedCents: number;
  creditedCents: number;
  /** Never disputed: keeps the invoice's original due date. */
  undisputedCents: number;
  undisputedDueDate: string;
  /** Disputed and not credited: due under the contractual term counted from the resolution. */
  remainderCents: number;
  remainderDueDate: string;
}

export interface InvoiceFacts extends InvoiceRow {
  paid: boolean;
  onHold: boolean;
  /** The domain's dunning state on `today` (on_hold, overdue, not_due, paid). */
  dunningState: InvoiceDunningState;
  /** The date the invoice falls due for dunning (after a resolution: the earliest part still unpaid). */
  currentDueDate: string;
  cases: InvoiceCase[];
  /** Newest resolution first. */
  settlements: InvoiceSettlementFacts[];
}

/** The facts of each invoice row (same order), `today` the Paris calendar date. */
export async function invoiceFacts(tx: Tx, rows: readonly InvoiceRow[], today: IsoDate): Promise<InvoiceFacts[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const links = await tx
    .selectDistinct({ invoiceId: caseLines.invoiceId, reference: cases.reference, status: cases.status })
    .from(caseLines)
    .innerJoin(cases, eq(cases.id, caseLines.caseId))
    .where(inArray(caseLines.invoiceId, ids))
    .orderBy(asc(caseLines.invoiceId), asc(cases.reference));
  const settled = await tx
    .select({
      invoiceId: invoiceSettlements.invoiceId,
      caseReference: cases.reference,
      resolvedOn: invoiceSettlements.resolvedOn,
      disputedCents: invoiceSettlements.disputedCents,
      creditedCents: invoiceSettlements.creditedCents,
      undisputedCents: invoiceSettlements.undisputedCents,
      undisputedDueDate: invoiceSettlements.undisputedDueDate,
      remainderCents: invoiceSettlements.remainderCents,
      remainderDueDate: invoiceSettlements.remainderDueDate,
      createdAt: invoiceSettlements.createdAt,
    })
    .from(invoiceSettlements)
    .innerJoin(cases, eq(cases.id, invoiceSettlements.caseId))
    .where(inArray(invoiceSettlements.invoiceId, ids))
    .orderBy(asc(invoiceSettlements.invoiceId), asc(invoiceSettlements.resolvedOn), asc(invoiceSettlements.createdAt));
  return rows.map((row) => {
    const own = links.filter((link) => link.invoiceId === row.id).map((link) => ({ reference: link.reference, onHold: holdsInvoices(link.status) }));
    const settlements = settled
      .filter((entry) => entry.invoiceId === row.id)
      .reverse()
      .map(({ invoiceId: _invoiceId, createdAt: _createdAt, ...entry }) => entry);
    const held = own.some((link) => link.onHold);
    const paid = row.paidStatus === "paid";
    const latest = settlements[0];
    const currentDueDate = outstandingDueDate({
      dueDate: row.dueDate as IsoDate,
      paidCents: row.paidCents,
      settlement: latest
        ? { undisputedCents: latest.undisputedCents, undisputedDueDate: latest.undisputedDueDate as IsoDate, remainderCents: latest.remainderCents, remainderDueDate: latest.remainderDueDate as IsoDate }
        : null,
    });
    return {
      ...row,
      paid,
      onHold: held,
      dunningState: invoiceDunningState({ dueDate: currentDueDate, paid, disputed: held }, today),
      currentDueDate,
      cases: own,
      settlements,
    };
  });
}
