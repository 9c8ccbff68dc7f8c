import type { Key, ReactNode } from "react";

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-align numbers and amounts. */
  align?: "start" | "end";
  /** The cell that names the row (rendered as a row header). */
  rowHeader?: boolean;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** Show the caption to sighted users too (default: visually hidden). */
  captionVisible?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  /** Shown instead of the table when there is no row. */
  empty: ReactNode;
}

/** A plain, accessible table: caption, column headers, row headers; scrolls horizontally on small screens. */
export function DataTable<Row>({ caption, captionVisible, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  if (rows.length === 0) return <>{empty}</>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className={captionVisible ? "data-table__caption" : "visually-hidden"}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === "end" ? "num" : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const className = column.align === "end" ? "num" : undefined;
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
