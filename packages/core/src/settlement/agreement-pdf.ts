import { createHash } from "node:crypto";
import { PDFDocument, PDFHexString, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { agreementBlocks, fill, type AgreementBlock, type AgreementDocument, type AgreementLanguage } from "./agreement-document";
import { AGREEMENT_LABELS } from "./agreement-labels";

export type { AgreementCustomer, AgreementDocument, AgreementInvoice, AgreementLanguage, AgreementSupplier } from "./agreement-document";

/** A4 in points; text between the margins, the footer below the bottom one. */
export const AGREEMENT_PAGE = { width: 595.28, height: 841.89, marginX: 56, marginTop: 50, marginBottom: 54 } as const;
const { width: PAGE_WIDTH, height: PAGE_HEIGHT, marginX: MARGIN_X, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM } = AGREEMENT_PAGE;
const FOOTER_Y = 32;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const LABEL_WIDTH = 170;
const COLUMN_GAP = 10;
const BULLET_INDENT = 16;
const BODY_SIZE = 10;
const LINE_HEIGHT = 13;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);

/** Characters the standard fonts (WinAnsi) cannot encode, with a safe equivalent. */
const REPLACEMENTS: Record<string, string> = {
  "\u202f": "\u00a0", // narrow no-break space (Intl's French digit groups)
  "\u2007": "\u00a0", // figure space
  "\u2060": "", // word joiner
  "\u200b": "", // zero-width space
  "\ufeff": "",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u2028": " ",
  "\u2029": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "–",
  "\u2015": "—",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u201b": "'",
  "\u201f": '"',
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2260": "!=",
  "\u2192": "->",
  "\u2190": "<-",
  "\u2713": "v",
  "\u00ad": "",
};

/**
 * `text` with every character `font` can encode kept, the known ones mapped (see REPLACEMENTS), accented
 * letters outside WinAnsi reduced to their base letter (ă → a) and anything else shown as "?".
 */
export function winAnsiSafe(text: string, font: PDFFont): string {
  const encodable = characterSet(font);
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    else if (encodable.has(code)) out += char;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else {
      const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
      out += base !== "" && [...base].every((c) => encodable.has(c.codePointAt(0) ?? 0)) ? base : "?";
    }
  }
  return out;
}

const charWidths = new WeakMap<PDFFont, Map<string, number>>();

/**
 * The width `text` takes when drawn. Not `font.widthOfTextAtSize`: for the standard fonts it subtracts
 * kerning, which `drawText` does not apply, so lines measured with it overflow by a few points.
 */
export function textWidth(text: string, font: PDFFont, size: number): number {
  let widths = charWidths.get(font);
  if (!widths) {
    widths = new Map();
    charWidths.set(font, widths);
  }
  let total = 0;
  for (const char of text) {
    let width = widths.get(char);
    if (width === undefined) {
      width = font.widthOfTextAtSize(char, 1000);
      widths.set(char, width);
    }
    total += width;
  }
  return (total * size) / 1000;
}

const characterSets = new WeakMap<PDFFont, Set<number>>();
function characterSet(font: PDFFont): Set<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Splits safe text into lines no wider than `width`, at spaces; a word wider than a line is cut. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (candidate: string) => textWidth(candidate, font, size) <= width;
  const result: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "") result.push(line);
    let rest = word;
    while (rest !== "" && !fits(rest)) {
      // The longest head of the word that fits (at least one character, so the loop ends).
      let cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut++;
      result.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line !== "" || result.length === 0) result.push(line);
  return result;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** Lays the blocks out top to bottom, opening a page when the next line does not fit. */
class Layout {
  readonly pages: PDFPage[] = [];
  private readonly pdf: PDFDocument;
  private readonly fonts: Fonts;
  private page!: PDFPage;
  private y = 0;

