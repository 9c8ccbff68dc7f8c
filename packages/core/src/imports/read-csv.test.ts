import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { decodeCsvText, readCsv, type CsvColumn } from "./read-csv";

const columns = [
  { key: "invoice", names: ["numero_facture", "invoice_number"], required: true },
  { key: "description", names: ["description"] },
  { key: "price", names: ["prix_unitaire", "unit_price"] },
] as const satisfies readonly CsvColumn[];

const win1252 = (text: string) => {
  // windows-1252 bytes for the few characters the tests use beyond Latin-1's printable range
  const special: Record<string, number> = { "€": 0x80, "œ": 0x9c, "Œ": 0x8c, "’": 0x92 };
  return Buffer.from([...text].map((char) => special[char] ?? char.charCodeAt(0)));
};

describe("readCsv", () => {
  it("reads a UTF-8 file with a BOM, ; separator and French headers in any case or accents", async () => {
    const file = await readCsv(Buffer.from("\uFEFFNuméro Facture;DESCRIPTION;Prix unitaire\r\nFA-1;Farine;12,50\r\n", "utf8"), columns);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.encoding).toBe("utf-8");
    expect(file.delimiter).toBe(";");
    expect(file.headers.invoice).toBe("Numéro Facture");
    expect(file.rows).toEqual([{ line: 2, values: { invoice: "FA-1", description: "Farine", price: "12,50" } }]);
  });

  it("decodes windows-1252 (€, œ, ’) when the bytes are not UTF-8", async () => {
    const bytes = win1252("numero_facture;description\nFA-2;Œufs cœur d’œuvre 12 €\n");
    expect(decodeCsvText(bytes).encoding).toBe("windows-1252");
    const file = await readCsv(bytes, columns);
    expect(file.ok && file.rows[0]!.values.description).toBe("Œufs cœur d’œuvre 12 €");
  });

  it("keeps quoted separators and newlines in one cell, numbering rows as the spreadsheet does", async () => {
    const text = 'numero_facture;description\nFA-1;"Sac percé; farine\nrépandue"\nFA-2;"dit ""fragile"""\n';
    const file = await readCsv(Readable.from([Buffer.from(text)]), columns);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.rows.map((row) => [row.line, row.values.description])).toEqual([
      [2, "Sac percé; farine\nrépandue"],
      [3, 'dit "fragile"'],
    ]);
  });

  it("accepts , and tab separators when the header shows them, and skips empty rows without renumbering", async () => {
    const comma = await readCsv(Buffer.from("invoice_number,unit_price\nFA-1,12.5\n"), columns);
    expect(comma.ok && comma.rows[0]!.values).toEqual({ invoice: "FA-1", description: "", price: "12.5" });
    const tab = await readCsv(Buffer.from("numero_facture\tdescription\n\n;;\nFA-9\tx\n"), columns);
    expect(tab.ok && tab.rows.map((row) => row.line)).toEqual([3, 4]);
  });

  it("refuses a file without a required column, an empty one, a malformed one, and beyond the bounds", async () => {
    const missing = await readCsv(Buffer.from("description\nx\n"), columns);
    expect(missing.ok === false && missing.errors).toEqual([{ line: 1, field: "", code: "csvImport.error.column_missing", params: { column: "numero_facture" } }]);
    const empty = await readCsv(Buffer.from(""), columns);
    expect(empty.ok === false && empty.errors[0]!.code).toBe("csvImport.error.empty_file");
    const malformed = await readCsv(Buffer.from('numero_facture;description\nFA-1;"jamais fermé\n'), columns);
    expect(malformed.ok === false && malformed.errors[0]!.code).toBe("csvImport.error.malformed");
    const tooMany = await readCsv(Buffer.from("numero_facture\nA\nB\nC\n"), columns, { maxBytes: 1000, maxRows: 2 });
    expect(tooMany.ok === false && tooMany.errors[0]).toMatchObject({ code: "csvImport.error.too_many_rows", params: { maxRows: 2 } });
    const tooLarge = await readCsv(Readable.from([Buffer.alloc(600, 65), Buffer.alloc(600, 65)]), columns, { maxBytes: 1000, maxRows: 10 });
    expect(tooLarge.ok === false && tooLarge.errors[0]!.code).toBe("csvImport.error.file_too_large");
  });
});
