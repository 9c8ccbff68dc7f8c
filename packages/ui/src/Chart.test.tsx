import { buildChart } from "@accord/charts";
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Chart } from "./Chart";

const model = buildChart({
  kind: "pareto",
  title: "Causes des litiges",
  description: "Litiges reçus par cause racine, du plus au moins fréquent.",
  locale: "fr",
  categories: [
    { key: "delivery", label: "Livraison" },
    { key: "price", label: "Prix" },
  ],
  series: [{ name: "Litiges", kind: "bar", values: [1200, 300], format: "count", hrefs: ["/cases?rootCause=delivery", null] }],
});

describe("Chart", () => {
  it("renders on the server an SVG with its bars, named by its title and description (a group, as it holds links)", () => {
    const html = renderToString(<Chart model={model} id="pareto" />);
    expect(html).toContain('role="group"');
    expect(html).toContain('aria-labelledby="pareto-title pareto-desc"');
    expect(html).toContain('<title id="pareto-title">Causes des litiges</title>');
    expect(html).toContain('<desc id="pareto-desc">Litiges reçus par cause racine, du plus au moins fréquent.</desc>');
    expect(html.match(/<rect class="chart__bar"/g)).toHaveLength(2);
    expect(html).toMatch(/viewBox="0 0 640 300"/);
  });

  it("gives each bar its tooltip and makes a drill-down bar a named link", () => {
    const html = renderToStaticMarkup(<Chart model={model} id="pareto" />);
    expect(html).toContain('<a class="chart__link" href="/cases?rootCause=delivery" aria-label="Livraison — Litiges\u00a0: 1\u202f200">');
    expect(html).toContain("<title>Prix — Litiges\u00a0: 300</title>");
    expect(html.match(/<a class="chart__link"/g)).toHaveLength(1);
  });

  it("has a table alternative with the formatted values and the same links", () => {
    const html = renderToStaticMarkup(<Chart model={model} id="pareto" />);
    expect(html).toContain("<summary>Les données du graphique</summary>");
    expect(html).toContain("<caption>Causes des litiges</caption>");
    expect(html).toContain('<th scope="col">Catégorie</th><th scope="col">Litiges</th><th scope="col">Cumul</th>');
    expect(html).toContain('<th scope="row">Livraison</th><td><a href="/cases?rootCause=delivery">1\u202f200</a></td><td>80\u00a0%</td>');
    expect(html).toContain('<th scope="row">Prix</th><td>300</td><td>100\u00a0%</td>');
  });

  it("draws a legend entry per series, the line one as a line", () => {
    const html = renderToStaticMarkup(<Chart model={model} id="pareto" />);
    expect(html).toMatch(/<ul class="chart__legend"><li><svg[^>]*aria-hidden="true"[^>]*><rect[^>]*><\/rect><\/svg>Litiges<\/li><li><svg[^>]*><line[^>]*><\/line><\/svg>Cumul<\/li><\/ul>/);
  });

  it("is a single image when no mark links anywhere, its axes hidden from screen readers either way", () => {
    const plain = { ...model, marks: model.marks.map((mark) => (mark.type === "rect" ? { ...mark, href: undefined } : mark)) };
    const html = renderToStaticMarkup(<Chart model={plain} id="p" />);
    expect(html).toContain('role="img"');
    expect(html).not.toContain("chart__link");
    expect(html).toMatch(/<text aria-hidden="true" class="chart__tick"/);
    expect(html).toMatch(/<line aria-hidden="true" class="chart__baseline"/);
  });

  it("keeps ids unique between two charts on one page", () => {
    const html = renderToStaticMarkup(
      <>
        <Chart model={model} id="a" />
        <Chart model={{ ...model, description: undefined }} id="b" tableLabel="Voir le tableau" />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('aria-labelledby="b-title"');
    expect(html).toContain("<summary>Voir le tableau</summary>");
  });
});
