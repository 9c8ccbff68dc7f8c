import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildChart, type ChartModel, type ChartSpec, type Mark } from "./chart";
import { contrastRatio, PALETTE } from "./palette";

const months = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `2026-${String(i + 1).padStart(2, "0")}`, label: `m${i + 1} 2026` }));

const bars = (model: ChartModel, series?: number) =>
  model.marks.filter((m): m is Extract<Mark, { type: "rect" }> => m.type === "rect" && (series === undefined || m.series === series));
const points = (model: ChartModel, series?: number) =>
  model.marks.filter((m): m is Extract<Mark, { type: "circle" }> => m.type === "circle" && (series === undefined || m.series === series));
const texts = (model: ChartModel, role: "tick" | "category") => model.marks.filter((m): m is Extract<Mark, { type: "text" }> => m.type === "text" && m.role === role);
const baseline = (model: ChartModel) => model.marks.find((m): m is Extract<Mark, { type: "line" }> => m.type === "line" && m.role === "baseline")!;

/** Every number anywhere in the model (path data included). */
function numbersOf(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (typeof value === "string") return [];
  if (Array.isArray(value)) return value.flatMap(numbersOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbersOf);
  return [];
}

describe("buildChart: columns", () => {
  const spec: ChartSpec = {
    kind: "columns",
    title: "Volume",
    locale: "fr",
    categories: months(3),
    series: [{ name: "Reçus", kind: "bar", values: [10, 20, 40], format: "count", hrefs: ["/cases?m=1", null, "/cases?m=3"] }],
  };

  it("draws bars whose heights are proportional to the values, standing on the zero baseline", () => {
    const model = buildChart(spec);
    const [a, b, c] = bars(model);
    expect(b!.height / a!.height).toBeCloseTo(2, 1);
    expect(c!.height / a!.height).toBeCloseTo(4, 1);
    const zero = baseline(model).y1;
    for (const bar of [a, b, c]) expect(bar!.y + bar!.height).toBeCloseTo(zero, 1);
  });

  it("gives each bar its tooltip and, when the series has one, its drill-down link", () => {
    const [a, b] = bars(buildChart(spec));
    expect(a!.title).toBe("m1 2026 — Reçus\u00a0: 10");
    expect(a!.href).toBe("/cases?m=1");
    expect(b!.href).toBeUndefined();
  });

  it("labels the value axis with nice, formatted ticks", () => {
    const ticks = texts(buildChart(spec), "tick").map((t) => t.text);
    expect(ticks[0]).toBe("0");
    expect(ticks.at(-1)).toBe("40");
    const money = buildChart({ ...spec, series: [{ name: "Crédité", kind: "bar", values: [123_456_00, 0, 50_000_00], format: "cents" }] });
    expect(texts(money, "tick").map((t) => t.text)).toContain("140\u202f000\u00a0€");
  });

  it("gives a table with the formatted values and the links", () => {
    const model = buildChart({ ...spec, categoryTitle: "Mois" });
    expect(model.table.columns).toEqual(["Mois", "Reçus"]);
    expect(model.table.rows[0]).toEqual({ label: "m1 2026", cells: ["10"], hrefs: ["/cases?m=1"] });
    expect(model.table.rows[1]!.hrefs).toEqual([null]);
  });

  it("groups bars side by side, or stacks them up to their sum", () => {
    const two: ChartSpec = {
      ...spec,
      series: [
        { name: "A", kind: "bar", values: [10, 20, 30], format: "count" },
        { name: "B", kind: "bar", values: [30, 20, 10], format: "count" },
      ],
    };
    const grouped = buildChart(two);
    const [a0] = bars(grouped, 0);
    const [b0] = bars(grouped, 1);
    expect(b0!.x).toBeGreaterThan(a0!.x + a0!.width - 0.01);

    const stacked = buildChart({ ...two, stacked: true });
    const zero = baseline(stacked).y1;
    const perCategory = [0, 1, 2].map((i) => bars(stacked).filter((m) => m.index === i));
    // Every column sums to 40: the same total height, segments touching each other.
    const heights = perCategory.map((segments) => segments.reduce((sum, m) => sum + m.height, 0));
    for (const h of heights) expect(h).toBeCloseTo(heights[0]!, 1);
    for (const [low, high] of perCategory) {
      expect(low!.x).toBe(high!.x);
      expect(low!.y + low!.height).toBeCloseTo(zero, 1);
      expect(high!.y + high!.height).toBeCloseTo(low!.y, 1);
    }
    expect(texts(stacked, "tick").at(-1)!.text).toBe("40");
  });

  it("draws negative values below the baseline", () => {
    const model = buildChart({ ...spec, series: [{ name: "Δ", kind: "bar", values: [-10, 10, 0], format: "score" }] });
    const [neg, pos] = bars(model);
    const zero = baseline(model).y1;
    expect(neg!.y).toBeCloseTo(zero, 1);
    expect(pos!.y + pos!.height).toBeCloseTo(zero, 1);
    expect(neg!.height).toBeCloseTo(pos!.height, 1);
  });

  it("thins the category labels when there are too many for the width, keeping the first", () => {
    const model = buildChart({ ...spec, width: 480, categories: months(18).map((m) => ({ ...m, label: `${m.label} janv.` })), series: [{ name: "Reçus", kind: "bar", values: Array(18).fill(5), format: "count" }] });
    const labels = texts(model, "category");
    expect(labels.length).toBeLessThan(18);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels[0]!.text).toBe("m1 2026 janv.");
    // No two shown labels overlap.
    const widths = labels.map((l) => l.text.length * 0.6 * l.fontSize);
    for (let k = 1; k < labels.length; k++) expect(labels[k]!.x - labels[k - 1]!.x).toBeGreaterThanOrEqual((widths[k]! + widths[k - 1]!) / 2);
  });

  it("shows every category label when there is room", () => {
    expect(texts(buildChart(spec), "category").map((t) => t.text)).toEqual(["m1 2026", "m2 2026", "m3 2026"]);
  });
});

