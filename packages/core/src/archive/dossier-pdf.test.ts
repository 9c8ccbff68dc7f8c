import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { renderDossierPdf } from "./dossier-pdf";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** The text of each page, its items joined by spaces. */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}

describe("the dossier's summary PDF", () => {
  it("is readable: reference, facts, lines, decision and the whole timeline over as many pages as it needs", async () => {
    const timeline = Array.from({ length: 120 }, (_, i): [string, string] => [`2026-11-${String((i % 28) + 1).padStart(2, "0")} 10:00:00`, `${i + 1}. note — Camille Dubois`]);
    const bytes = await renderDossierPdf({
      reference: "LIT-2026-000042",
      title: "Granulés humides",
      exportedAt: new Date("2026-12-01T10:00:00Z"),
      facts: [
        ["Client", "Martin BTP (SIREN 552100554)"],
        ["Montant contesté", "240,00 €"],
      ],
      lines: ["Facture FA-2026-10412, ligne 1 : GRA-01 Palette de granulés — contesté 240,00 €"],
      decision: ["Issue : upheld, décidée le 2026-11-30T10:00:00.000Z"],
      timeline,
    });
    const pages = await pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join(" ");
    for (const expected of ["Dossier LIT-2026-000042", "Granulés humides", "Martin BTP (SIREN 552100554)", "240,00", "FA-2026-10412", "Historique", "1. note", "120. note"]) {
      expect(text).toContain(expected);
    }
  });
});
