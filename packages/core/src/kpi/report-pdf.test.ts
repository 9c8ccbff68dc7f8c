import { buildChart } from "@accord/charts";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { reportCsv } from "./report-csv";
import type { ReportDocument } from "./report-document";
import { renderReportPdf } from "./report-pdf";

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/[\s\u00a0\u202f]+/g, " "),
    );
  }
  await task.destroy();
  return pages;
}

const chart = buildChart({
  kind: "pareto",
  title: "Causes racines (Pareto)",
  locale: "fr",
  categories: [
    { key: "late_delivery", label: "Retard de livraison" },
    { key: "packaging", label: "Emballage insuffisant" },
  ],
  series: [{ name: "Dossiers", kind: "bar", format: "count", values: [1234, 56] }],
});

const doc = (rows: number): ReportDocument => ({
  title: "Revue des litiges — novembre 2026",
  subtitle: "Édité le 7 déc. 2026",
  footer: "Accord — page {{page}} sur {{pages}}",
  language: "fr",
  issuedAt: new Date("2026-12-07T08:00:00Z"),
  sections: [
    { id: "summary", heading: "Synthèse", figures: [{ label: "Dossiers reçus", value: "1 234", note: "mois précédent : 1 100" }], charts: [chart] },
    {
      id: "top",
      heading: "Principaux litiges",
      table: {
        caption: "Principaux litiges",
        columns: ["Dossier", "Client", "Montant contesté"],
        rows: Array.from({ length: rows }, (_, i) => ({ cells: [`LIT-2026-${String(i).padStart(6, "0")}`, "Brasseries Lemoine SA", "12 345,00 €"] })),
        empty: "Aucun litige ce mois-ci.",
      },
    },
    {
      id: "breaches",
      heading: "Dépassements de SLA",
      table: { caption: "Dépassements", columns: ["Dossier"], rows: [], empty: "Aucun dépassement de SLA ce mois-ci." },
    },
  ],
});

describe("renderReportPdf", () => {
  it("prints the title, the figures, the chart's labels and the tables, with numbered pages", async () => {
    const pages = await pdfPages(await renderReportPdf(doc(3)));
    const text = pages.join(" ");
    expect(text).toContain("Revue des litiges — novembre 2026");
    expect(text).toContain("Dossiers reçus : 1 234 (mois précédent : 1 100)");
    expect(text).toContain("Retard de livraison");
    expect(text).toContain("LIT-2026-000002");
    expect(text).toContain("Aucun dépassement de SLA ce mois-ci.");
    expect(text).toContain(`page 1 sur ${pages.length}`);
  });

  it("a long table continues on the next pages, its rows never lost", async () => {
    const pages = await pdfPages(await renderReportPdf(doc(120)));
    expect(pages.length).toBeGreaterThan(2);
    const text = pages.join(" ");
    for (const n of [0, 59, 119]) expect(text).toContain(`LIT-2026-${String(n).padStart(6, "0")}`);
    expect(pages.at(-1)).toContain(`page ${pages.length} sur ${pages.length}`);
  });
});

describe("reportCsv", () => {
  it("gives each section its heading, figures, chart data and table, French Excel conventions", () => {
    const csv = reportCsv(doc(2));
    expect(csv.startsWith("\ufeffRevue des litiges — novembre 2026\r\n")).toBe(true);
    expect(csv).toContain("Dossiers reçus;1 234;mois précédent : 1 100\r\n");
    expect(csv).toMatch(/Retard de livraison;1[\s\u00a0\u202f]234/);
    expect(csv).toContain("LIT-2026-000001;Brasseries Lemoine SA;12 345,00 €\r\n");
    expect(csv).toContain("Aucun dépassement de SLA ce mois-ci.");
  });

  it("never lets a spreadsheet run a value as a formula", () => {
    const hostile: ReportDocument = { ...doc(0), sections: [{ id: "x", heading: '=HYPERLINK("http://evil")', figures: [{ label: "-20 %", value: "+1" }] }] };
    const csv = reportCsv(hostile);
    expect(csv).not.toMatch(/(^|;|\n)[=+\-@]/);
  });
});
