import { isIsoDate, type IsoDate } from "../dates/iso-date";
import { parseDecimal } from "../money/decimal";

/**
 * The rules of a French spreadsheet's cells (CSV imports, ADR 0037): pure, no I/O. Each reader returns
 * the typed value or a refusal code (`csvImport.error.<code>` in the catalogues).
 */

export type CsvRefusal = "required" | "invalid_date" | "invalid_number" | "too_many_decimals" | "too_large" | "negative" | "not_positive" | "invalid_choice" | "too_long";
export type CsvRead<T> = { ok: true; value: T } | { ok: false; code: CsvRefusal };

const ok = <T>(value: T): CsvRead<T> => ({ ok: true, value });
const refused = <T>(code: CsvRefusal): CsvRead<T> => ({ ok: false, code });

/**
 * A header cell as a comparable key: accents, case, spaces, hyphens and apostrophes ignored
 * (« Numéro facture », "numero_facture", "NUMERO-FACTURE" are one key).
 */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\-'’.°/]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/_+/g, "_");
}

/** A choice cell (« Qualité », "oui") compared the same way as headers. */
export const normaliseChoice = normaliseHeader;

/**
 * The separator a header line shows: `;` (the French default), `,` or tab, whichever occurs most
 * outside quotes; `;` when none does.
 */
export function detectDelimiter(headerLine: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ";" || char === "," || char === "\t")) counts[char] += 1;
  }
  if (counts[","] > counts[";"] && counts[","] >= counts["\t"]) return ",";
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return ";";
}

/** A date written `JJ/MM/AAAA` (also `J/M/AAAA`, `JJ-MM-AAAA`, `JJ.MM.AAAA`) or ISO `AAAA-MM-JJ`. */
export function readCsvDate(raw: string, required = true): CsvRead<IsoDate | null> {
  const text = raw.trim();
  if (text === "") return required ? refused("required") : ok(null);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = french ? `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}` : text.slice(0, 10);
  if ((french || /^\d{4}-\d{2}-\d{2}$/.test(text)) && isIsoDate(iso)) return ok(iso);
  return refused("invalid_date");
}

/**
 * A decimal with a comma or a dot ("12,5", "1 234,56", "1234.56") as an integer of `decimals`
 * places (cents: 2; thousandths of a unit: 3). Negative figures are refused; `positive` refuses zero.
 */
export function readCsvDecimal(raw: string, decimals: number, options: { required?: boolean; positive?: boolean } = {}): CsvRead<number | null> {
  const text = raw.trim();
  if (text === "") return options.required ? refused("required") : ok(null);
  const parsed = parseDecimal(text, decimals);
  if (typeof parsed !== "number") return refused(parsed === "invalid" ? "invalid_number" : parsed);
  if (options.positive && parsed === 0) return refused("not_positive");
  return ok(parsed);
}

/** A whole number ≥ 1 (a line number). */
export function readCsvPositiveInteger(raw: string): CsvRead<number> {
  const text = raw.trim();
  if (text === "") return refused("required");
  if (!/^\d{1,9}$/.test(text)) return refused("invalid_number");
  const value = Number(text);
  return value >= 1 ? ok(value) : refused("not_positive");
}

/** One of `choices` by any of its spellings (normalised keys → value). */
export function readCsvChoice<T extends string>(raw: string, choices: Readonly<Record<string, T>>, required = true): CsvRead<T | null> {
  const text = raw.trim();
  if (text === "") return required ? refused("required") : ok(null);
  const value = choices[normaliseChoice(text)];
  return value === undefined ? refused("invalid_choice") : ok(value);
}

/** A one-line text of at most `max` characters. */
export function readCsvText(raw: string, max: number, required = true): CsvRead<string | null> {
  const text = raw.trim();
  if (text === "") return required ? refused("required") : ok(null);
  return text.length > max ? refused("too_long") : ok(text);
}

/** A VAT rate written "20", "5,5", "20 %" or "0,2"-free: percent → basis points (2000 = 20 %). */
export function readCsvVatRate(raw: string): CsvRead<number> {
  const read = readCsvDecimal(raw.replace("%", ""), 2, { required: true });
  if (!read.ok) return refused(read.code);
  return read.value! > 10_000 ? refused("too_large") : ok(read.value!);
}

/** An invoice's payment state from what was paid against its total incl. VAT (ADR 0037). */
export function paidStatusOf(paidCents: number, totalInclTaxCents: number): "unpaid" | "partially_paid" | "paid" {
  if (paidCents <= 0) return "unpaid";
  return paidCents >= totalInclTaxCents ? "paid" : "partially_paid";
}
