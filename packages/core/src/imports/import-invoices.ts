import { caseLines, invoiceLines, invoices, type ImportRowError, type Tx } from "@accord/db";
import { documentTotals, dueDate, lineAmount, paidStatusOf, readCsvDate, readCsvDecimal, readCsvPositiveInteger, readCsvText, readCsvVatRate, type CsvRead } from "@accord/domain";
import { and, eq, inArray } from "drizzle-orm";
import { requireErpImporter, type IntegrationActor } from "../access";
import type { UseCaseArgs } from "../use-case";
import { ACCOUNT_COLUMNS, resolveErpAccounts } from "./erp-accounts";
import { ImportRefused, runImport, type ImportFileInput, type ImportReport, type ImportTranslate } from "./import-report";
import { readCsv, type CsvColumn, type CsvRow, cellErrorOf } from "./read-csv";

/** The columns of an invoices file from the ERP: one row per invoice line (ADR 0037). */
export const INVOICE_COLUMNS = [
  ...ACCOUNT_COLUMNS,
  { key: "number", names: ["numero_facture", "n_facture", "facture", "invoice_number", "invoice"], required: true },
  { key: "issueDate", names: ["date_facture", "date_emission", "issue_date", "invoice_date"], required: true },
  { key: "dueDate", names: ["date_echeance", "echeance", "due_date"] },
  { key: "deliveryDate", names: ["date_livraison", "delivery_date"] },
  { key: "currency", names: ["devise", "currency"] },
  { key: "orderNumber", names: ["numero_commande", "commande", "order_number"] },
  { key: "deliveryNoteNumber", names: ["bon_livraison", "numero_bon_livraison", "delivery_note", "delivery_note_number"] },
  { key: "lineNo", names: ["ligne", "numero_ligne", "n_ligne", "line", "line_number", "line_no"], required: true },
  { key: "productCode", names: ["code_produit", "reference_produit", "article", "product_code"] },
  { key: "description", names: ["designation", "libelle", "description"], required: true },
  { key: "quantity", names: ["quantite", "qte", "quantity"], required: true },
  { key: "unit", names: ["unite", "unit"] },
  { key: "unitPrice", names: ["prix_unitaire", "prix_unitaire_ht", "pu_ht", "unit_price"], required: true },
  { key: "vatRate", names: ["taux_tva", "tva", "vat_rate"], required: true },
  { key: "lotNumber", names: ["lot", "numero_lot", "lot_number"] },
] as const satisfies readonly CsvColumn[];

type InvoiceColumn = (typeof INVOICE_COLUMNS)[number]["key"];

export const INVOICE_TEMPLATE = {
  headers: INVOICE_COLUMNS.map((column) => column.names[0]),
  example: {
    compte: "C-MARTIN",
    siren: "",
    numero_facture: "FA-2026-0100",
    date_facture: "02/11/2026",
    date_echeance: "02/12/2026",
    date_livraison: "31/10/2026",
    devise: "EUR",
    numero_commande: "CMD-4521",
    bon_livraison: "BL-8812",
    ligne: "1",
    code_produit: "FAR-T65",
    designation: "Farine T65 (sac 25 kg)",
    quantite: "40",
    unite: "sac",
    prix_unitaire: "18,50",
    taux_tva: "5,5",
    lot: "L2026-1102",
  } as Record<string, string>,
};

/** Cells that belong to the invoice (the same on each of its lines). */
const INVOICE_LEVEL: readonly InvoiceColumn[] = ["issueDate", "dueDate", "deliveryDate", "currency", "orderNumber", "deliveryNoteNumber"];

interface ParsedLine {
  row: CsvRow<InvoiceColumn>;
  lineNo: number;
  productCode: string | null;
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceCents: number;
  vatRateBp: number;
  lotNumber: string | null;
}

interface ParsedInvoice {
  accountId: string;
  number: string;
  first: CsvRow<InvoiceColumn>;
  issueDate: string;
  dueDate: string;
  deliveryDate: string | null;
  currency: string;
  orderNumber: string | null;
  deliveryNoteNumber: string | null;
  lines: ParsedLine[];
}

export interface ImportInvoicesOptions extends Omit<UseCaseArgs<ImportFileInput>, "actor"> {
  /** Staff with `invoice:import`, or an integration key scoped "imports" (the API, ADR 0038). */
  actor: UseCaseArgs<ImportFileInput>["actor"] | IntegrationActor;
  translate?: ImportTranslate;
}

/**
 * Invoices and their lines from the ERP (back-office « Importer des factures », or an integration key):
 * finance or admin (`invoice:import`). One row per line; rows sharing the account and invoice number make
 * one invoice, whose totals are computed from its lines (per VAT rate). An invoice already imported is
 * replaced (header and lines) while no case names it; once a case does, its rows are refused
 * (ADR 0037). Every row is checked before anything is written; one refusal and nothing is.
 */
