import { parse } from "csv-parse/sync";
import { resolveDisputedInvoice } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { ERP_EXPORT_COLUMNS, erpExportCsv, type ErpExportRow } from "./erp-export-csv";

const common = {
  caseReference: "LIT-2026-0042",
  customerCode: "C0042",
  customerName: "Boulangeries Martin SARL",
  invoiceNumber: "FA-2026-0815",
  currency: "EUR",
} as const;

const resolution = resolveDisputedInvoice({
  invoiceAmountCents: 120_000,
  disputedCents: 30_000,
  creditedCents: 12_000,
  originalDueDate: "2026-03-12",
  resolutionDate: "2026-03-20",
  term: { kind: "net", days: 30 },
});

const rows: ErpExportRow[] = [
  { event: "hold", date: "2026-02-20", ...common, invoiceAmountCents: 120_000, disputedCents: 30_000, dueDate: "2026-03-12" },
  { event: "release", date: "2026-03-20", ...common, resolution },
  { event: "credit_note_to_issue", date: "2026-03-20", ...common, amountExclVatCents: 10_000, vatCents: 2000, amountInclVatCents: 12_000 },
  { event: "credit_note_issued", date: "2026-03-22", ...common, amountExclVatCents: 10_000, vatCents: 2000, amountInclVatCents: 12_000, creditNoteNumber: "AV-2026-000123" },
];

function records(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, delimiter: ";", columns: true, record_delimiter: "\r\n" });
}

function validationFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return Object.keys(error.fieldErrors ?? {});
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("erpExportCsv", () => {
  it("writes a BOM, a header of the documented columns, `;` and CRLF", () => {
    const csv = erpExportCsv(rows);
    expect(csv.startsWith("\uFEFFevent;event_date;case_reference;")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]?.split(";")).toEqual([...ERP_EXPORT_COLUMNS]);
    expect(lines).toHaveLength(rows.length + 2); // header, rows, and the final CRLF
    expect(lines.at(-1)).toBe("");
    expect(lines[1]).toBe("hold;2026-02-20;LIT-2026-0042;C0042;Boulangeries Martin SARL;FA-2026-0815;EUR;1200.00;300.00;900.00;2026-03-12;;;;;;;");
  });

  it("writes one row per event with ISO dates and `.` decimals", () => {
    const [hold, release, toIssue, issued] = records(erpExportCsv(rows));
    expect(hold).toMatchObject({ event: "hold", invoice_amount: "1200.00", disputed_amount: "300.00", undisputed_amount: "900.00", due_date: "2026-03-12", new_due_date: "" });
    expect(release).toMatchObject({
      event: "release",
      event_date: "2026-03-20",
      disputed_amount: "300.00",
      undisputed_amount: "900.00",
      due_date: "2026-03-12",
      remainder_amount: "180.00",
      new_due_date: "2026-04-19",
      credited_amount: "120.00",
      amount_excl_vat: "",
    });
    expect(toIssue).toMatchObject({ event: "credit_note_to_issue", amount_excl_vat: "100.00", vat_amount: "20.00", amount_incl_vat: "120.00", credit_note_number: "" });
    expect(issued).toMatchObject({ event: "credit_note_issued", event_date: "2026-03-22", credit_note_number: "AV-2026-000123", amount_incl_vat: "120.00" });
  });

  it("writes cents exactly, never through floating point", () => {
    const [row] = records(erpExportCsv([{ event: "credit_note_to_issue", date: "2026-03-20", ...common, amountExclVatCents: 1, vatCents: 0, amountInclVatCents: 1 }]));
    expect(row).toMatchObject({ amount_excl_vat: "0.01", vat_amount: "0.00", amount_incl_vat: "0.01" });
    const [big] = records(erpExportCsv([{ event: "hold", date: "2026-03-20", ...common, invoiceAmountCents: 9_007_199_254_740_991, disputedCents: 10, dueDate: "2026-04-01" }]));
    expect(big?.invoice_amount).toBe("90071992547409.91");
  });

  it("quotes `;`, double quotes and line breaks, and reads back the same text", () => {
    const name = `Dupont; Fils & "Cie"\nservice compta\r\nBâtiment É`;
    const csv = erpExportCsv([{ ...rows[0]!, customerName: name } as ErpExportRow]);
    expect(csv).toContain(`;"Dupont; Fils & ""Cie""\nservice compta\r\nBâtiment É";`);
    expect(records(csv)[0]?.customer_name).toBe(name);
    const lf = erpExportCsv([{ ...rows[0]!, customerName: "ligne 1\nligne 2" } as ErpExportRow]);
    expect(lf).toContain(`;"ligne 1\nligne 2";`);
    const cr = erpExportCsv([{ ...rows[0]!, customerName: "ligne 1\rligne 2" } as ErpExportRow]);
    expect(cr).toContain(`;"ligne 1\rligne 2";`);
  });

  it("keeps a spreadsheet from running a text as a formula", () => {
    const [row] = records(erpExportCsv([{ ...rows[0]!, customerName: "=HYPERLINK(\"http://x\")", invoiceNumber: "@SUM(1)" } as ErpExportRow]));
    expect(row?.customer_name).toBe("'=HYPERLINK(\"http://x\")");
    expect(row?.invoice_number).toBe("'@SUM(1)");
  });

  it("writes only the header for no event", () => {
    expect(erpExportCsv([])).toBe(`\uFEFF${ERP_EXPORT_COLUMNS.join(";")}\r\n`);
  });

  it("refuses an unsound row, naming the field", () => {
    expect(validationFields(() => erpExportCsv([{ ...rows[0]!, disputedCents: 130_000 } as ErpExportRow]))).toEqual(["0.disputedCents"]);
    expect(validationFields(() => erpExportCsv([rows[0]!, { ...rows[2]!, amountInclVatCents: 11_999 } as ErpExportRow]))).toEqual(["1.amountInclVatCents"]);
    expect(validationFields(() => erpExportCsv([{ ...rows[0]!, date: "2026-02-30" }]))).toEqual(["0.date"]);
    expect(validationFields(() => erpExportCsv([{ ...rows[2]!, vatCents: 0.5 } as ErpExportRow]))).toContain("0.vatCents");
    expect(validationFields(() => erpExportCsv([{ ...rows[3]!, creditNoteNumber: "" } as ErpExportRow]))).toEqual(["0.creditNoteNumber"]);
  });
});