describe("buildChart: lines", () => {
  const spec: ChartSpec = {
    kind: "lines",
    title: "MTTR",
    locale: "en",
    categories: months(5),
    series: [
      { name: "Calendar", kind: "line", values: [12, 10, null, 6, 4], format: "days" },
      { name: "Business", kind: "bar", values: [8, 7, 6, 4, 3], format: "days" },
    ],
  };

  it("breaks a line at a missing value and draws no point there", () => {
    const model = buildChart(spec);
    const path = model.marks.find((m) => m.type === "path" && m.series === 0) as Extract<Mark, { type: "path" }>;
    expect(path.d.match(/M/g)).toHaveLength(2);
    expect(points(model, 0).map((p) => p.index)).toEqual([0, 1, 3, 4]);
    expect(model.table.rows[2]!.cells[0]).toBe("—");
  });

  it("draws every series as a line, the second one dashed", () => {
    const model = buildChart(spec);
    expect(bars(model)).toHaveLength(0);
    const paths = model.marks.filter((m) => m.type === "path") as Extract<Mark, { type: "path" }>[];
    expect(paths.map((p) => p.dash)).toEqual([undefined, [6, 3]]);
    expect(model.legend).toEqual([
      { name: "Calendar", color: PALETTE[0], kind: "line" },
      { name: "Business", color: PALETTE[1], kind: "line", dash: [6, 3] },
    ]);
    expect(points(model, 1)[0]!.title).toBe("m1 2026 — Business: 8\u00a0d");
  });

  it("puts a right-axis series on its own scale, with its ticks on the right", () => {
    const model = buildChart({
      kind: "columns",
      title: "NPS",
      locale: "en",
      categories: months(2),
      series: [
        { name: "Responses", kind: "bar", values: [100, 200], format: "count" },
        { name: "NPS", kind: "line", values: [10, 20], format: "score", axis: "right" },
      ],
    });
    const [first, second] = points(model, 1);
    const zero = baseline(model).y1;
    expect(zero - second!.cy).toBeCloseTo(2 * (zero - first!.cy), 0);
    expect(texts(model, "tick").filter((t) => t.anchor === "start").map((t) => t.text)).toContain("+20");
  });
});

describe("buildChart: pareto", () => {
  const spec: ChartSpec = {
    kind: "pareto",
    title: "Causes",
    locale: "fr",
    categories: [
      { key: "delivery", label: "Livraison" },
      { key: "price", label: "Prix" },
      { key: "quality", label: "Qualité" },
    ],
    series: [{ name: "Litiges", kind: "bar", values: [50, 30, 20], format: "count", hrefs: ["/q?rc=delivery", "/q?rc=price", "/q?rc=quality"] }],
  };

  it("keeps the bars in the order given and adds the cumulative share reaching 100 % on the right axis", () => {
    const model = buildChart(spec);
    expect(bars(model).map((b) => b.index)).toEqual([0, 1, 2]);
    expect(bars(model).map((b) => b.href)).toEqual(["/q?rc=delivery", "/q?rc=price", "/q?rc=quality"]);
    expect(model.table.columns).toEqual(["Catégorie", "Litiges", "Cumul"]);
    expect(model.table.rows.map((r) => r.cells[1])).toEqual(["50\u00a0%", "80\u00a0%", "100\u00a0%"]);
    const rightTicks = texts(model, "tick").filter((t) => t.anchor === "start").map((t) => t.text);
    expect(rightTicks[0]).toBe("0\u00a0%");
    expect(rightTicks.at(-1)).toBe("100\u00a0%");
    // The last point sits on the top of the right axis (100 %).
    const last = points(model, 1).at(-1)!;
    const top = texts(model, "tick").filter((t) => t.anchor === "start").at(-1)!;
    expect(last.cy).toBeCloseTo(top.y - 11 / 3, 1);
  });

  it("uses a cumulative line the caller gives instead of computing one", () => {
    const model = buildChart({ ...spec, series: [...spec.series, { name: "Cumul. %", kind: "line", values: [50, 80, 100], format: "percent" }] });
    expect(model.table.columns).toEqual(["Catégorie", "Litiges", "Cumul. %"]);
  });

  it("has no cumulative share when there are no cases", () => {
    const model = buildChart({ ...spec, series: [{ name: "Litiges", kind: "bar", values: [0, 0, 0], format: "count" }] });
    expect(model.table.rows.map((r) => r.cells[1])).toEqual(["—", "—", "—"]);
    expect(model.marks.some((m) => m.type === "path")).toBe(false);
  });
});

