import { customerAccounts, invoiceLines, invoices } from "@accord/db";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { requireCustomer, requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";
import { CLAIM_TEMPLATE } from "./import-claims";
import { INVOICE_TEMPLATE } from "./import-invoices";
import { PAYMENT_TEMPLATE } from "./import-payments";

/** A template as a spreadsheet opens it: UTF-8 with BOM, `;`, French headers, one example row. */
export function templateCsv(template: { headers: readonly string[]; example: Record<string, string> }): string {
  const quote = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [template.headers.map(quote).join(";"), template.headers.map((header) => quote(template.example[header] ?? "")).join(";")];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * The claims template for this customer (`case:create`): its example row names the customer's latest
 * invoice and its first line, so the file can be filled in and imported as it is.
 */
export async function claimImportTemplate({ db, actor }: UseCaseArgs<void>): Promise<string> {
  const customer = requireCustomer(actor, "case:create");
  const [line] = await db
    .select({ number: invoices.number, lineNo: invoiceLines.lineNo, description: invoiceLines.description, lotNumber: invoiceLines.lotNumber })
    .from(invoiceLines)
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(and(eq(invoices.accountId, customer.accountId)))
    .orderBy(desc(invoices.issueDate), desc(invoices.number), invoiceLines.lineNo)
    .limit(1);
  const example = line
    ? { ...CLAIM_TEMPLATE.example, numero_facture: line.number, ligne: String(line.lineNo), produit: line.description, lot: line.lotNumber ?? "" }
    : CLAIM_TEMPLATE.example;
  return templateCsv({ headers: CLAIM_TEMPLATE.headers, example });
}

/** The ERP templates (`invoice:import`): the example row names a real account's ERP code when there is one. */
export async function erpImportTemplate({ db, actor, input }: UseCaseArgs<{ kind: "invoices" | "payments" }>): Promise<string> {
  requireStaff(actor, "invoice:import");
  const [account] = await db.select({ erpCode: customerAccounts.erpCode }).from(customerAccounts).where(isNotNull(customerAccounts.erpCode)).orderBy(customerAccounts.name).limit(1);
  const template = input.kind === "invoices" ? INVOICE_TEMPLATE : PAYMENT_TEMPLATE;
  const example = account?.erpCode ? { ...template.example, compte: account.erpCode } : template.example;
  return templateCsv({ headers: template.headers, example });
}
