import { invoiceLines, invoices, type ImportRowError, type Tx } from "@accord/db";
import { normaliseChoice, readCsvPositiveInteger, type CaseType } from "@accord/domain";
import { and, eq, inArray } from "drizzle-orm";
import { createHash } from "node:crypto";
import { requireCustomer } from "../access";
import { resolveReasonCode } from "../channels/resolve-reason-code";
import { prepareClaim } from "../claims/prepare-claim";
import { claimSchema, formFieldName, type ClaimFormInput, type ClaimInput } from "../claims/schemas";
import { submitClaim } from "../claims/submit-claim";
import { isAppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { ImportRefused, runImport, type ImportFileInput, type ImportReport, type ImportTranslate } from "./import-report";
import { readCsv, type CsvColumn, type CsvRow, cellErrorOf } from "./read-csv";

/** The columns of a claims file (ADR 0037): French names first (the template's), English accepted. */
export const CLAIM_COLUMNS = [
  { key: "reference", names: ["reference_client", "ref_client", "votre_reference", "customer_reference", "your_reference"], required: true },
  { key: "type", names: ["type", "type_reclamation", "claim_type"] },
  { key: "reasonCode", names: ["code_motif", "motif", "reason_code"] },
  { key: "title", names: ["titre", "objet", "title"] },
  { key: "description", names: ["description"] },
  { key: "desiredOutcome", names: ["resultat_souhaite", "desired_outcome"] },
  { key: "desiredOutcomeText", names: ["precision_resultat", "resultat_souhaite_precision", "desired_outcome_text"] },
  { key: "invoiceNumber", names: ["numero_facture", "n_facture", "facture", "invoice_number", "invoice"], required: true },
  { key: "lineNo", names: ["ligne", "numero_ligne", "n_ligne", "line", "line_number", "line_no"], required: true },
  { key: "contestedQuantity", names: ["quantite_contestee", "contested_quantity"] },
  { key: "contestedUnitPrice", names: ["prix_unitaire_conteste", "contested_unit_price"] },
  { key: "claimedAmount", names: ["montant_reclame", "claimed_amount"] },
  { key: "product", names: ["produit", "product"] },
  { key: "lotNumber", names: ["lot", "numero_lot", "lot_number"] },
  { key: "deliveryNoteNumber", names: ["bon_livraison", "numero_bon_livraison", "delivery_note", "delivery_note_number"] },
  { key: "receivedOn", names: ["date_reception", "received_on"] },
  { key: "signedWithReservations", names: ["reserves", "signe_avec_reserves", "signed_with_reservations"] },
  { key: "contractReference", names: ["reference_contrat", "contract_reference"] },
  { key: "complianceReference", names: ["reference_conformite", "compliance_reference"] },
] as const satisfies readonly CsvColumn[];

type ClaimColumn = (typeof CLAIM_COLUMNS)[number]["key"];

/** The downloadable template: French headers, one example row (the demo's invoice), `;`, BOM. */
export const CLAIM_TEMPLATE = {
  headers: CLAIM_COLUMNS.map((column) => column.names[0]),
  example: {
    reference_client: "RC-2026-001",
    type: "qualité",
    titre: "Farine humide à la livraison",
    description: "Trois sacs humides à l'ouverture.",
    resultat_souhaite: "avoir",
    numero_facture: "FA-2026-0001",
    ligne: "1",
    quantite_contestee: "3",
    produit: "Farine T65",
    lot: "L2026-1102",
  } as Record<string, string>,
};

const TYPES: Record<string, CaseType> = {
  qualite: "quality",
  quality: "quality",
  livraison: "delivery",
  delivery: "delivery",
  prix: "price_billing",
  facturation: "price_billing",
  prix_facturation: "price_billing",
  price: "price_billing",
  billing: "price_billing",
  price_billing: "price_billing",
  conformite: "compliance",
  compliance: "compliance",
  autre: "other",
  other: "other",
};
const OUTCOMES: Record<string, string> = {
  avoir: "credit_note",
  credit_note: "credit_note",
  remplacement: "replacement",
  replacement: "replacement",
  remboursement: "refund",
  refund: "refund",
  autre: "other",
  other: "other",
};
const YES_NO: Record<string, string> = { oui: "yes", yes: "yes", o: "yes", non: "no", no: "no", n: "no" };

/** Cells that belong to the claim (the same on each of its rows), as opposed to one invoice line. */
const CLAIM_LEVEL: readonly ClaimColumn[] = [
  "type",
  "reasonCode",
  "title",
  "description",
  "desiredOutcome",
  "desiredOutcomeText",
  "claimedAmount",
  "product",
  "lotNumber",
  "deliveryNoteNumber",
  "receivedOn",
  "signedWithReservations",
  "contractReference",
  "complianceReference",
];

/** A claim form field → the CSV column it came from. */
const FIELD_COLUMN: Record<string, ClaimColumn> = {
  type: "type",
  title: "title",
  description: "description",
  desiredOutcome: "desiredOutcome",
  desiredOutcomeText: "desiredOutcomeText",
  claimedAmount: "claimedAmount",
  "quality.product": "product",
  "quality.lotNumber": "lotNumber",
  "delivery.deliveryNoteNumber": "deliveryNoteNumber",
  "delivery.receivedOn": "receivedOn",
  "delivery.signedWithReservations": "signedWithReservations",
  "priceBilling.contractReference": "contractReference",
  "compliance.reference": "complianceReference",
  lines: "invoiceNumber",
};
const LINE_FIELD_COLUMN: Record<string, ClaimColumn> = { invoiceLineId: "invoiceNumber", contestedQuantity: "contestedQuantity", contestedUnitPrice: "contestedUnitPrice" };

interface ClaimGroup {
  reference: string;
  rows: CsvRow<ClaimColumn>[];
  input?: ClaimInput;
  formInput?: ClaimFormInput;
}

export interface ImportClaimsOptions extends UseCaseArgs<ImportFileInput> {
  /** Public base URL of the portal, for the acknowledgement e-mails' links. */
  portalUrl: string;
  translate?: ImportTranslate;
}

/**
 * A customer's claims from a CSV file (portal « Importer des réclamations », ADR 0037): one row per
 * contested invoice line, rows sharing `reference_client` make one claim. Every row is checked first
 * (the claim form's own schema, the account's invoices and reason codes, the amounts); one refused cell
 * and nothing is written. Each claim is then filed by `submitClaim` with channel "csv" (same checks,
 * acknowledgement e-mail and SLA as the portal's form), all in one transaction with the import's record.
 * The same file imported again files nothing twice (each claim's one-time key derives from the file's
 * SHA-256 and its reference).
 */
export async function importClaims({ db, actor, input, now, portalUrl, translate }: ImportClaimsOptions): Promise<ImportReport> {
  const customer = requireCustomer(actor, "case:create");
  const file = await readCsv(input.file, CLAIM_COLUMNS);
  const common = { kind: "claims" as const, actor: customer, accountId: customer.accountId, fileName: input.fileName, now, translate };
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
      const groups = groupRows(rows, errors, cell);
      const lineIds = await invoiceLineIds(tx, customer.accountId, rows, errors, cell);

      for (const group of groups) {
        const formInput = await claimFormInput(tx, customer.accountId, group, lineIds, errors, cell);
        if (!formInput) continue;
        const parsed = claimSchema.safeParse(formInput);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) errors.push(fieldError(group, formFieldName(issue.path), issue.message, cell));
          continue;
        }
        try {
          await prepareClaim(tx, { accountId: customer.accountId, input: parsed.data, now });
          group.formInput = formInput;
        } catch (error) {
          errors.push(...claimErrors(error, group, cell));
        }
      }
      if (errors.length > 0) throw new ImportRefused(errors);

      let created = 0;
      let unchanged = 0;
      const references: string[] = [];
      for (const group of groups) {
        try {
          const submissionKey = uuidFrom(`${customer.accountId}:${file.sha256}:${group.reference}`);
          const result = await submitClaim({ db: tx, actor: customer, input: { ...group.formInput!, submissionKey }, now, portalUrl, channel: "csv" });
          references.push(result.reference);
          if (result.replayed) unchanged += 1;
          else created += 1;
        } catch (error) {
          errors.push(...claimErrors(error, group, cell));
        }
      }
      if (errors.length > 0) throw new ImportRefused(errors);
      return { created, updated: 0, unchanged, references };
    },
  });
}

