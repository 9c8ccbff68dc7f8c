import { scaleBand, scaleLinear, type ScaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { formatValue, type ChartLocale, type ValueFormat } from "./format";
import { INK, lineDash, seriesColor } from "./palette";

export interface ChartCategory {
  readonly key: string;
  readonly label: string;
}

export interface ChartSeries {
  readonly name: string;
  readonly kind: "bar" | "line";
  /** One per category, in order; `null` is a gap (no bar, a broken line), "—" in the table. */
  readonly values: readonly (number | null)[];
  readonly format: ValueFormat;
  readonly axis?: "left" | "right";
  /** Drill-down: where each value's cases are listed (the queue with matching filters). */
  readonly hrefs?: readonly (string | null)[];
}

export interface ChartSpec {
  /**
   * columns: bars per category (grouped, or `stacked`), line series drawn on top;
   * lines: every series as a line; pareto: the bars as given (sorted by the caller) and their
   * cumulative % on a right axis 0–100 % (computed unless a line series is given).
   */
  readonly kind: "columns" | "lines" | "pareto";
  readonly title: string;
  readonly description?: string;
  readonly locale: ChartLocale;
  readonly categories: readonly ChartCategory[];
  readonly series: readonly ChartSeries[];
  readonly stacked?: boolean;
  /** SVG user units; the SVG scales to its container, the PDF to the width it is given. */
  readonly width?: number;
  readonly height?: number;
  /** Header of the table's first column ("Mois", "Cause racine"); "Catégorie" / "Category" by default. */
  readonly categoryTitle?: string;
  /** Pareto: the name of the computed cumulative line; "Cumul" / "Cumulative" by default. */
  readonly cumulativeName?: string;
}

/** What a data mark shows on hover and where it leads. */
interface DataMark {
  readonly series: number;
  readonly index: number;
  /** "mars 2026 — Reçus : 42": the tooltip, and the link's accessible name. */
  readonly title: string;
  readonly href?: string;
}

/** Every coordinate in SVG user units, origin top-left, y down. */
export type Mark =
  | ({ readonly type: "rect"; readonly role: "bar"; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly fill: string; readonly stroke?: string } & DataMark)
  | ({ readonly type: "circle"; readonly role: "point"; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string } & DataMark)
  | {
      readonly type: "path";
      readonly role: "line";
      readonly series: number;
      readonly d: string;
      readonly stroke: string;
      readonly strokeWidth: number;
      readonly dash?: readonly number[];
    }
  | {
      readonly type: "line";
      readonly role: "grid" | "baseline";
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly stroke: string;
      readonly strokeWidth: number;
    }
  | {
      readonly type: "text";
      readonly role: "tick" | "category";
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly anchor: "start" | "middle" | "end";
      readonly fontSize: number;
      readonly fill: string;
    };

export interface LegendEntry {
  readonly name: string;
  readonly color: string;
  readonly kind: "bar" | "line";
  readonly dash?: readonly number[];
}

export interface ChartTable {
  /** The category column's header, then one per series. */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[]; readonly hrefs: readonly (string | null)[] }[];
}

/** A chart, renderer-neutral: the React SVG renderer and the PDF renderer draw the same marks. */
export interface ChartModel {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description?: string;
  readonly locale: ChartLocale;
  readonly marks: readonly Mark[];
  readonly legend: readonly LegendEntry[];
  readonly table: ChartTable;
}

export const CHART_FONT_SIZE = 11;
const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 300;
// No text measurement without a renderer: an average glyph of a sans-serif at 11 units, a bit generous.
const CHAR_WIDTH = 0.6 * CHART_FONT_SIZE;
const TICK_GAP = 6;
const POINT_RADIUS = 3;

const DEFAULT_NAMES: Record<ChartLocale, { category: string; cumulative: string; colon: string }> = {
  fr: { category: "Catégorie", cumulative: "Cumul", colon: "\u00a0: " },
  en: { category: "Category", cumulative: "Cumulative", colon: ": " },
};

