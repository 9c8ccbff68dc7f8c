import { Fragment, type ReactNode } from "react";

/** Label/value rows as a definition list; `wrap` keeps the lines and long words of free texts (rationales, hashes). */
export function Facts({ rows, wrap = false }: { rows: [ReactNode, ReactNode][]; wrap?: boolean }) {
  return (
    <dl className="definition-list">
      {rows.map(([label, value], index) => (
        <Fragment key={index}>
          <dt>{label}</dt>
          <dd style={wrap ? { overflowWrap: "anywhere", whiteSpace: "pre-wrap" } : undefined}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
