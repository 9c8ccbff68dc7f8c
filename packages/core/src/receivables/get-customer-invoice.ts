import { caseLines, cases, invoiceLines, invoices } from "@accord/db";
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
      const lines = await tx
        .select({
          id: invoiceLines.id,
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
        .where(eq(invoiceLines.invoiceId, row.id))
        .orderBy(asc(invoiceLines.lineNo));
      const contested =
        lines.length === 0
          ? []
          : await tx
              .select({ lineId: caseLines.invoiceLineId, reference: cases.reference, status: cases.status })
              .from(caseLines)
              .innerJoin(cases, eq(cases.id, caseLines.caseId))
              .where(inArray(caseLines.invoiceLineId, lines.map((line) => line.id)))
              .orderBy(asc(cases.reference));
      return {
        ...facts!,
        lines: lines.map((line) => {
          const own = contested.filter((entry) => entry.lineId === line.id);
          return { ...line, caseReferences: own.map((entry) => entry.reference), onHold: own.some((entry) => holdsInvoices(entry.status)) };
        }),
      };
    },
    { accessMode: "read only" },
  );
}
