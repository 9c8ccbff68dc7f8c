/** The dossier's readable summary (case.pdf): A4 pages of labelled facts, lines, decision and timeline, in French. */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { AGREEMENT_PAGE, winAnsiSafe, wrapText } from "../settlement/agreement-pdf";

export interface DossierSummary {
  reference: string;
  title: string;
  exportedAt: Date;
  facts: [label: string, value: string][];
  lines: string[];
  decision: string[];
  timeline: [at: string, text: string][];
}

const { width: PAGE_WIDTH, height: PAGE_HEIGHT, marginX: MARGIN_X, marginTop: MARGIN_TOP, marginBottom: MARGIN_BOTTOM } = AGREEMENT_PAGE;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const SIZE = 10;
const LINE = 13;
const LABEL_WIDTH = 150;

export async function renderDossierPdf(summary: DossierSummary): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Dossier ${summary.reference}`);
  pdf.setCreator("Accord");
  pdf.setProducer("Accord");
  pdf.setCreationDate(summary.exportedAt);
  pdf.setModificationDate(summary.exportedAt);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  let y = PAGE_HEIGHT - MARGIN_TOP;
  const room = (height: number) => {
    if (y - height < MARGIN_BOTTOM) {
      page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      y = PAGE_HEIGHT - MARGIN_TOP;
    }
  };
  const write = (text: string, options: { font?: PDFFont; size?: number; x?: number; width?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? SIZE;
    const x = options.x ?? MARGIN_X;
    for (const line of wrapText(winAnsiSafe(text, font), font, size, options.width ?? TEXT_WIDTH - (x - MARGIN_X))) {
      room(size + 3);
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0, 0, 0) });
      y -= size + 3;
    }
  };
  const heading = (text: string) => {
    y -= 8;
    room(40);
    write(text, { font: bold, size: 12 });
    y -= 2;
  };

  write(`Dossier ${summary.reference}`, { font: bold, size: 16 });
  write(summary.title, { size: 11 });
  write(`Résumé exporté le ${summary.exportedAt.toISOString()}`, { size: 8 });
  heading("Le dossier");
  for (const [label, value] of summary.facts) {
    room(LINE);
    const top = y;
    write(label, { font: bold, width: LABEL_WIDTH - 10 });
    const afterLabel = y;
    y = top;
    write(value || "—", { x: MARGIN_X + LABEL_WIDTH });
    y = Math.min(y, afterLabel);
  }
  heading("Lignes contestées");
  if (summary.lines.length === 0) write("Aucune ligne.");
  for (const line of summary.lines) write(`• ${line}`);
  heading("Décision");
  if (summary.decision.length === 0) write("Aucune décision enregistrée.");
  for (const line of summary.decision) write(line);
  heading("Historique");
  for (const [at, text] of summary.timeline) {
    room(LINE);
    const top = y;
    write(at, { size: 8, width: LABEL_WIDTH - 10 });
    const afterAt = y;
    y = top;
    write(text, { x: MARGIN_X + LABEL_WIDTH, size: 9 });
    y = Math.min(y, afterAt);
  }
  return pdf.save({ useObjectStreams: false });
}
