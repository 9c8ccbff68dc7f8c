import { Readable } from "node:stream";
import { caseLines, cases, customerAccounts, invoices, type Tx } from "@accord/db";
import { asc, eq } from "drizzle-orm";
import { loadSupplierIdentity } from "../admin/get-supplier-identity";
import { AppError } from "../errors";
import type { FileStore } from "../files/file-store";
import { addReference, lockContent } from "../files/stored-file-references";
import type { AgreementDocument } from "./agreement-document";
import { renderAgreementPdf } from "./agreement-pdf";
import type { ProposalRow } from "./settlement-case";

/** The largest agreement the store takes (a few pages of text weigh tens of kilobytes). */
const MAX_AGREEMENT_BYTES = 10 * 1024 * 1024;

/**
 * Renders the agreement ("protocole d'accord") once, at acceptance, and keeps its bytes in the
 * content-addressed file store with one reference held by the acceptance: every later download serves
 * these bytes, never a new rendering. Returns its SHA-256 and size.
 */
export async function recordAgreement(
  tx: Tx,
  options: {
    store: FileStore;
    caseId: string;
    proposal: ProposalRow;
    acceptance: AgreementDocument["acceptance"];
    language: "fr" | "en";
    now: Date;
  },
): Promise<{ sha256: string; size: number; fileName: string; document: AgreementDocument }> {
  const supplier = await loadSupplierIdentity(tx);
  if (!supplier) throw new AppError("conflict", { messageKey: "proposal.error.supplier_identity_missing" });
  const [row] = await tx
    .select({ reference: cases.reference, title: cases.title, accountName: customerAccounts.name, siren: customerAccounts.siren, vatId: customerAccounts.vatId })
    .from(cases)
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .where(eq(cases.id, options.caseId));
  if (!row) throw new AppError("not_found");
  const invoiceRows = await tx
    .selectDistinct({ number: invoices.number, issuedOn: invoices.issueDate })
    .from(caseLines)
    .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
    .where(eq(caseLines.caseId, options.caseId))
    .orderBy(asc(invoices.number));
  const { proposal } = options;
  const document: AgreementDocument = {
    supplier: { legalName: supplier.legalName, siren: supplier.siren, vatNumber: supplier.vatNumber, address: supplier.address },
    customer: { legalName: row.accountName, siren: row.siren, vatNumber: row.vatId },
    caseReference: row.reference,
    caseTitle: row.title,
    invoices: invoiceRows,
    proposal: {
      number: proposal.number,
      kind: proposal.kind,
      terms: proposal.terms,
      concessions: proposal.concessions ?? null,
      amountCents: proposal.amountCents,
      vatCents: proposal.vatCents,
      currency: proposal.currency,
    },
    acceptance: options.acceptance,
  };
  const bytes = await renderAgreementPdf(document, options.language);
  const written = await options.store.writeTemp(Readable.from(Buffer.from(bytes)), { maxBytes: MAX_AGREEMENT_BYTES });
  if (!written.ok) throw new AppError("conflict", { messageKey: "proposal.error.agreement_failed" });
  await lockContent(tx, written.sha256);
  await options.store.commit(written.tempKey, written.sha256);
  await addReference(tx, { sha256: written.sha256, sizeBytes: written.sizeBytes, contentType: "application/pdf", now: options.now });
  const fileName = `${options.language === "fr" ? "protocole-accord" : "settlement-agreement"}-${row.reference}.pdf`;
  return { sha256: written.sha256, size: written.sizeBytes, fileName, document };
}
