/**
 * Series colours, in order. Each one has at least 3:1 contrast on white (WCAG 1.4.11, graphical
 * objects), and neighbours differ in hue and lightness so stacked or grouped bars stay apart
 * (a second line series is also dashed: colour is never the only cue).
 */
export const PALETTE = ["#1d4ed8", "#c2410c", "#047857", "#7e22ce", "#a16207", "#be123c", "#0e7490", "#4b5563"] as const;

/** Dash patterns (SVG user units) of the 1st, 2nd, 3rd… line series; solid first. */
export const LINE_DASHES: readonly (readonly number[] | undefined)[] = [undefined, [6, 3], [2, 3], [8, 3, 2, 3]];

/** Chart furniture: grid lines (decorative, light), the axis/baseline and the labels (text contrast). */
export const INK = { grid: "#e5e7eb", axis: "#4b5563", text: "#374151" } as const;

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}

export function lineDash(lineIndex: number): readonly number[] | undefined {
  return LINE_DASHES[lineIndex % LINE_DASHES.length];
}

/** WCAG relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two "#rrggbb" colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
