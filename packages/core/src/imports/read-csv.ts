import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ImportRowError } from "@accord/db";
import { detectDelimiter, normaliseHeader } from "@accord/domain";
import { parse } from "csv-parse";

/** Bounds of one CSV file (ADR 0037): beyond them the file is refused as a whole, before any row is read. */
export const CSV_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 5_000 } as const;

/** A column the import reads: its key, and every header spelling it accepts (French and English). */
export interface CsvColumn<K extends string = string> {
  key: K;
  /** Header names, already normalised (`numero_facture`, `invoice_number`). */
  names: readonly string[];
  required?: boolean;
}

export interface CsvRow<K extends string> {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  line: number;
  values: Record<K, string>;
}

export type CsvFile<K extends string> =
  | {
      ok: true;
      rows: CsvRow<K>[];
      /** The header as the file wrote it, per column key (errors name the column the user sees). */
      headers: Record<K, string>;
      sha256: string;
      sizeBytes: number;
      encoding: "utf-8" | "windows-1252";
      delimiter: string;
    }
  | { ok: false; errors: ImportRowError[]; sha256: string; sizeBytes: number; rows: number };

/** The error of one cell: its row as the spreadsheet numbers it, and its column as the file names it. */
export function cellErrorOf<K extends string>(headers: Record<K, string>) {
  return (row: CsvRow<K>, column: K, code: string, params?: Record<string, string | number>): ImportRowError => ({
    line: row.line,
    field: headers[column],
    code,
    ...(params ? { params } : {}),
  });
}

/** Reads a whole stream or buffer, refusing it past `maxBytes` (without reading the rest into memory). */
async function readBytes(file: Readable | Buffer | Uint8Array, maxBytes: number): Promise<{ bytes: Buffer; tooLarge: boolean; size: number }> {
  if (!(file instanceof Readable)) {
    const bytes = Buffer.from(file);
    return { bytes, tooLarge: bytes.length > maxBytes, size: bytes.length };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of file) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) tooLarge = true;
    else chunks.push(buffer);
  }
  return { bytes: Buffer.concat(chunks), tooLarge, size };
}

/** UTF-8 (BOM or not) when the bytes are valid UTF-8, else windows-1252 (Excel's "CSV (séparateur : point-virgule)"). */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  const withoutBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(withoutBom), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(withoutBom), encoding: "windows-1252" };
  }
}

const fileError = (code: string, params?: Record<string, string | number>, line = 1): ImportRowError => ({ line, field: "", code: `csvImport.error.${code}`, ...(params ? { params } : {}) });

/**
 * Reads a CSV file the French way (ADR 0037): `;` separator (`,` or tab when the header line shows it),
 * UTF-8 with or without BOM or windows-1252, quoted fields with separators and newlines, headers matched
 * whatever their accents or case. Rows whose cells are all empty are skipped (spreadsheets leave them);
 * numbering follows the spreadsheet (header = 1). Refuses a file too large, with too many rows, without
 * a header, missing a required column or malformed (an unclosed quote), naming the line.
 */
export async function readCsv<K extends string>(
  file: Readable | Buffer | Uint8Array,
  columns: readonly CsvColumn<K>[],
  limits: { maxBytes: number; maxRows: number } = CSV_LIMITS,
): Promise<CsvFile<K>> {
  const { bytes, tooLarge, size } = await readBytes(file, limits.maxBytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (tooLarge) return { ok: false, errors: [fileError("file_too_large", { maxMegabytes: Math.round(limits.maxBytes / 1024 / 1024) })], sha256: "", sizeBytes: size, rows: 0 };
  const { text, encoding } = decodeCsvText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "") return { ok: false, errors: [fileError("empty_file")], sha256, sizeBytes: size, rows: 0 };
  const delimiter = detectDelimiter(firstLine);

  const parser = Readable.from([text]).pipe(parse({ delimiter, relax_column_count: true, bom: true, skip_empty_lines: false }));
  let header: string[] | null = null;
  let indexOf: Partial<Record<K, number>> = {};
  const rows: CsvRow<K>[] = [];
  let line = 0;
  let tooMany = false;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      if (header === null) {
        header = record.map((cell) => cell.trim());
        const normalised = header.map(normaliseHeader);
        indexOf = {};
        const missing: ImportRowError[] = [];
        for (const column of columns) {
          const index = normalised.findIndex((name) => column.names.includes(name));
          if (index >= 0) indexOf[column.key] = index;
          else if (column.required) missing.push(fileError("column_missing", { column: column.names[0]! }));
        }
        if (missing.length > 0) return { ok: false, errors: missing, sha256, sizeBytes: size, rows: 0 };
        continue;
      }
      if (record.every((cell) => cell.trim() === "")) continue;
      if (rows.length >= limits.maxRows) {
        tooMany = true;
        continue; // keep counting, so the refusal says how many rows the file has
      }
      const values = {} as Record<K, string>;
      for (const column of columns) {
        const index = indexOf[column.key];
        values[column.key] = index === undefined ? "" : (record[index] ?? "");
      }
      rows.push({ line, values });
    }
  } catch (error) {
    const at = typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : line + 1;
    return { ok: false, errors: [fileError("malformed", {}, at)], sha256, sizeBytes: size, rows: rows.length };
  }
  if (header === null) return { ok: false, errors: [fileError("empty_file")], sha256, sizeBytes: size, rows: 0 };
  if (tooMany) return { ok: false, errors: [fileError("too_many_rows", { maxRows: limits.maxRows })], sha256, sizeBytes: size, rows: rows.length };
  if (rows.length === 0) return { ok: false, errors: [fileError("no_rows", {}, 2)], sha256, sizeBytes: size, rows: 0 };
  const headers = {} as Record<K, string>;
  for (const column of columns) headers[column.key] = indexOf[column.key] === undefined ? column.names[0]! : header[indexOf[column.key]!]!;
  return { ok: true, rows, headers, sha256, sizeBytes: size, encoding, delimiter };
}
