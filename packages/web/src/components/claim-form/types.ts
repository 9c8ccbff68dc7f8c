/** The claim form's data: what the page gives it, what the action replies, and how a field reads that reply. */
import type { ClaimWarning } from "@accord/core";
import type { RefusedFile, UploadedFile } from "@accord/ui";

/** Flat form values by field name (`lines[3].contestedQuantity`), as the browser sent them. */
export type Values = Record<string, string>;
export type Errors = Record<string, string[]>;

/** An invoice the filer may contest, with its lines (ClaimableInvoice of @accord/core, as serialized). */
export interface ClaimFormInvoice {
  id: string;
  number: string;
  issueDate: string;
  currency: string;
  totalExclTaxCents: number;
  lines: {
    id: string;
    lineNo: number;
    description: string;
    unit: string;
    quantityMilli: number;
    unitPriceCents: number;
    totalExclTaxCents: number;
    lotNumber: string | null;
  }[];
}

/** What the review shows (built on the server by `serializablePreview`). */
export interface ClaimFormReview {
  currency: string;
  amount: {
    computedCents: number;
    claimedCents: number;
    vatCents: number;
    claimedInclVatCents: number;
  };
  warnings: ClaimWarning[];
  duplicates: {
    /** Null for a colleague's case the user may not open. */
    reference: string | null;
    invoiceNumber: string;
    lineNo: number;
    description: string;
  }[];
  lines: {
    invoiceNumber: string;
    lineNo: number;
    description: string;
    unit: string;
    contestedQuantityMilli: number | null;
    contestedUnitPriceCents: number | null;
    computedCents: number;
    claimedCents: number;
    vatCents: number;
  }[];
}

/** The action's reply that the form re-renders. */
export interface ClaimFormResult {
  values: Values;
  errors: Errors;
  uploads?: readonly UploadedFile[];
  refused?: readonly RefusedFile[];
  preview: ClaimFormReview | null;
  fileCount: number;
}

/** Strings a page may reword (default: `claims.new.*`, the customer's wording). */
export type ClaimFormLabel = "errorSummary" | "check" | "submit" | "reviewTitle" | "reviewIntro" | "warningsIntro" | "duplicatesIntro";

/** What the last reply says of the form: the typed values and the errors, by field name. */
export interface ClaimFormState {
  values: Values;
  errors: Errors;
}

/** A field's name, the value typed before the last reply and its errors, to spread on @accord/ui's fields. */
export function bindField(state: ClaimFormState, name: string) {
  return { name, defaultValue: state.values[name] ?? "", errors: state.errors[name] };
}

/** One invoice line of the form; lines are numbered across the listed invoices (`lines[index].…`). */
export interface ClaimRow {
  invoice: ClaimFormInvoice;
  line: ClaimFormInvoice["lines"][number];
  index: number;
}

/** The invoices' lines in order, with their index in the form: the same index on every render of the page. */
export function claimRows(invoices: readonly ClaimFormInvoice[]): ClaimRow[] {
  return invoices.flatMap((invoice) => invoice.lines.map((line) => ({ invoice, line }))).map((row, index) => ({ ...row, index }));
}