type Cell = (row: CsvRow<ClaimColumn>, column: ClaimColumn, code: string, params?: Record<string, string | number>) => ImportRowError;

/** Rows by `reference_client`, in the file's order; a claim's cells must agree on every row that fills them. */
function groupRows(rows: CsvRow<ClaimColumn>[], errors: ImportRowError[], cell: Cell): ClaimGroup[] {
  const groups = new Map<string, ClaimGroup>();
  for (const row of rows) {
    const reference = row.values.reference.trim();
    if (reference === "") {
      errors.push(cell(row, "reference", "csvImport.error.required"));
      continue;
    }
    const group = groups.get(reference) ?? { reference, rows: [] };
    groups.set(reference, group);
    const first = group.rows[0];
    if (first) {
      for (const column of CLAIM_LEVEL) {
        const value = row.values[column].trim();
        if (value !== "" && value !== first.values[column].trim()) errors.push(cell(row, column, "csvImport.error.differs_in_claim", { reference }));
      }
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

/** Each row's invoice line, read from the account's own invoices only (another account's number is unknown). */
async function invoiceLineIds(tx: Tx, accountId: string, rows: CsvRow<ClaimColumn>[], errors: ImportRowError[], cell: Cell): Promise<Map<number, string>> {
  const numbers = [...new Set(rows.map((row) => row.values.invoiceNumber.trim()).filter((n) => n !== ""))];
  const found =
    numbers.length === 0
      ? []
      : await tx
          .select({ number: invoices.number, lineNo: invoiceLines.lineNo, id: invoiceLines.id })
          .from(invoiceLines)
          .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
          .where(and(eq(invoices.accountId, accountId), inArray(invoices.number, numbers)));
  const known = new Set(found.map((line) => line.number));
  const byKey = new Map(found.map((line) => [`${line.number}\u0000${line.lineNo}`, line.id]));
  const ids = new Map<number, string>();
  for (const row of rows) {
    const number = row.values.invoiceNumber.trim();
    const lineNo = readCsvPositiveInteger(row.values.lineNo);
    if (number === "") errors.push(cell(row, "invoiceNumber", "csvImport.error.required"));
    else if (!known.has(number)) errors.push(cell(row, "invoiceNumber", "csvImport.error.invoice_unknown", { number }));
    if (!lineNo.ok) errors.push(cell(row, "lineNo", `csvImport.error.${lineNo.code}`));
    if (number === "" || !known.has(number) || !lineNo.ok) continue;
    const id = byKey.get(`${number}\u0000${lineNo.value}`);
    if (id) ids.set(row.line, id);
    else errors.push(cell(row, "lineNo", "csvImport.error.line_unknown", { number, line: lineNo.value }));
  }
  return ids;
}

/** The claim form's values from a group's rows (the form's schema then checks them as it does the portal's). */
async function claimFormInput(
  tx: Tx,
  accountId: string,
  group: ClaimGroup,
  lineIds: Map<number, string>,
  errors: ImportRowError[],
  cell: Cell,
): Promise<ClaimFormInput | null> {
  const first = group.rows[0]!;
  const value = (column: ClaimColumn) => first.values[column].trim();
  const before = errors.length;

  let type: CaseType | undefined;
  if (value("type") !== "") {
    type = TYPES[normaliseChoice(value("type"))];
    if (!type) errors.push(cell(first, "type", "csvImport.error.type_unknown"));
  } else if (value("reasonCode") !== "") {
    const resolved = await resolveReasonCode(tx, accountId, value("reasonCode"));
    if (resolved) type = resolved.caseType;
    else errors.push(cell(first, "reasonCode", "csvImport.error.reason_code_unknown", { code: value("reasonCode") }));
  } else errors.push(cell(first, "type", "csvImport.error.type_required"));

  let desiredOutcome: string | undefined;
  if (value("desiredOutcome") !== "") {
    desiredOutcome = OUTCOMES[normaliseChoice(value("desiredOutcome"))];
    if (!desiredOutcome) errors.push(cell(first, "desiredOutcome", "csvImport.error.invalid_choice"));
  }
  let reservations: string | undefined;
  if (value("signedWithReservations") !== "") {
    reservations = YES_NO[normaliseChoice(value("signedWithReservations"))];
    if (!reservations) errors.push(cell(first, "signedWithReservations", "csvImport.error.yes_no"));
  }
  for (const row of group.rows) {
    if (row.values.contestedQuantity.trim() === "" && row.values.contestedUnitPrice.trim() === "") {
      errors.push(cell(row, "contestedQuantity", "csvImport.error.nothing_contested"));
    }
  }
  if (errors.length > before || !group.rows.every((row) => lineIds.has(row.line))) return null;

  return {
    type,
    title: value("title"),
    description: value("description"),
    desiredOutcome,
    desiredOutcomeText: value("desiredOutcomeText"),
    claimedAmount: value("claimedAmount"),
    quality: { product: value("product"), lotNumber: value("lotNumber") },
    delivery: { deliveryNoteNumber: value("deliveryNoteNumber"), receivedOn: value("receivedOn"), signedWithReservations: reservations },
    priceBilling: { contractReference: value("contractReference") },
    compliance: { reference: value("complianceReference") },
    lines: group.rows.map((row) => ({
      invoiceLineId: lineIds.get(row.line)!,
      contestedQuantity: row.values.contestedQuantity,
      contestedUnitPrice: row.values.contestedUnitPrice,
    })),
    uploadIds: [],
  } as ClaimFormInput;
}

/** A claim form field's error → the spreadsheet cell it came from (`lines[2].x` is the group's third row). */
function fieldError(group: ClaimGroup, field: string, code: string, cell: Cell): ImportRowError {
  const line = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
  if (line) {
    const row = group.rows[Number(line[1])] ?? group.rows[0]!;
    return cell(row, LINE_FIELD_COLUMN[line[2]!] ?? "invoiceNumber", code);
  }
  return cell(group.rows[0]!, FIELD_COLUMN[field] ?? "reference", code);
}

function claimErrors(error: unknown, group: ClaimGroup, cell: Cell): ImportRowError[] {
  if (!isAppError(error) || (error.code !== "validation" && error.code !== "not_found")) throw error;
  const fields = Object.entries(error.fieldErrors ?? {});
  if (fields.length === 0) return [fieldError(group, "lines", error.messageKey, cell)];
  return fields.flatMap(([field, keys]) => keys.map((key) => fieldError(group, field, key, cell)));
}

/** A stable UUID (version 8, RFC 9562) from a text: the claim's one-time key for this file. */
function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = "89ab"[parseInt(hex[16]!, 16) % 4]!;
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