export async function importInvoices({ db, actor, input, now, translate }: ImportInvoicesOptions): Promise<ImportReport> {
  const importer = requireErpImporter(actor);
  const file = await readCsv(input.file, INVOICE_COLUMNS);
  const common = { kind: "invoices" as const, actor: importer, accountId: null, fileName: input.fileName, now, translate };
  if (!file.ok) return runImport(db, { ...common, sha256: file.sha256, sizeBytes: file.sizeBytes, rows: file.rows, errors: file.errors });
  const { rows, headers } = file;
  const cell = cellErrorOf(headers);

  return runImport(db, {
    ...common,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    rows: rows.length,
    write: async (tx) => {
      const errors: ImportRowError[] = [];
      const accounts = await resolveErpAccounts(tx, rows, errors, cell);
      const parsed = new Map<string, ParsedInvoice | null>();
      for (const row of rows) {
        const account = accounts.get(row.line);
        const number = readCsvText(row.values.number, 100);
        if (!number.ok) errors.push(cell(row, "number", `csvImport.error.${number.code}`));
        const line = parseLine(row, errors, cell);
        if (!account || !number.ok) continue;
        const key = `${account.id}\u0000${number.value}`;
        const invoice = parsed.get(key);
        if (!invoice) {
          // The invoice's first row carries its header (dates, currency, references).
          const header = parseHeader(row, account.paymentTerm, errors, cell);
          parsed.set(key, header ? { accountId: account.id, number: number.value!, first: row, ...header, lines: line ? [line] : [] } : null);
          continue;
        }
        if (invoice === null) continue;
        for (const column of INVOICE_LEVEL) {
          const value = row.values[column].trim();
          if (value !== "" && value !== invoice.first.values[column].trim()) errors.push(cell(row, column, "csvImport.error.differs_in_invoice", { number: number.value! }));
        }
        if (!line) continue;
        if (invoice.lines.some((other) => other.lineNo === line.lineNo)) errors.push(cell(row, "lineNo", "csvImport.error.line_twice", { number: number.value! }));
        else invoice.lines.push(line);
      }
      const valid = [...parsed.values()].filter((invoice): invoice is ParsedInvoice => invoice !== null);

      const existing = await existingInvoices(tx, valid);
      for (const invoice of valid) {
        const found = existing.get(`${invoice.accountId}\u0000${invoice.number}`);
        if (found?.disputed) errors.push(cell(invoice.first, "number", "csvImport.error.invoice_disputed", { number: invoice.number }));
      }
      if (errors.length > 0) throw new ImportRefused(errors);

      let created = 0;
      let updated = 0;
      const references: string[] = [];
      for (const invoice of valid) {
        const amounts = invoice.lines.map((line) => ({ ...line, totalExclTaxCents: lineAmount(line.quantityMilli, line.unitPriceCents) }));
        const totals = documentTotals(amounts.map((line) => ({ lineAmountCents: line.totalExclTaxCents, vatRateBp: line.vatRateBp })));
        const found = existing.get(`${invoice.accountId}\u0000${invoice.number}`);
        const paidCents = found?.paidCents ?? 0;
        if (paidCents > totals.grossCents) {
          errors.push(cell(invoice.first, "number", "csvImport.error.paid_exceeds_total", { number: invoice.number }));
          continue;
        }
        const values = {
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          deliveryDate: invoice.deliveryDate,
          currency: invoice.currency,
          orderNumber: invoice.orderNumber,
          deliveryNoteNumber: invoice.deliveryNoteNumber,
          totalExclTaxCents: totals.netCents,
          totalTaxCents: totals.vatCents,
          totalInclTaxCents: totals.grossCents,
          paidStatus: paidStatusOf(paidCents, totals.grossCents),
        };
        let invoiceId: string;
        if (found) {
          await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, found.id));
          await tx.update(invoices).set(values).where(eq(invoices.id, found.id));
          invoiceId = found.id;
          updated += 1;
        } else {
          const account = accounts.get(invoice.first.line)!;
          const [row] = await tx
            .insert(invoices)
            .values({ accountId: invoice.accountId, number: invoice.number, paymentTerm: account.paymentTerm, createdAt: now, ...values })
            .returning({ id: invoices.id });
          invoiceId = row!.id;
          created += 1;
        }
        await tx.insert(invoiceLines).values(
          amounts.map((line) => ({
            invoiceId,
            lineNo: line.lineNo,
            productCode: line.productCode,
            description: line.description,
            quantityMilli: line.quantityMilli,
            unit: line.unit,
            unitPriceCents: line.unitPriceCents,
            vatRateBp: line.vatRateBp,
            totalExclTaxCents: line.totalExclTaxCents,
            lotNumber: line.lotNumber,
          })),
        );
        references.push(invoice.number);
      }
      if (errors.length > 0) throw new ImportRefused(errors);
      return { created, updated, unchanged: 0, references };
    },
  });
}

