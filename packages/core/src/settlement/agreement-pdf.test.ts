import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { agreementFixture } from "../testing/agreement-fixture";
import { AGREEMENT_PAGE, renderAgreementPdf, textWidth, winAnsiSafe, wrapText } from "./agreement-pdf";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Every page's text items (string, position) as pdf.js reads them. */
async function readPages(bytes: Uint8Array): Promise<TextItem[][]> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const pages: TextItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const items: TextItem[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
    }
    pages.push(items);
  }
  await task.destroy();
  return pages;
}

/** The text of the whole PDF, spaces of every kind (U+00A0 included) as one plain space. */
const plain = (pages: TextItem[][]) =>
  pages
    .flat()
    .map((item) => item.str)
    .join(" ")
    .replace(/\s+/g, " ");

afterEach(() => {
  vi.useRealTimers();
});

describe("renderAgreementPdf", () => {
  it("renders a PDF that loads back, with its title and metadata", async () => {
    const doc = agreementFixture();
    const pdf = await PDFDocument.load(await renderAgreementPdf(doc, "fr"), { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe("Protocole d'accord – LIT-2026-000042");
    expect(pdf.getAuthor()).toBe("Minoterie Dupuis SAS");
    expect(pdf.getCreationDate()?.toISOString()).toBe("2026-12-06T19:35:27.000Z");
    expect(pdf.getModificationDate()?.toISOString()).toBe("2026-12-06T19:35:27.000Z");
  });

  it("writes the parties, the case, the invoices, the amounts, the acceptance record and the hash as text", async () => {
    const doc = agreementFixture();
    const text = plain(await readPages(await renderAgreementPdf(doc, "fr")));
    for (const expected of [
      "Protocole d'accord",
      "Minoterie Dupuis SAS",
      "552100554",
      "FR12552100554",
      "12 rue des Moulins, 69007 Lyon",
      "Boulangeries Martin SARL",
      "732829320",
      "LIT-2026-000042",
      "« Farine humide à la livraison »",
      "Facture n° F-2026-0117 du 12 novembre 2026",
      "Facture n° F-2026-0123 du 19 novembre 2026",
      "Transaction",
      "Le Client règle le solde sous 30 jours.",
      "Renonce à la pénalité de retard prévue au contrat",
      "Montant hors taxes 1 234,56 €",
      "TVA 246,91 €",
      "Montant toutes taxes comprises 1 481,47 €",
      "Claire Martin",
      "claire.martin@boulangeries-martin.fr",
      "6 décembre 2026 à 20:35:27 (heure de Paris, GMT+01:00)",
      "203.0.113.7",
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
      doc.acceptance.textSha256,
      "Fait en ligne le 6 décembre 2026.",
      "page 1/1",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("gives the same bytes for the same input, whatever the clock or the key order", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2027-01-01T00:00:00Z"));
    const first = await renderAgreementPdf(agreementFixture(), "fr");
    vi.setSystemTime(new Date("2031-06-15T12:00:00Z"));
    const { proposal, acceptance, ...rest } = agreementFixture();
    const reordered = { acceptance, proposal, ...rest };
    const second = await renderAgreementPdf(reordered, "fr");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // The document ID follows the input: another acceptance instant gives other bytes.
    const other = agreementFixture();
    other.acceptance.acceptedAt = new Date("2026-12-06T19:35:28Z");
    expect(Buffer.from(await renderAgreementPdf(other, "fr")).equals(Buffer.from(first))).toBe(false);
  });

  it("sets a document ID derived from the input", async () => {
    const raw = Buffer.from(await renderAgreementPdf(agreementFixture(), "fr")).toString("latin1");
    const ids = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/i.exec(raw);
    expect(ids?.[1]).toMatch(/^[0-9a-f]{32}$/i);
    expect(ids?.[1]).toBe(ids?.[2]);
    const english = Buffer.from(await renderAgreementPdf(agreementFixture(), "en")).toString("latin1");
    expect(english).not.toContain(ids?.[1]);
  });

  it("spreads long terms over several pages, inside the margins, without losing a word", async () => {
    const clauses = Array.from({ length: 120 }, (_, i) => `Clause ${String(i + 1).padStart(3, "0")} : le Fournisseur livre la farine conforme au cahier des charges, lot après lot, et le Client contrôle chaque réception sous 48 heures.`);
    const longWord = "X".repeat(40) + "Y".repeat(40) + "Z".repeat(40) + "W".repeat(40);
    const terms = [...clauses, longWord].join("\n");
    const doc = agreementFixture({ terms });
    const bytes = await renderAgreementPdf(doc, "fr");
    const pages = await readPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(pages.length);

    const page = AGREEMENT_PAGE;
    const footer = /^Protocole d'accord – dossier LIT-2026-000042 – page (\d+)\/(\d+)$/;
    pages.forEach((items, i) => {
      expect(items.filter((item) => footer.test(item.str)).map((item) => item.str)).toEqual([`Protocole d'accord – dossier LIT-2026-000042 – page ${i + 1}/${pages.length}`]);
      for (const item of items.filter((item) => !footer.test(item.str))) {
        expect(item.y).toBeGreaterThanOrEqual(page.marginBottom);
        expect(item.y).toBeLessThanOrEqual(page.height - page.marginTop);
        expect(item.x).toBeGreaterThanOrEqual(page.marginX);
        expect(item.x + item.width).toBeLessThanOrEqual(page.width - page.marginX + 0.01);
      }
    });

    // Every character of the terms is there, in order, once the footers and the line breaks are gone.
    const compact = (s: string) => s.replace(/\s+/g, "");
    const body = pages.map((items) => items.filter((item) => !footer.test(item.str)).map((item) => item.str).join(" ")).join(" ");
    expect(compact(body)).toContain(compact(terms));
    // What follows the terms still made it.
    expect(plain(pages)).toContain(doc.acceptance.textSha256);
  });

  it("uses English labels for an English-speaking customer", async () => {
    const text = plain(await readPages(await renderAgreementPdf(agreementFixture(), "en")));
    for (const expected of [
      "Settlement agreement",
      "Between the undersigned",
      "Invoice no. F-2026-0117 of 12 November 2026",
      "Settlement (transaction)",
      "Amount excl. VAT €1,234.56",
      "VAT €246.91",
      "Amount incl. VAT €1,481.47",
      "6 December 2026 at 20:35:27 (Paris time, GMT+01:00)",
      "SHA-256 of the accepted text",
      "Signed online on 6 December 2026.",
      "page 1/1",
    ]) {
      expect(text).toContain(expected);
    }
    for (const french of ["Protocole d'accord", "Montant hors taxes", "Signataire", "heure de Paris"]) expect(text).not.toContain(french);
  });

  it("renders text outside WinAnsi with safe equivalents instead of failing", async () => {
    const doc = agreementFixture({ terms: "Délai\u202f: 10\u2009jours \u2264 15 ; réf. \u2018A\u2019 \u2212 lot Ţ ✓ 😀" });
    doc.customer.legalName = "Brutărie Ştefan SRL";
    const text = plain(await readPages(await renderAgreementPdf(doc, "fr")));
    expect(text).toContain("Délai : 10 jours <= 15 ; réf. ‘A’ - lot T v ?");
    expect(text).toContain("Brutarie Stefan SRL");
  });
});

describe("winAnsiSafe and wrapText", () => {
  it("keeps what Helvetica encodes and maps the rest", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(winAnsiSafe("1\u202f234,56\u00a0€ « œuvre » – “ok” …", font)).toBe("1\u00a0234,56\u00a0€ « œuvre » – “ok” …");
    expect(winAnsiSafe("a\tb\nc\u0007d", font)).toBe("a b c d");
    expect(winAnsiSafe("漢字", font)).toBe("??");
    // Whatever comes out, the font can encode it.
    expect(() => font.encodeText(winAnsiSafe("Ţ ✓ 😀 \u2060\u2011\u2264 漢", font))).not.toThrow();
  });

  it("wraps at spaces, cuts only words wider than the line, and loses nothing", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const text = `un deux trois ${"x".repeat(200)} quatre`;
    const lines = wrapText(text, font, 10, 100);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(textWidth(line, font, 10)).toBeLessThanOrEqual(100);
    expect(lines[0]).toBe("un deux trois");
    expect(lines.join(" ").replaceAll(" ", "")).toBe(text.replaceAll(" ", ""));
    expect(wrapText("", font, 10, 100)).toEqual([""]);
    // No room at all: one character a line rather than a loop without end.
    expect(wrapText("abc", font, 10, 0)).toEqual(["a", "b", "c"]);
  });
});
