import { invoices, payments, type ImportRowError, type Tx } from "@accord/db";
import { localDate, paidStatusOf, readCsvDate, readCsvDecimal, readCsvText } from "@accord/domain";
import { and, eq, inArray } from "drizzle-orm";
import { requireErpImporter, type IntegrationActor } from "../access";
import type { UseCaseArgs } from "../use-case";
import { ACCOUNT_COLUMNS, resolveErpAccounts } from "./erp-accounts";
import { ImportRefused, runImport, type ImportFileInput, type ImportReport, type ImportTranslate } from "./import-report";
import { readCsv, type CsvColumn, cellErrorOf } from "./read-csv";

/** The columns of a payments file from the ERP: one row per payment received against an invoice (ADR 0037). */
export const PAYMENT_COLUMNS = [
  ...ACCOUNT_COLUMNS,
  { key: "number", names: ["numero_facture", "n_facture", "facture", "invoice_number", "invoice"], required: true },
  { key: "reference", names: ["reference_paiement", "reference_reglement", "payment_reference", "reference"], required: true },
  { key: "paidOn", names: ["date_paiement", "date_reglement", "payment_date", "paid_on"], required: true },
  { key: "amount", names: ["montant", "montant_ttc", "amount"], required: true },
] as const satisfies readonly CsvColumn[];

export const PAYMENT_TEMPLATE = {
  headers: PAYMENT_COLUMNS.map((column) => column.names[0]),
  example: { compte: "C-MARTIN", siren: "", numero_facture: "FA-2026-0100", reference_paiement: "VIR-2026-5531", date_paiement: "30/11/2026", montant: "780,85" } as Record<string, string>,
};

export interface ImportPaymentsOptions extends Omit<UseCaseArgs<ImportFileInput>, "actor"> {
  /** Staff with `invoice:import`, or an integration key scoped "imports" (the API, ADR 0038). */
  actor: UseCaseArgs<ImportFileInput>["actor"] | IntegrationActor;
  translate?: ImportTranslate;
}

/**
 * Payments from the ERP (`invoice:import`): each adds to its invoice's paid amount and sets its state
 * (unpaid, partially paid, paid). A payment is known by its reference on its invoice: the same payment
 * imported again changes nothing, the same reference with another amount or date is refused, as is a
 * payment beyond what the invoice still owes. All or nothing per file (ADR 0037).
 */
export async function importPayments({ db, actor, input, now, translate }: ImportPaymentsOptions): Promise<ImportReport> {
  const importer = requireErpImporter(actor);
  const file = await readCsv(input.file, PAYMENT_COLUMNS);
  const common = { kind: "payments" as const, actor: importer, accountId: null, fileName: input.fileName, now, translate };
  if (!file.ok) return runImport(db, { ...common, sha256: file.sha256, sizeBytes: file.sizeBytes, rows: file.rows, errors: file.errors });
  const { rows, headers } = file;
  const cell = cellErrorOf(headers);

  return runImport(db, {
    ...common,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    rows: rows.length,
    write: async (tx, importId) => {
      const errors: ImportRowError[] = [];
      const accounts = await resolveErpAccounts(tx, rows, errors, cell);
      const numbers = [...new Set(rows.map((row) => row.values.number.trim()).filter((n) => n !== ""))];
      const accountIds = [...new Set([...accounts.values()].map((account) => account.id))];
      const found = await lockedInvoices(tx, numbers, accountIds);
      const known = await knownPayments(tx, [...found.values()].map((invoice) => invoice.id));

      const toRecord: { invoiceId: string; reference: string; paidOn: string; amountCents: number }[] = [];
      const seen = new Set<string>();
      let unchanged = 0;
      for (const row of rows) {
        const account = accounts.get(row.line);
        const number = row.values.number.trim();
        const reference = readCsvText(row.values.reference, 100);
        const paidOn = readCsvDate(row.values.paidOn);
        const amount = readCsvDecimal(row.values.amount, 2, { required: true, positive: true });
        if (number === "") errors.push(cell(row, "number", "csvImport.error.required"));
        if (!reference.ok) errors.push(cell(row, "reference", `csvImport.error.${reference.code}`));
        if (!paidOn.ok) errors.push(cell(row, "paidOn", `csvImport.error.${paidOn.code}`));
        else if (paidOn.value! > localDate(now, "Europe/Paris")) errors.push(cell(row, "paidOn", "csvImport.error.date_in_future"));
        if (!amount.ok) errors.push(cell(row, "amount", `csvImport.error.${amount.code}`));
        if (!account || number === "") continue;
        const invoice = found.get(`${account.id}\u0000${number}`);
        if (!invoice) {
          errors.push(cell(row, "number", "csvImport.error.invoice_unknown", { number }));
          continue;
        }
        if (!reference.ok || !paidOn.ok || !amount.ok) continue;
        const key = `${invoice.id}\u0000${reference.value}`;
        if (seen.has(key)) {
          errors.push(cell(row, "reference", "csvImport.error.payment_twice", { reference: reference.value! }));
          continue;
        }
        seen.add(key);
        const earlier = known.get(key);
        if (earlier) {
          if (earlier.amountCents === amount.value && earlier.paidOn === paidOn.value) unchanged += 1;
          else errors.push(cell(row, "reference", "csvImport.error.payment_conflict", { reference: reference.value! }));
          continue;
        }
        invoice.paidCents += amount.value!;
        if (invoice.paidCents > invoice.totalInclTaxCents) {
          errors.push(cell(row, "amount", "csvImport.error.overpaid", { number }));
          continue;
        }
        toRecord.push({ invoiceId: invoice.id, reference: reference.value!, paidOn: paidOn.value!, amountCents: amount.value! });
      }
      if (errors.length > 0) throw new ImportRefused(errors);

      if (toRecord.length > 0) await tx.insert(payments).values(toRecord.map((payment) => ({ ...payment, importId, createdAt: now })));
      const touched = new Set(toRecord.map((payment) => payment.invoiceId));
      const references: string[] = [];
      for (const invoice of found.values()) {
        if (!touched.has(invoice.id)) continue;
        await tx
          .update(invoices)
          .set({ paidCents: invoice.paidCents, paidStatus: paidStatusOf(invoice.paidCents, invoice.totalInclTaxCents) })
          .where(eq(invoices.id, invoice.id));
        references.push(invoice.number);
      }
      return { created: toRecord.length, updated: touched.size, unchanged, references };
    },
  });
}

/** The file's invoices (by account and number), locked so two imports do not count a payment twice. */
async function lockedInvoices(tx: Tx, numbers: string[], accountIds: string[]) {
  const rows =
    numbers.length === 0 || accountIds.length === 0
      ? []
      : await tx
          .select({ id: invoices.id, accountId: invoices.accountId, number: invoices.number, paidCents: invoices.paidCents, totalInclTaxCents: invoices.totalInclTaxCents })
          .from(invoices)
          .where(and(inArray(invoices.number, numbers), inArray(invoices.accountId, accountIds)))
          .orderBy(invoices.id)
          .for("update");
  return new Map(rows.map((row) => [`${row.accountId}\u0000${row.number}`, { ...row }]));
}

async function knownPayments(tx: Tx, invoiceIds: string[]) {
  const rows =
    invoiceIds.length === 0
      ? []
      : await tx
          .select({ invoiceId: payments.invoiceId, reference: payments.reference, paidOn: payments.paidOn, amountCents: payments.amountCents })
          .from(payments)
          .where(inArray(payments.invoiceId, invoiceIds));
  return new Map(rows.map((row) => [`${row.invoiceId}\u0000${row.reference}`, row]));
}
