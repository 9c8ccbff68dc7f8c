import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { textWidth, winAnsiSafe, wrapText } from "../settlement/agreement-pdf";
import { drawChart } from "./chart-pdf";
import type { ReportDocument, ReportTable } from "./report-document";

/** A4 landscape would cut tables less, but committees print portrait: A4 portrait, tables wrapped. */
const PAGE = { width: 595.28, height: 841.89, marginX: 42, marginTop: 46, marginBottom: 50 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;
const GREY = rgb(0.29, 0.33, 0.41);
const INK = rgb(0.09, 0.13, 0.18);
const RULE = rgb(0.8, 0.82, 0.86);
const TITLE_SIZE = 18;
const HEADING_SIZE = 13;
const BODY_SIZE = 9.5;
const TABLE_SIZE = 8;
const LINE = 12;
const TABLE_LINE = 10;
const CELL_PAD = 3;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A cursor going down pages: a new page when what comes does not fit. */
class Cursor {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  private readonly pdf: PDFDocument;
  readonly fonts: Fonts;

  constructor(pdf: PDFDocument, fonts: Fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.marginTop;
  }

  /** Makes room for `height` points, on a new page if needed. */
  room(height: number): void {
    if (this.y - height < PAGE.marginBottom) this.newPage();
  }

  text(text: string, options: { size: number; font?: PDFFont; color?: typeof INK; indent?: number; lineHeight?: number }): void {
    const font = options.font ?? this.fonts.regular;
    const lineHeight = options.lineHeight ?? options.size + 3;
    const indent = options.indent ?? 0;
    for (const line of wrapText(winAnsiSafe(text, font), font, options.size, TEXT_WIDTH - indent)) {
      this.room(lineHeight);
      this.page.drawText(line, { x: PAGE.marginX + indent, y: this.y - options.size, size: options.size, font, color: options.color ?? INK });
      this.y -= lineHeight;
    }
  }

  gap(points: number): void {
    this.y -= points;
  }
}

/** Column widths in proportion to the longest text of each column (header included), within bounds. */
function columnWidths(table: ReportTable): number[] {
  const lengths = table.columns.map((column, index) => Math.min(60, Math.max(6, column.length, ...table.rows.map((row) => (row.cells[index] ?? "").length))));
  const total = lengths.reduce((sum, length) => sum + length, 0);
  return lengths.map((length) => (length / total) * TEXT_WIDTH);
}

function drawTable(cursor: Cursor, table: ReportTable): void {
  const { regular, bold } = cursor.fonts;
  cursor.text(table.caption, { size: BODY_SIZE, font: bold });
  if (table.rows.length === 0) {
    cursor.text(table.empty, { size: BODY_SIZE, color: GREY });
    return;
  }
  const widths = columnWidths(table);
  const drawRow = (cells: readonly string[], font: PDFFont) => {
    const wrapped = widths.map((width, index) => wrapText(winAnsiSafe(cells[index] ?? "", font), font, TABLE_SIZE, width - 2 * CELL_PAD));
    const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * TABLE_LINE + 2 * CELL_PAD;
    cursor.room(height);
    let x = PAGE.marginX;
    wrapped.forEach((lines, index) => {
      lines.forEach((line, k) =>
        cursor.page.drawText(line, { x: x + CELL_PAD, y: cursor.y - CELL_PAD - TABLE_SIZE - k * TABLE_LINE, size: TABLE_SIZE, font, color: INK }),
      );
      x += widths[index]!;
    });
    cursor.y -= height;
    cursor.page.drawLine({ start: { x: PAGE.marginX, y: cursor.y }, end: { x: PAGE.marginX + TEXT_WIDTH, y: cursor.y }, thickness: 0.5, color: RULE });
    return height;
  };
  drawRow(table.columns, bold);
  for (const row of table.rows) drawRow(row.cells, regular);
}

/**
 * The PDF of a report (ADR 0040): its title, then each section with its figures, its charts drawn
 * by `drawChart` from the same models as the page's SVG, and its table, on A4 pages with the footer
 * and page numbers. Standard fonts (text through `winAnsiSafe`), like the other PDFs.
 */
export async function renderReportPdf(doc: ReportDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const cursor = new Cursor(pdf, fonts);

  cursor.text(doc.title, { size: TITLE_SIZE, font: fonts.bold, lineHeight: TITLE_SIZE + 6 });
  if (doc.subtitle) cursor.text(doc.subtitle, { size: BODY_SIZE, color: GREY });
  cursor.gap(10);

  // French puts a space before the colon.
  const colon = doc.language === "fr" ? " : " : ": ";
  for (const section of doc.sections) {
    cursor.room(HEADING_SIZE + 40);
    cursor.gap(6);
    cursor.text(section.heading, { size: HEADING_SIZE, font: fonts.bold, lineHeight: HEADING_SIZE + 6 });
    for (const figure of section.figures ?? []) {
      cursor.text(`${figure.label}${colon}${figure.value}${figure.note ? ` (${figure.note})` : ""}`, { size: BODY_SIZE, lineHeight: LINE });
    }
    for (const chart of section.charts ?? []) {
      const width = Math.min(TEXT_WIDTH, 460);
      // The chart, its title and its legend: its box's height at this width, plus room for both.
      cursor.room((chart.height * width) / chart.width + 70);
      cursor.gap(6);
      const { height } = drawChart(cursor.page, chart, { x: PAGE.marginX, y: cursor.y, width, font: fonts.regular, boldFont: fonts.bold });
      cursor.y -= height + 6;
    }
    if (section.table) {
      cursor.gap(4);
      drawTable(cursor, section.table);
    }
  }

  const pages = cursor.pages.length;
  cursor.pages.forEach((page, index) => {
    const footer = winAnsiSafe(doc.footer.replace("{{page}}", String(index + 1)).replace("{{pages}}", String(pages)), fonts.regular);
    const width = textWidth(footer, fonts.regular, 8);
    page.drawText(footer, { x: (PAGE.width - width) / 2, y: 28, font: fonts.regular, size: 8, color: GREY });
  });

  pdf.setTitle(doc.subtitle ? `${doc.title} – ${doc.subtitle}` : doc.title);
  pdf.setLanguage(doc.language === "fr" ? "fr-FR" : "en-GB");
  pdf.setCreator("Accord");
  pdf.setProducer("Accord (pdf-lib)");
  pdf.setCreationDate(doc.issuedAt);
  pdf.setModificationDate(doc.issuedAt);
  return pdf.save({ useObjectStreams: false });
}
