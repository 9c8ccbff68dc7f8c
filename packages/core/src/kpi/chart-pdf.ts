import type { ChartModel, LegendEntry, Mark } from "@accord/charts";
import { rgb, type Color, type PDFFont, type PDFPage } from "pdf-lib";
import { textWidth, winAnsiSafe, wrapText } from "../settlement/agreement-pdf";

export interface DrawChartOptions {
  /** Top-left corner of the chart's box, in PDF points (y up, as pdf-lib). */
  readonly x: number;
  readonly y: number;
  /** The chart is scaled to this width; its height follows the model's proportions. */
  readonly width: number;
  readonly font: PDFFont;
  /** The title's font; `font` when not given. */
  readonly boldFont?: PDFFont;
}

const TITLE_SIZE = 11;
const TITLE_LINE = 14;
const TITLE_GAP = 6;
const LEGEND_SIZE = 8;
const LEGEND_ROW = 12;
const LEGEND_GAP = 8;
const SWATCH = { width: 14, height: 7, gap: 4, spacing: 12 } as const;
const TITLE_COLOR = rgb(0.09, 0.13, 0.18);

const colors = new Map<string, Color>();
/** "#rrggbb" → pdf-lib's rgb; the model's colours are all of that form. */
function color(hex: string): Color {
  let found = colors.get(hex);
  if (!found) {
    const channel = (offset: number) => parseInt(hex.slice(offset, offset + 2), 16) / 255;
    found = rgb(channel(1), channel(3), channel(5));
    colors.set(hex, found);
  }
  return found;
}

/**
 * Draws a chart built by `buildChart` (@accord/charts) on a pdf-lib page: the title, the same marks
 * and colours as the SVG, then the legend. Text goes through `winAnsiSafe` (the standard fonts: a
 * French digit group's narrow no-break space becomes a no-break space). Links are not drawn: the
 * PDF is a printout. Returns the height used, in points, so the caller can place what follows.
 */
export function drawChart(page: PDFPage, model: ChartModel, options: DrawChartOptions): { height: number } {
  const { x, y, width, font } = options;
  const bold = options.boldFont ?? font;
  const scale = width / model.width;

  const titleLines = wrapText(winAnsiSafe(model.title, bold), bold, TITLE_SIZE, width);
  titleLines.forEach((line, k) => page.drawText(line, { x, y: y - TITLE_SIZE - k * TITLE_LINE, size: TITLE_SIZE, font: bold, color: TITLE_COLOR }));
  const top = y - TITLE_SIZE - (titleLines.length - 1) * TITLE_LINE - TITLE_GAP;
  // Model units (y down from the chart's top-left) → page points (y up).
  const px = (mx: number) => x + mx * scale;
  const py = (my: number) => top - my * scale;

  for (const mark of model.marks) drawMark(page, mark, { px, py, scale, top, x, font });

  const legendTop = top - model.height * scale - LEGEND_GAP;
  const legendHeight = drawLegend(page, model.legend, { x, y: legendTop, width, font });
  return { height: y - legendTop + legendHeight };
}

interface Frame {
  readonly px: (mx: number) => number;
  readonly py: (my: number) => number;
  readonly scale: number;
  readonly top: number;
  readonly x: number;
  readonly font: PDFFont;
}

function drawMark(page: PDFPage, mark: Mark, { px, py, scale, top, x, font }: Frame): void {
  switch (mark.type) {
    case "rect":
      page.drawRectangle({
        x: px(mark.x),
        y: py(mark.y + mark.height),
        width: mark.width * scale,
        height: mark.height * scale,
        color: color(mark.fill),
        ...(mark.stroke ? { borderColor: color(mark.stroke), borderWidth: 0.5 } : {}),
      });
      return;
    case "circle":
      page.drawCircle({ x: px(mark.cx), y: py(mark.cy), size: mark.r * scale, color: color(mark.fill) });
      return;
    case "path":
      // drawSvgPath flips y itself and sets the line width and dashes after scaling: model units.
      page.drawSvgPath(mark.d, {
        x,
        y: top,
        scale,
        borderColor: color(mark.stroke),
        borderWidth: mark.strokeWidth,
        ...(mark.dash ? { borderDashArray: [...mark.dash] } : {}),
      });
      return;
    case "line":
      page.drawLine({
        start: { x: px(mark.x1), y: py(mark.y1) },
        end: { x: px(mark.x2), y: py(mark.y2) },
        thickness: mark.strokeWidth * scale,
        color: color(mark.stroke),
      });
      return;
    case "text": {
      const size = mark.fontSize * scale;
      const text = winAnsiSafe(mark.text, font);
      const w = textWidth(text, font, size);
      const shift = mark.anchor === "end" ? w : mark.anchor === "middle" ? w / 2 : 0;
      page.drawText(text, { x: px(mark.x) - shift, y: py(mark.y), size, font, color: color(mark.fill) });
      return;
    }
  }
}

/** The legend in rows under the chart, wrapped to the width; returns its height. */
function drawLegend(page: PDFPage, legend: readonly LegendEntry[], { x, y, width, font }: { x: number; y: number; width: number; font: PDFFont }): number {
  if (legend.length === 0) return 0;
  let cx = x;
  let row = 0;
  for (const entry of legend) {
    const name = winAnsiSafe(entry.name, font);
    const w = SWATCH.width + SWATCH.gap + textWidth(name, font, LEGEND_SIZE);
    if (cx > x && cx + w > x + width) {
      cx = x;
      row++;
    }
    const baseline = y - LEGEND_SIZE - row * LEGEND_ROW;
    const middle = baseline + LEGEND_SIZE / 3;
    if (entry.kind === "bar") {
      page.drawRectangle({ x: cx, y: middle - SWATCH.height / 2, width: SWATCH.width, height: SWATCH.height, color: color(entry.color) });
    } else {
      page.drawLine({
        start: { x: cx, y: middle },
        end: { x: cx + SWATCH.width, y: middle },
        thickness: 1.5,
        color: color(entry.color),
        ...(entry.dash ? { dashArray: entry.dash.map((d) => d * 0.6) } : {}),
      });
    }
    page.drawText(name, { x: cx + SWATCH.width + SWATCH.gap, y: baseline, size: LEGEND_SIZE, font, color: TITLE_COLOR });
    cx += w + SWATCH.spacing;
  }
  return (row + 1) * LEGEND_ROW;
}
