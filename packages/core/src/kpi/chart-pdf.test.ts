import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildChart, type ChartSpec } from "@accord/charts";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { drawChart } from "./chart-pdf";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** The text items of the first page, as pdf.js reads them. */
async function readText(bytes: Uint8Array): Promise<string[]> {
  // pdf.js detaches the buffer it is given: pass a copy.
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const content = await (await pdf.getPage(1)).getTextContent();
  const items = content.items.flatMap((item) => ("str" in item && item.str !== "" ? [item.str] : []));
  await task.destroy();
  return items;
}

const volume: ChartSpec = {
  kind: "columns",
  title: "Volume des litiges – 2026",
  locale: "fr",
  categories: [
    { key: "2026-01", label: "janv. 2026" },
    { key: "2026-02", label: "févr. 2026" },
    { key: "2026-03", label: "mars 2026" },
  ],
  series: [
    { name: "Reçus", kind: "bar", values: [1200, 800, null], format: "count", hrefs: ["/cases?month=2026-01", null, null] },
    { name: "Clos", kind: "bar", values: [900, 1000, 400], format: "count" },
    { name: "En cours", kind: "line", values: [300, null, 500], format: "count" },
    { name: "Taux", kind: "line", values: [20, 40, 60], format: "percent", axis: "right" },
  ],
};

async function onePage(spec: ChartSpec) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const boldFont = await doc.embedFont(StandardFonts.HelveticaBold);
  const { height } = drawChart(page, buildChart(spec), { x: 56, y: 780, width: 483, font, boldFont });
  return { bytes: await doc.save(), height };
}

describe("drawChart", () => {
  it("draws a chart whose title, tick labels, category labels and legend read back as text", async () => {
    const { bytes, height } = await onePage(volume);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const items = await readText(bytes);
    expect(items).toContain("Volume des litiges – 2026");
    expect(items).toContain("janv. 2026");
    expect(items).toContain("févr. 2026");
    expect(items.some((s) => /^60[ \u00a0]%$/.test(s))).toBe(true);
    expect(items).toEqual(expect.arrayContaining(["Reçus", "Clos", "En cours", "Taux"]));
    // Title, chart at 483/640 of its 300 units, legend.
    expect(height).toBeGreaterThan(300 * (483 / 640));
    expect(height).toBeLessThan(300 * (483 / 640) + 60);
  });

  it("keeps a French thousands separator as a space (the narrow no-break space is not in WinAnsi)", async () => {
    const items = await readText((await onePage(volume)).bytes);
    const thousands = items.filter((s) => /^1\s200$/.test(s));
    expect(thousands).toHaveLength(1);
    expect(thousands[0]).toMatch(/^1[ \u00a0]200$/);
    expect(items.join(" ")).not.toContain("?");
  });

  it("draws an empty chart without failing", async () => {
    const { bytes } = await onePage({ kind: "pareto", title: "Causes", locale: "en", categories: [], series: [] });
    expect(await readText(bytes)).toContain("Causes");
  });

  it("wraps a long legend onto more rows", async () => {
    const many: ChartSpec = {
      ...volume,
      series: Array.from({ length: 8 }, (_, k) => ({ name: `Une série au nom assez long ${k + 1}`, kind: "bar" as const, values: [k, k + 1, k + 2], format: "count" as const })),
    };
    const short = await onePage(volume);
    const long = await onePage(many);
    expect(long.height).toBeGreaterThan(short.height);
    expect(await readText(long.bytes)).toContain("Une série au nom assez long 8");
  });

  it("wraps a title longer than the width", async () => {
    const long = "Délai moyen de résolution, en jours ouvrés et calendaires, des litiges clos chaque mois depuis dix-huit mois";
    const { bytes, height } = await onePage({ ...volume, title: long });
    const items = await readText(bytes);
    expect(items).not.toContain(long);
    expect(items.join(" ").replace(/\s+/g, " ")).toContain("Délai moyen de résolution");
    expect(height).toBeGreaterThan((await onePage(volume)).height);
  });

  it("draws degenerate charts (one category, nothing but gaps, negative values, all zero) into a PDF that loads", async () => {
    const one = [{ key: "k", label: "mars 2026" }];
    const specs: ChartSpec[] = [
      { kind: "lines", title: "Un seul mois", locale: "en", categories: one, series: [{ name: "NPS", kind: "line", values: [-40], format: "score" }] },
      { kind: "columns", title: "Vide", locale: "fr", categories: volume.categories, series: [{ name: "Taux", kind: "line", values: [null, null, null], format: "percent" }] },
      { kind: "columns", title: "Écarts", locale: "fr", stacked: true, categories: volume.categories, series: [{ name: "A", kind: "bar", values: [-5, 3, 0], format: "cents" }, { name: "B", kind: "bar", values: [2, -8, 0], format: "cents" }] },
      { kind: "pareto", title: "Zéro", locale: "fr", categories: volume.categories, series: [{ name: "N", kind: "bar", values: [0, 0, 0], format: "count" }] },
    ];
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    let y = 800;
    for (const spec of specs) y -= drawChart(page, buildChart(spec), { x: 56, y, width: 240, font }).height + 10;
    const items = await readText(await doc.save());
    expect(items).toEqual(expect.arrayContaining(["Un seul mois", "Vide", "Écarts", "Zéro"]));
  });
});
