import { stringify } from "csv-stringify/sync";
import type { ReportDocument } from "./report-document";

/**
 * A report as CSV for a spreadsheet (ADR 0040): UTF-8 with a BOM, `;` between fields, CRLF, as the
 * other exports. The sections follow one another, each introduced by its heading, then its figures
 * (label, value, note), the data of its charts and its table (caption, header row, rows), with an
 * empty line between sections. Values are the ones the page shows, formatted for the reader's
 * language. A text that a spreadsheet would run as a formula gets a leading `'`.
 */
export function reportCsv(doc: ReportDocument): string {
  const records: string[][] = [[doc.title], ...(doc.subtitle ? [[doc.subtitle]] : []), []];
  for (const section of doc.sections) {
    records.push([section.heading]);
    for (const figure of section.figures ?? []) records.push([figure.label, figure.value, figure.note ?? ""]);
    for (const chart of section.charts ?? []) {
      records.push([chart.title]);
      records.push([...chart.table.columns]);
      for (const row of chart.table.rows) records.push([row.label, ...row.cells]);
    }
    if (section.table) {
      records.push([section.table.caption]);
      records.push([...section.table.columns]);
      if (section.table.rows.length === 0) records.push([section.table.empty]);
      for (const row of section.table.rows) records.push([...row.cells]);
    }
    records.push([]);
  }
  return stringify(records, {
    bom: true,
    delimiter: ";",
    record_delimiter: "windows",
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