type Cell = (row: CsvRow<InvoiceColumn>, column: InvoiceColumn, code: string, params?: Record<string, string | number>) => ImportRowError;

function take<T>(read: CsvRead<T>, row: CsvRow<InvoiceColumn>, column: InvoiceColumn, errors: ImportRowError[], cell: Cell): T | undefined {
  if (read.ok) return read.value;
  errors.push(cell(row, column, `csvImport.error.${read.code}`));
  return undefined;
}

function parseLine(row: CsvRow<InvoiceColumn>, errors: ImportRowError[], cell: Cell): ParsedLine | null {
  const before = errors.length;
  const v = row.values;
  const lineNo = take(readCsvPositiveInteger(v.lineNo), row, "lineNo", errors, cell);
  const description = take(readCsvText(v.description, 500), row, "description", errors, cell);
  const productCode = take(readCsvText(v.productCode, 100, false), row, "productCode", errors, cell);
  const quantityMilli = take(readCsvDecimal(v.quantity, 3, { required: true, positive: true }), row, "quantity", errors, cell);
  const unit = take(readCsvText(v.unit, 20, false), row, "unit", errors, cell);
  const unitPriceCents = take(readCsvDecimal(v.unitPrice, 2, { required: true }), row, "unitPrice", errors, cell);
  const vatRateBp = take(readCsvVatRate(v.vatRate), row, "vatRate", errors, cell);
  const lotNumber = take(readCsvText(v.lotNumber, 100, false), row, "lotNumber", errors, cell);
  if (errors.length > before) return null;
  return {
    row,
    lineNo: lineNo!,
    description: description!,
    productCode: productCode ?? null,
    quantityMilli: quantityMilli!,
    unit: unit ?? "u",
    unitPriceCents: unitPriceCents!,
    vatRateBp: vatRateBp!,
    lotNumber: lotNumber ?? null,
  };
}

function parseHeader(
  row: CsvRow<InvoiceColumn>,
  term: { kind: "net" | "end_of_month" | "end_of_month_plus"; days: number },
  errors: ImportRowError[],
  cell: Cell,
): Omit<ParsedInvoice, "accountId" | "number" | "first" | "lines"> | null {
  const before = errors.length;
  const v = row.values;
  const issueDate = take(readCsvDate(v.issueDate), row, "issueDate", errors, cell);
  const due = take(readCsvDate(v.dueDate, false), row, "dueDate", errors, cell);
  const deliveryDate = take(readCsvDate(v.deliveryDate, false), row, "deliveryDate", errors, cell);
  const currencyText = v.currency.trim().toUpperCase() || "EUR";
  if (!/^[A-Z]{3}$/.test(currencyText)) errors.push(cell(row, "currency", "csvImport.error.currency"));
  const orderNumber = take(readCsvText(v.orderNumber, 100, false), row, "orderNumber", errors, cell);
  const deliveryNoteNumber = take(readCsvText(v.deliveryNoteNumber, 100, false), row, "deliveryNoteNumber", errors, cell);
  if (errors.length > before) return null;
  const dueDateValue = due ?? dueDate(issueDate!, term);
  if (dueDateValue < issueDate!) {
    errors.push(cell(row, "dueDate", "csvImport.error.due_before_issue"));
    return null;
  }
  return {
    issueDate: issueDate!,
    dueDate: dueDateValue,
    deliveryDate: deliveryDate ?? null,
    currency: currencyText,
    orderNumber: orderNumber ?? null,
    deliveryNoteNumber: deliveryNoteNumber ?? null,
  };
}

/** The invoices of the file already known (by account and number), with whether a case names them. */
async function existingInvoices(tx: Tx, parsed: ParsedInvoice[]): Promise<Map<string, { id: string; paidCents: number; disputed: boolean }>> {
  const numbers = [...new Set(parsed.map((invoice) => invoice.number))];
  if (numbers.length === 0) return new Map();
  const accountIds = [...new Set(parsed.map((invoice) => invoice.accountId))];
  const rows = await tx
    .select({ id: invoices.id, accountId: invoices.accountId, number: invoices.number, paidCents: invoices.paidCents })
    .from(invoices)
    .where(and(inArray(invoices.number, numbers), inArray(invoices.accountId, accountIds)))
    .for("update");
  const ids = rows.map((row) => row.id);
  const disputed = new Set(
    ids.length === 0 ? [] : (await tx.selectDistinct({ invoiceId: caseLines.invoiceId }).from(caseLines).where(inArray(caseLines.invoiceId, ids))).map((row) => row.invoiceId),
  );
  return new Map(rows.map((row) => [`${row.accountId}\u0000${row.number}`, { id: row.id, paidCents: row.paidCents, disputed: disputed.has(row.id) }]));
}