interface Normalised {
  readonly name: string;
  readonly kind: "bar" | "line";
  readonly values: readonly (number | null)[];
  readonly format: ValueFormat;
  readonly axis: "left" | "right";
  readonly hrefs: readonly (string | null)[];
}

/** Coordinates kept to two decimals: shorter SVG, and no float noise in the PDF. */
const r2 = (n: number) => Math.round(n * 100) / 100;
const textWidth = (text: string) => text.length * CHAR_WIDTH;
const finite = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
// Far beyond any KPI (10¹³ € in cents), and far enough from Number.MAX_VALUE that sums and nice() stay finite.
const LIMIT = 1e15;
// Below any figure a format can show (two decimals at most): d3's ticks fail on subnormal spans
// (5e-324 → "Invalid array length"), so such a value is drawn, and labelled, as the zero it rounds to.
const TINY = 1e-9;
const bounded = (v: number | null): number | null =>
  v === null ? null : Math.abs(v) < TINY ? 0 : Math.max(-LIMIT, Math.min(LIMIT, v));

function normalise(spec: ChartSpec): Normalised[] {
  const n = spec.categories.length;
  const fit = <T>(list: readonly T[] | undefined, fill: T): T[] => Array.from({ length: n }, (_, i) => list?.[i] ?? fill);
  const series: Normalised[] = spec.series.map((s) => ({
    name: s.name,
    kind: spec.kind === "lines" ? "line" : s.kind,
    values: fit(s.values, null).map((v) => bounded(finite(v))),
    format: s.format,
    axis: s.axis ?? "left",
    hrefs: fit(s.hrefs, null),
  }));
  if (spec.kind !== "pareto") return series;
  const bars = series.find((s) => s.kind === "bar") ?? series[0];
  const others = series.filter((s) => s !== bars).map((s) => (s.kind === "line" ? { ...s, axis: "right" as const } : s));
  if (!bars) return series;
  const left = { ...bars, kind: "bar" as const, axis: "left" as const };
  if (others.some((s) => s.kind === "line")) return [left, ...others];
  // The cumulative share of the bars in the order given; the last category reaches 100 %.
  const total = left.values.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0);
  let running = 0;
  const cumulative = left.values.map((v) => {
    running += Math.max(0, v ?? 0);
    return total > 0 ? (running * 100) / total : null;
  });
  const name = spec.cumulativeName ?? DEFAULT_NAMES[spec.locale].cumulative;
  return [left, ...others, { name, kind: "line", values: cumulative, format: "percent", axis: "right", hrefs: cumulative.map(() => null) }];
}

