/**
 * The credit of a decided case, per disputed invoice and contested line (the domain's spreadCredit,
 * the same split as the resolution's new due dates), with its VAT per rate (documentTotals, as the
 * UBL credit note counts it). Shared by the ERP export and the credit note; not a use case.
 */
import { caseLines, invoiceLines, invoices, type Tx } from "@accord/db";
import { documentTotals, spreadCredit } from "@accord/domain";
import { asc, eq } from "drizzle-orm";

export interface InvoiceCredit {
  invoiceId: string;
  invoiceNumber: string;
  invoiceIssueDate: string;
  lines: { description: string; vatRateBp: number; creditCents: number }[];
  amountExclVatCents: number;
  vatCents: number;
  amountInclVatCents: number;
}

export async function caseCredit(tx: Tx, caseId: string, grantedCents: number): Promise<InvoiceCredit[]> {
  const contested = await tx
    .select({
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
      invoiceIssueDate: invoices.issueDate,
      description: invoiceLines.description,
      vatRateBp: invoiceLines.vatRateBp,
      disputedCents: caseLines.disputedAmountCents,
    })
    .from(caseLines)
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
    .where(eq(caseLines.caseId, caseId))
    .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));
  const grouped = [...new Set(contested.map((line) => line.invoiceId))].map((invoiceId) => {
    const lines = contested.filter((line) => line.invoiceId === invoiceId);
    return { invoiceId, invoiceNumber: lines[0]!.invoiceNumber, invoiceIssueDate: lines[0]!.invoiceIssueDate, lines };
  });
  return spreadCredit(grantedCents, grouped).map(({ invoice, lines }) => {
    const credited = lines.filter((part) => part.creditCents > 0).map((part) => ({ description: part.line.description, vatRateBp: part.line.vatRateBp, creditCents: part.creditCents }));
    const totals = credited.length > 0 ? documentTotals(credited.map((line) => ({ lineAmountCents: line.creditCents, vatRateBp: line.vatRateBp }))) : { netCents: 0, vatCents: 0, grossCents: 0 };
    return {
      invoiceId: invoice.invoiceId,
      invoiceNumber: invoice.invoiceNumber,
      invoiceIssueDate: invoice.invoiceIssueDate,
      lines: credited,
      amountExclVatCents: totals.netCents,
      vatCents: totals.vatCents,
      amountInclVatCents: totals.grossCents,
    };
  });
}
