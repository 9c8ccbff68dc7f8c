import { caseDecisions, customerAccounts } from "@accord/db";
import { localDate } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { loadSupplierIdentity } from "../admin/get-supplier-identity";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import { PARIS } from "../settlement/settlement-case";
import type { UseCaseArgs } from "../use-case";
import { caseCredit } from "./case-credit";
import { CREDIT_NOTE_LINE_ON_INVOICE, CREDIT_NOTE_NOTE } from "./credit-note-labels";
import { creditNoteUbl, type CreditNoteDocument } from "./credit-note-ubl";
import type { CreditNoteInput } from "./schemas";

export { creditNoteSchema, type CreditNoteInput } from "./schemas";

/**
 * « Notre société »'s address as typed (street lines, then "60300 Senlis", and optionally "France") in the
 * UBL's parts, or null when it cannot be read as a French postal address.
 */
export function supplierPostalAddress(address: string): CreditNoteDocument["supplier"]["address"] | null {
  const lines = address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length > 0 && /^france$/i.test(lines.at(-1)!)) lines.pop();
  const last = lines.pop();
  const match = last ? /^(\d{5})\s+(.+)$/.exec(last) : null;
  if (!match || lines.length === 0 || lines.length > 3) return null;
  return { lines, postcode: match[1]!, city: match[2]!, countryCode: "FR" };
}

/**
 * The UBL 2.1 CreditNote of a decided case, once the ERP's credit-note number is recorded (it is the
 * document's ID), for staff who read invoices and may see the case (finance, agents…). The supplier is
 * « Notre société », the customer the case's account, the credited invoices those the case disputes, and
 * the lines the amount granted spread over the contested lines (each keeps its VAT rate), as the
 * resolution's new due dates count it. Refused, saying why, before the number is recorded.
 */
export async function buildCreditNote({ db, actor, input }: UseCaseArgs<CreditNoteInput>): Promise<{ fileName: string; xml: string }> {
  const staff = requireStaff(actor, "invoice:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [decision] = await tx.select().from(caseDecisions).where(eq(caseDecisions.caseId, row.id));
      if (!decision) throw new AppError("conflict", { messageKey: "receivables.error.case_not_decided" });
      if (decision.grantedCents === 0) throw new AppError("conflict", { messageKey: "receivables.error.nothing_credited" });
      if (!decision.creditNoteNumber) throw new AppError("conflict", { messageKey: "receivables.error.credit_note_number_missing" });
      const supplier = await loadSupplierIdentity(tx);
      const supplierAddress = supplier ? supplierPostalAddress(supplier.address) : null;
      if (!supplier || !supplierAddress) throw new AppError("conflict", { messageKey: "receivables.error.supplier_identity_incomplete" });
      const [account] = await tx.select().from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
      if (!account) throw new AppError("not_found");
      const credits = (await caseCredit(tx, row.id, decision.grantedCents)).filter((credit) => credit.lines.length > 0);
      const [first, ...others] = credits;
      if (!first) throw new AppError("conflict", { messageKey: "receivables.error.nothing_credited" });
      const language = account.language;
      const xml = creditNoteUbl({
        number: decision.creditNoteNumber,
        issueDate: decision.creditNoteIssuedOn ?? localDate(decision.decidedAt, PARIS),
        currency: "EUR",
        supplier: { legalName: supplier.legalName, siren: supplier.siren, vatNumber: supplier.vatNumber, address: supplierAddress },
        customer: { legalName: account.name, siren: account.siren, vatId: account.vatId, address: null },
        caseReference: row.reference,
        note: CREDIT_NOTE_NOTE[language](row.reference),
        invoice: { number: first.invoiceNumber, issueDate: first.invoiceIssueDate },
        otherInvoices: others.map((credit) => ({ number: credit.invoiceNumber, issueDate: credit.invoiceIssueDate })),
        lines: credits.flatMap((credit) =>
          credit.lines.map((line) => ({
            description: others.length > 0 ? CREDIT_NOTE_LINE_ON_INVOICE[language](line.description, credit.invoiceNumber) : line.description,
            quantityMilli: 1000,
            unitCode: "C62",
            unitPriceCents: line.creditCents,
            lineAmountCents: line.creditCents,
            vatRateBp: line.vatRateBp,
          })),
        ),
      });
      return { fileName: `${decision.creditNoteNumber.replace(/[^A-Za-z0-9._-]/g, "_")}.xml`, xml };
    },
    { accessMode: "read only" },
  );
}
