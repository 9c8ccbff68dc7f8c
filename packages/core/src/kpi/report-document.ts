import type { ChartModel } from "@accord/charts";

/**
 * A printable report, already translated and formatted (ADR 0040): the monthly review pack's page,
 * CSV and PDF all come from one such document, so a figure on the page is the figure in the files.
 */
export interface ReportDocument {
  readonly title: string;
  readonly subtitle?: string;
  /** The PDF's footer, with `{{page}}` and `{{pages}}` filled in. */
  readonly footer: string;
  readonly language: "fr" | "en";
  /** The instant the report is about (metadata). */
  readonly issuedAt: Date;
  readonly sections: readonly ReportSection[];
}

export interface ReportSection {
  readonly id: string;
  readonly heading: string;
  readonly figures?: readonly ReportFigure[];
  readonly charts?: readonly ChartModel[];
  readonly table?: ReportTable;
}

export interface ReportFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  /** The page's drill-down link (not in the files). */
  readonly href?: string | null;
  /** The definition shown on hover on the page. */
  readonly definition?: string;
}

export interface ReportTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly cells: readonly string[]; readonly href?: string | null }[];
  /** What the table says when it has no row. */
  readonly empty: string;
}
