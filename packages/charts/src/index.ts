/**
 * @accord/charts — charts as a renderer-neutral model (marks in SVG user units, a legend, a table
 * alternative), built with d3 scales; drawn by `<Chart>` in @accord/ui (SVG, server-rendered) and
 * by `drawChart` in @accord/core (pdf-lib). Pure TypeScript: no React, no I/O.
 */
export { buildChart, CHART_FONT_SIZE, type ChartCategory, type ChartModel, type ChartSeries, type ChartSpec, type ChartTable, type LegendEntry, type Mark } from "./chart";
export { formatValue, MISSING, type ChartLocale, type ValueFormat } from "./format";
export { contrastRatio, INK, PALETTE, relativeLuminance } from "./palette";