/** The [low, high] a value axis must show: zero always, stacked bars by their sums. */
function extent(series: readonly Normalised[], n: number, stacked: boolean): [number, number] {
  let lo = 0;
  let hi = 0;
  const take = (v: number) => {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  for (const s of series) {
    if (stacked && s.kind === "bar") continue;
    for (const v of s.values) if (v !== null) take(v);
  }
  if (stacked) {
    for (let i = 0; i < n; i++) {
      let up = 0;
      let down = 0;
      for (const s of series) {
        if (s.kind !== "bar") continue;
        const v = s.values[i] ?? 0;
        if (v >= 0) up += v;
        else down += v;
      }
      take(up);
      take(down);
    }
  }
  return [lo, hi];
}

interface Axis {
  readonly scale: ScaleLinear<number, number>;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
}

function valueAxis(domain: [number, number], format: ValueFormat, locale: ChartLocale, fixed: boolean): Axis {
  // All-zero or empty data still gets an axis (0 to 1), never a zero-length domain (NaN positions).
  const [lo, hi] = domain[0] === domain[1] ? [domain[0], domain[0] + 1] : domain;
  const scale = scaleLinear().domain([lo, hi]);
  if (!fixed) scale.nice(5);
  let ticks = scale.ticks(5);
  // A count or an amount in cents has no fraction to show: 0, 0.2, 0.4… would print "0", "0", "0".
  if (format === "count" || format === "cents") ticks = ticks.filter((t) => Number.isInteger(t));
  return { scale, ticks, labels: ticks.map((t) => formatValue(t, format, locale)) };
}

/** Builds the marks, legend and table of a chart; every number finite whatever the data. */
export function buildChart(spec: ChartSpec): ChartModel {
  const width = Math.max(120, finite(spec.width) ?? DEFAULT_WIDTH);
  const height = Math.max(80, finite(spec.height) ?? DEFAULT_HEIGHT);
  const names = DEFAULT_NAMES[spec.locale];
  const n = spec.categories.length;
  const series = normalise(spec);
  const stacked = spec.stacked === true && spec.kind === "columns";

  const leftSeries = series.filter((s) => s.axis === "left");
  const rightSeries = series.filter((s) => s.axis === "right");
  const left = valueAxis(extent(leftSeries, n, stacked), leftSeries[0]?.format ?? rightSeries[0]?.format ?? "count", spec.locale, false);
  const right =
    rightSeries.length === 0
      ? null
      : spec.kind === "pareto"
        ? valueAxis([0, 100], "percent", spec.locale, true)
        : valueAxis(extent(rightSeries, n, false), rightSeries[0]?.format ?? "count", spec.locale, false);

  const maxLabel = (labels: readonly string[]) => labels.reduce((m, l) => Math.max(m, textWidth(l)), 0);
  const x0 = Math.min(width / 3, Math.max(24, maxLabel(left.labels) + 2 * TICK_GAP));
  const x1 = width - (right ? Math.min(width / 3, maxLabel(right.labels) + 2 * TICK_GAP) : 12);
  const y0 = 10;
  const y1 = height - (CHART_FONT_SIZE + 2 * TICK_GAP);
  left.scale.range([y1, y0]);
  right?.scale.range([y1, y0]);
  const scaleOf = (s: Normalised) => (s.axis === "right" && right ? right.scale : left.scale);

  const x = scaleBand<number>()
    .domain(spec.categories.map((_, i) => i))
    .range([x0, Math.max(x0 + 1, x1)])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const center = (i: number) => (x(i) ?? x0) + x.bandwidth() / 2;

  const marks: Mark[] = [];

  // Grid and tick labels first (drawn underneath), then the zero baseline.
  left.ticks.forEach((t, k) => {
    const y = r2(left.scale(t));
    marks.push({ type: "line", role: "grid", x1: r2(x0), y1: y, x2: r2(x1), y2: y, stroke: INK.grid, strokeWidth: 1 });
    marks.push({ type: "text", role: "tick", x: r2(x0 - TICK_GAP), y: r2(y + CHART_FONT_SIZE / 3), text: left.labels[k] ?? "", anchor: "end", fontSize: CHART_FONT_SIZE, fill: INK.text });
  });
  right?.ticks.forEach((t, k) => {
    const y = r2(right.scale(t));
    marks.push({ type: "text", role: "tick", x: r2(x1 + TICK_GAP), y: r2(y + CHART_FONT_SIZE / 3), text: right.labels[k] ?? "", anchor: "start", fontSize: CHART_FONT_SIZE, fill: INK.text });
  });

  // Category labels, thinned when they would overlap (18 months on a narrow chart), cut when too long.
  // A long label (a root cause) is cut to 12 characters before it makes others disappear.
  const widest = Math.min(12 * CHAR_WIDTH, spec.categories.reduce((m, c) => Math.max(m, textWidth(c.label)), 0));
  const step = Math.max(1, Math.ceil((widest + CHAR_WIDTH) / Math.max(1, x.step())));
  const room = Math.max(CHAR_WIDTH * 2, step * x.step() - CHAR_WIDTH);
  spec.categories.forEach((c, i) => {
    if (i % step !== 0) return;
    marks.push({ type: "text", role: "category", x: r2(center(i)), y: r2(y1 + TICK_GAP + CHART_FONT_SIZE), text: fitLabel(c.label, room), anchor: "middle", fontSize: CHART_FONT_SIZE, fill: INK.text });
  });

  const tooltip = (s: Normalised, i: number) =>
    `${spec.categories[i]?.label ?? ""} — ${s.name}${names.colon}${formatValue(s.values[i] ?? null, s.format, spec.locale)}`;
  const link = (s: Normalised, i: number) => (s.hrefs[i] ? { href: s.hrefs[i] } : {});

  // Bars: side by side in each band, or stacked (positives up from zero, negatives down).
  const barIndexes = series.flatMap((s, k) => (s.kind === "bar" ? [k] : []));
  const inner = scaleBand<number>()
    .domain(stacked ? [0] : barIndexes)
    .range([0, x.bandwidth()])
    .paddingInner(barIndexes.length > 1 && !stacked ? 0.08 : 0);
  for (let i = 0; i < n; i++) {
    let up = 0;
    let down = 0;
    for (const k of barIndexes) {
      const s = series[k]!;
      const v = s.values[i];
      if (v === null || v === undefined) continue;
      const scale = scaleOf(s);
      let from = 0;
      if (stacked) {
        from = v >= 0 ? up : down;
        if (v >= 0) up += v;
        else down += v;
      }
      const a = scale(from);
      const b = scale(from + v);
      marks.push({
        type: "rect",
        role: "bar",
        x: r2((x(i) ?? x0) + (inner(stacked ? 0 : k) ?? 0)),
        y: r2(Math.min(a, b)),
        width: r2(inner.bandwidth()),
        height: r2(Math.abs(b - a)),
        fill: seriesColor(k),
        // A white edge keeps stacked segments apart even where two colours are close.
        ...(stacked ? { stroke: "#ffffff" } : {}),
        series: k,
        index: i,
        title: tooltip(s, i),
        ...link(s, i),
      });
    }
  }

  // Baseline at zero, over the bars' feet.
  const zero = r2(left.scale(0));
  marks.push({ type: "line", role: "baseline", x1: r2(x0), y1: zero, x2: r2(x1), y2: zero, stroke: INK.axis, strokeWidth: 1 });

  // Lines on top: broken at nulls, a point per value (the hover and link target).
  let lineCount = 0;
  series.forEach((s, k) => {
    if (s.kind !== "line") return;
    const scale = scaleOf(s);
    const dash = lineDash(lineCount++);
    const path = line<number>()
      .defined((i) => s.values[i] !== null)
      .x((i) => center(i))
      .y((i) => scale(s.values[i] ?? 0))
      .digits(2)(s.values.map((_, i) => i));
    if (path) marks.push({ type: "path", role: "line", series: k, d: path, stroke: seriesColor(k), strokeWidth: 2, ...(dash ? { dash } : {}) });
    s.values.forEach((v, i) => {
      if (v === null) return;
      marks.push({ type: "circle", role: "point", cx: r2(center(i)), cy: r2(scale(v)), r: POINT_RADIUS, fill: seriesColor(k), series: k, index: i, title: tooltip(s, i), ...link(s, i) });
    });
  });

  lineCount = 0;
  const legend: LegendEntry[] = series.map((s, k) => {
    const dash = s.kind === "line" ? lineDash(lineCount++) : undefined;
    return { name: s.name, color: seriesColor(k), kind: s.kind, ...(dash ? { dash } : {}) };
  });

  const table: ChartTable = {
    columns: [spec.categoryTitle ?? names.category, ...series.map((s) => s.name)],
    rows: spec.categories.map((c, i) => ({
      label: c.label,
      cells: series.map((s) => formatValue(s.values[i] ?? null, s.format, spec.locale)),
      hrefs: series.map((s) => s.hrefs[i] ?? null),
    })),
  };

  return {
    width,
    height,
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    locale: spec.locale,
    marks,
    legend,
    table,
  };
}

/** The label, cut with "…" to fit `room` units (the table keeps the full label). */
function fitLabel(label: string, room: number): string {
  const max = Math.max(2, Math.floor(room / CHAR_WIDTH));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