  constructor(pdf: PDFDocument, fonts: Fonts) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.newPage();
  }

  private newPage(): void {
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  /** Makes room for `height` points, on a new page if needed (never for the first line of a page). */
  private room(height: number): void {
    if (this.y - height < MARGIN_BOTTOM && this.y < PAGE_HEIGHT - MARGIN_TOP) this.newPage();
  }

  private text(text: string, x: number, font: PDFFont, size: number, color = BLACK): void {
    if (text !== "") this.page.drawText(text, { x, y: this.y - size, font, size, color });
  }

  /** Wrapped lines of `text` in a column, one page break allowed between any two lines. */
  private column(text: string, x: number, width: number, font: PDFFont, size: number, lineHeight: number): void {
    for (const line of wrapText(winAnsiSafe(text, font), font, size, width)) {
      this.room(lineHeight);
      this.text(line, x, font, size);
      this.y -= lineHeight;
    }
  }

  block(block: AgreementBlock): void {
    const { regular, bold, mono } = this.fonts;
    switch (block.type) {
      case "title":
        for (const line of wrapText(winAnsiSafe(block.text, bold), bold, 18, TEXT_WIDTH)) {
          this.room(24);
          this.text(line, (PAGE_WIDTH - textWidth(line, bold, 18)) / 2, bold, 18);
          this.y -= 24;
        }
        return;
      case "subtitle":
        for (const line of wrapText(winAnsiSafe(block.text, regular), regular, 11, TEXT_WIDTH)) {
          this.room(16);
          this.text(line, (PAGE_WIDTH - textWidth(line, regular, 11)) / 2, regular, 11, GREY);
          this.y -= 16;
        }
        this.y -= 10;
        return;
      case "heading":
        this.y -= 8;
        // Keep a heading with at least two lines of what follows it.
        this.room(18 + 2 * LINE_HEIGHT);
        this.column(block.text, MARGIN_X, TEXT_WIDTH, bold, 12, 18);
        this.y -= 2;
        return;
      case "paragraph":
        this.column(block.text, MARGIN_X, TEXT_WIDTH, block.strong ? bold : regular, BODY_SIZE, LINE_HEIGHT);
        return;
      case "bullet": {
        this.room(LINE_HEIGHT);
        this.text("•", MARGIN_X + 4, regular, BODY_SIZE);
        this.column(block.text, MARGIN_X + BULLET_INDENT, TEXT_WIDTH - BULLET_INDENT, regular, BODY_SIZE, LINE_HEIGHT);
        return;
      }
      case "field": {
        if (block.mono) {
          // A hash: the label, then the value whole on the next line(s) in a fixed-width font.
          this.room(2 * LINE_HEIGHT);
          this.column(block.label, MARGIN_X, TEXT_WIDTH, bold, BODY_SIZE, LINE_HEIGHT);
          this.column(block.value, MARGIN_X, TEXT_WIDTH, mono, 9, LINE_HEIGHT);
          return;
        }
        const valueFont = regular;
        const valueSize = BODY_SIZE;
        const labels = wrapText(winAnsiSafe(block.label, bold), bold, BODY_SIZE, LABEL_WIDTH);
        const values = wrapText(winAnsiSafe(block.value, valueFont), valueFont, valueSize, TEXT_WIDTH - LABEL_WIDTH - COLUMN_GAP);
        for (let i = 0; i < Math.max(labels.length, values.length); i++) {
          this.room(LINE_HEIGHT);
          this.text(labels[i] ?? "", MARGIN_X, bold, BODY_SIZE);
          this.text(values[i] ?? "", MARGIN_X + LABEL_WIDTH + COLUMN_GAP, valueFont, valueSize);
          this.y -= LINE_HEIGHT;
        }
        return;
      }
      case "amount": {
        const font = block.strong ? bold : regular;
        const value = winAnsiSafe(block.value, font);
        const valueWidth = textWidth(value, font, BODY_SIZE);
        const labels = wrapText(winAnsiSafe(block.label, font), font, BODY_SIZE, TEXT_WIDTH - valueWidth - COLUMN_GAP);
        labels.forEach((label, i) => {
          this.room(LINE_HEIGHT);
          this.text(label, MARGIN_X, font, BODY_SIZE);
          if (i === 0) this.text(value, PAGE_WIDTH - MARGIN_X - valueWidth, font, BODY_SIZE);
          this.y -= LINE_HEIGHT;
        });
        return;
      }
      case "gap":
        this.y -= LINE_HEIGHT / 2;
        return;
    }
  }
}

/** Keys sorted at every level, dates as ISO strings: equal documents give equal JSON. */
function canonicalJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The agreement ("protocole d'accord") as a PDF, in the customer's language. Deterministic: the same
 * document and language give the same bytes (dates = the acceptance instant, document ID = a hash of
 * the input, no clock, no randomness), so the stored file's SHA-256 can be checked by rendering again.
 * Standard fonts (Helvetica, Courier), nothing embedded; text outside WinAnsi is mapped (winAnsiSafe).
 */
export async function renderAgreementPdf(doc: AgreementDocument, language: AgreementLanguage): Promise<Uint8Array> {
  const blocks = agreementBlocks(doc, language);
  const t = AGREEMENT_LABELS[language];
  const acceptedAt = doc.acceptance.acceptedAt;

  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    mono: await pdf.embedFont(StandardFonts.Courier),
  };

  const layout = new Layout(pdf, fonts);
  for (const block of blocks) layout.block(block);

  const pages = layout.pages.length;
  layout.pages.forEach((page, i) => {
    const footer = winAnsiSafe(fill(t.footer, { reference: doc.caseReference, page: i + 1, pages }), fonts.regular);
    const width = textWidth(footer, fonts.regular, 8);
    page.drawText(footer, { x: (PAGE_WIDTH - width) / 2, y: FOOTER_Y, font: fonts.regular, size: 8, color: GREY });
  });

  pdf.setTitle(`${t.title} – ${doc.caseReference}`);
  pdf.setSubject(fill(t.subtitle, { reference: doc.caseReference, number: doc.proposal.number }));
  pdf.setAuthor(doc.supplier.legalName);
  pdf.setLanguage(language === "fr" ? "fr-FR" : "en-GB");
  pdf.setCreator("Accord");
  pdf.setProducer("Accord (pdf-lib)");
  pdf.setCreationDate(acceptedAt);
  pdf.setModificationDate(acceptedAt);

  const id = createHash("sha256").update(canonicalJson({ language, doc })).digest("hex").slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  return pdf.save({ useObjectStreams: false });
}
