import type { ChartModel, LegendEntry, Mark } from "@accord/charts";
import type { ReactNode } from "react";

export interface ChartProps {
  readonly model: ChartModel;
  /** Unique on the page: the SVG's title and description ids derive from it. */
  readonly id: string;
  /** The summary of the table alternative; "Les données du graphique" / "The chart's data" by default. */
  readonly tableLabel?: string;
  readonly className?: string;
}

const TABLE_LABEL = { fr: "Les données du graphique", en: "The chart's data" } as const;

/**
 * A chart built by `buildChart` (@accord/charts), as plain SVG: it renders on the server and reads
 * without JavaScript. Hover shows each value (`<title>`), a linked bar or point opens its cases,
 * and the same numbers are in a table (with the same links) for screen readers and keyboards.
 */
export function Chart({ model, id, tableLabel, className }: ChartProps) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  // An image cannot hold links (axe: nested-interactive): with drill-down links the SVG is a named
  // group whose links and values are read, its axes and grid hidden; without, one image.
  const interactive = model.marks.some((mark) => (mark.type === "rect" || mark.type === "circle") && mark.href);
  return (
    <figure className={className ? `chart ${className}` : "chart"} id={id}>
      <figcaption className="chart__title">{model.title}</figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${model.width} ${model.height}`}
        width={model.width}
        height={model.height}
        role={interactive ? "group" : "img"}
        aria-labelledby={model.description ? `${titleId} ${descId}` : titleId}
      >
        <title id={titleId}>{model.title}</title>
        {model.description ? <desc id={descId}>{model.description}</desc> : null}
        {model.marks.map((mark, k) => (
          <MarkElement key={k} mark={mark} />
        ))}
      </svg>
      {model.legend.length > 0 ? (
        <ul className="chart__legend">
          {model.legend.map((entry, k) => (
            <li key={k}>
              <Swatch entry={entry} />
              {entry.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="chart__data">
        <summary>{tableLabel ?? TABLE_LABEL[model.locale]}</summary>
        <table className="chart__table">
          <caption>{model.title}</caption>
          <thead>
            <tr>
              {model.table.columns.map((column, k) => (
                <th key={k} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.table.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, c) => {
                  const href = row.hrefs[c];
                  return <td key={c}>{href ? <a href={href}>{cell}</a> : cell}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const dashArray = (dash: readonly number[] | undefined) => (dash ? dash.join(" ") : undefined);

function MarkElement({ mark }: { mark: Mark }) {
  switch (mark.type) {
    case "rect":
      return linked(
        mark.href,
        mark.title,
        <rect className="chart__bar" x={mark.x} y={mark.y} width={mark.width} height={mark.height} fill={mark.fill} stroke={mark.stroke}>
          <title>{mark.title}</title>
        </rect>,
      );
    case "circle":
      return linked(
        mark.href,
        mark.title,
        <circle className="chart__point" cx={mark.cx} cy={mark.cy} r={mark.r} fill={mark.fill}>
          <title>{mark.title}</title>
        </circle>,
      );
    case "path":
      return <path aria-hidden="true" className="chart__line" d={mark.d} fill="none" stroke={mark.stroke} strokeWidth={mark.strokeWidth} strokeDasharray={dashArray(mark.dash)} strokeLinejoin="round" />;
    case "line":
      return <line aria-hidden="true" className={`chart__${mark.role}`} x1={mark.x1} y1={mark.y1} x2={mark.x2} y2={mark.y2} stroke={mark.stroke} strokeWidth={mark.strokeWidth} />;
    case "text":
      return (
        <text aria-hidden="true" className={`chart__${mark.role}`} x={mark.x} y={mark.y} textAnchor={mark.anchor} fontSize={mark.fontSize} fill={mark.fill}>
          {mark.text}
        </text>
      );
  }
}

/** A drill-down mark: a link named by its tooltip ("mars 2026 — Reçus : 42"). */
function linked(href: string | undefined, label: string, element: ReactNode) {
  if (!href) return element;
  return (
    <a className="chart__link" href={href} aria-label={label}>
      {element}
    </a>
  );
}

function Swatch({ entry }: { entry: LegendEntry }) {
  return (
    <svg className="chart__swatch" viewBox="0 0 20 12" width="20" height="12" aria-hidden="true" focusable="false">
      {entry.kind === "bar" ? (
        <rect x="2" y="1" width="16" height="10" fill={entry.color} />
      ) : (
        <line x1="1" y1="6" x2="19" y2="6" stroke={entry.color} strokeWidth="2" strokeDasharray={dashArray(entry.dash)} />
      )}
    </svg>
  );
}