describe("buildChart: empty and degenerate data", () => {
  it("gives a valid chart without categories or series", () => {
    for (const kind of ["columns", "lines", "pareto"] as const) {
      const model = buildChart({ kind, title: "Rien", locale: "fr", categories: [], series: [] });
      expect(model.table.rows).toEqual([]);
      expect(numbersOf(model).every(Number.isFinite)).toBe(true);
      expect(baseline(model)).toBeDefined();
    }
  });

  it("gives an all-zero series zero-height bars on an axis from 0", () => {
    const model = buildChart({ kind: "columns", title: "Z", locale: "en", categories: months(4), series: [{ name: "N", kind: "bar", values: [0, 0, 0, 0], format: "count" }] });
    expect(bars(model).map((b) => b.height)).toEqual([0, 0, 0, 0]);
    expect(texts(model, "tick").map((t) => t.text)).toEqual(["0", "1"]);
  });

  it("draws nothing for a series of nulls but still lists it", () => {
    const model = buildChart({ kind: "columns", title: "Z", locale: "en", categories: months(2), series: [{ name: "N", kind: "line", values: [null, null], format: "percent" }] });
    expect(model.marks.filter((m) => m.type === "path" || m.type === "circle")).toHaveLength(0);
    expect(model.legend).toHaveLength(1);
    expect(model.table.rows.map((r) => r.cells)).toEqual([["—"], ["—"]]);
  });

  it("never puts NaN or Infinity in a mark, whatever the values", () => {
    const value = fc.oneof(fc.constant(null), fc.double({ noNaN: false }), fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constant(0));
    fc.assert(
      fc.property(
        fc.constantFrom("columns", "lines", "pareto" as const),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.record({ kind: fc.constantFrom("bar", "line" as const), axis: fc.constantFrom("left", "right" as const), format: fc.constantFrom("count", "percent", "days", "cents", "score" as const) }), { maxLength: 4 }),
        fc.array(value, { maxLength: 120 }),
        fc.option(fc.integer({ min: 0, max: 2000 })),
        (kind, stacked, n, shapes, pool, width) => {
          const model = buildChart({
            kind,
            stacked,
            title: "T",
            locale: "fr",
            width: width ?? undefined,
            categories: months(n),
            series: shapes.map((s, k) => ({ ...s, name: `S${k}`, values: Array.from({ length: n }, (_, i) => pool[(k * n + i) % Math.max(1, pool.length)] ?? null) })),
          });
          expect(numbersOf(model).every(Number.isFinite)).toBe(true);
          for (const m of model.marks) {
            if (m.type === "path") expect(m.d).not.toMatch(/NaN|Infinity/);
            if (m.type === "text") expect(m.text).not.toMatch(/NaN|∞/);
            if (m.type === "rect") expect(m.height).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      {
        numRuns: 300,
        // Found by CI: subnormal values around zero made d3's ticks throw ("Invalid array length").
        examples: [["columns", false, 2, [{ kind: "bar", axis: "left", format: "count" }], [5e-324, -5e-324], null]],
      },
    );
  });
});

describe("palette", () => {
  it("has at least 3:1 contrast on white for every series colour", () => {
    for (const color of PALETTE) expect(contrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(3);
  });
});

describe("buildChart: long category labels", () => {
  it("cuts long labels rather than hiding them when the categories are few", () => {
    const model = buildChart({
      kind: "pareto",
      title: "Causes",
      locale: "fr",
      categories: ["Livraison en retard de plusieurs jours", "Erreur de prix", "Qualité produit", "Quantité", "Autre"].map((label) => ({ key: label, label })),
      series: [{ name: "Litiges", kind: "bar", values: [120, 60, 30, 12, 5], format: "count" }],
    });
    const labels = texts(model, "category").map((t) => t.text);
    expect(labels).toHaveLength(5);
    expect(labels[0]).toMatch(/^Livraison en .*…$/);
    expect(labels.slice(1)).toEqual(["Erreur de prix", "Qualité produit", "Quantité", "Autre"]);
    expect(model.table.rows[0]!.label).toBe("Livraison en retard de plusieurs jours");
  });
});
