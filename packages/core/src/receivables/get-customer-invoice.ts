import { caseLines, cases, invoiceLines, invoices, type Tx } from "@accord/db";
import { holdsInvoices, localDate } from "@accord/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceColumns, invoiceFacts, type InvoiceFacts } from "./invoice-facts";
import type { CustomerInvoiceInput } from "./schemas";

export { customerInvoiceSchema, type CustomerInvoiceInput } from "./schemas";

export interface CustomerInvoiceLine {
  id: string;
  lineNo: number;
  productCode: string | null;
  description: string;
  unit: string;
  quantityMilli: number;
  unitPriceCents: number;
  vatRateBp: number;
  totalExclTaxCents: number;
  /** The cases that contest this line (open or not), and whether one of them holds it. */
  caseReferences: string[];
  onHold: boolean;
}

export interface CustomerInvoice extends InvoiceFacts {
  lines: CustomerInvoiceLine[];
}

/**
 * The lines of each invoice (same order as `invoiceIds`), each with the cases that contest it and
 * whether one of them holds it: three queries whatever the number of invoices.
 */
export async function invoiceLinesOf(tx: Tx, invoiceIds: readonly string[]): Promise<CustomerInvoiceLine[][]> {
  if (invoiceIds.length === 0) return [];
  const lines = await tx
    .select({
      id: invoiceLines.id,
      invoiceId: invoiceLines.invoiceId,
      lineNo: invoiceLines.lineNo,
      productCode: invoiceLines.productCode,
      description: invoiceLines.description,
      unit: invoiceLines.unit,
      quantityMilli: invoiceLines.quantityMilli,
      unitPriceCents: invoiceLines.unitPriceCents,
      vatRateBp: invoiceLines.vatRateBp,
      totalExclTaxCents: invoiceLines.totalExclTaxCents,
    })
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, [...invoiceIds]))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.lineNo));
  const contested =
    lines.length === 0
      ? []
      : await tx
          .select({ lineId: caseLines.invoiceLineId, reference: cases.reference, status: cases.status })
          .from(caseLines)
          .innerJoin(cases, eq(cases.id, caseLines.caseId))
          .where(inArray(caseLines.invoiceLineId, lines.map((line) => line.id)))
          .orderBy(asc(cases.reference));
  return invoiceIds.map((invoiceId) =>
    lines
      .filter((line) => line.invoiceId === invoiceId)
      .map(({ invoiceId: _invoiceId, ...line }) => {
        const own = contested.filter((entry) => entry.lineId === line.id);
        return { ...line, caseReferences: own.map((entry) => entry.reference), onHold: own.some((entry) => holdsInvoices(entry.status)) };
      }),
  );
}

/** One invoice of the customer's own account, by number, with its lines and the same facts as the list; not_found otherwise. */
export async function getCustomerInvoice({ db, actor, input, now }: UseCaseArgs<CustomerInvoiceInput>): Promise<CustomerInvoice> {
  const customer = requireCustomer(actor, "invoice:read");
  return db.transaction(
    async (tx) => {
      const [row] = await tx
        .select(invoiceColumns)
        .from(invoices)
        .where(and(eq(invoices.accountId, customer.accountId), eq(invoices.number, input.number)));
      if (!row) throw new AppError("not_found", { messageKey: "receivables.error.invoice_unknown" });
      const [facts] = await invoiceFacts(tx, [row], localDate(now, PARIS));
      const [lines] = await invoiceLinesOf(tx, [row.id]);
      return { ...facts!, lines: lines! };
    },
    { accessMode: "read only" },
  );
}
