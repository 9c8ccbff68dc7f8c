/**
 * The bounds every submitted form is held to, checked when the form is read, before any schema
 * (issue 16; ADR 0016). conform builds an array as long as the largest index a field name carries
 * (`lines[100000000].x` = an array of 10^8 slots, seconds of CPU and a reply of megabytes), and a NUL
 * byte makes PostgreSQL fail mid-query: both are refused here with a 400 that names the field, never
 * echoing what was sent.
 */
import { data } from "react-router";

export const FORM_LIMITS = {
  /** Fields in one submission (a claim with every line and file stays far below). */
  maxFields: 1_000,
  /** The largest index in a field name (`lines[999].contestedQuantity`): lists hold at most 1 000 items. */
  maxIndex: 999,
  /** Bytes of the text fields of one submission (the longest text field, 10 000 characters, is 40 KB at most). */
  maxBytes: 1024 * 1024,
} as const;

export type FormProblem =
  | { code: "too_many_fields" }
  | { code: "too_large" }
  | { code: "malformed" }
  | { code: "unsupported_type" }
  | { code: "nul_byte"; field: string }
  | { code: "index_too_large"; field: string };

const fr = {
  too_many_fields: `Formulaire refusé : plus de ${FORM_LIMITS.maxFields} champs.`,
  too_large: `Formulaire refusé : plus de ${FORM_LIMITS.maxBytes / 1024 / 1024} Mo de texte.`,
  malformed: "Formulaire refusé : le contenu envoyé est incomplet ou illisible.",
  unsupported_type: "Formulaire refusé : ce type de contenu n'est pas accepté ici.",
  nul_byte: "Formulaire refusé : le champ « {{field}} » contient un caractère nul.",
  index_too_large: `Formulaire refusé : le champ « {{field}} » dépasse ${FORM_LIMITS.maxIndex + 1} éléments.`,
};
const en: typeof fr = {
  too_many_fields: `Form refused: more than ${FORM_LIMITS.maxFields} fields.`,
  too_large: `Form refused: more than ${FORM_LIMITS.maxBytes / 1024 / 1024} MB of text.`,
  malformed: "Form refused: what was sent is incomplete or unreadable.",
  unsupported_type: "Form refused: this content type is not accepted here.",
  nul_byte: "Form refused: the field “{{field}}” contains a NUL character.",
  index_too_large: `Form refused: the field “{{field}}” goes past ${FORM_LIMITS.maxIndex + 1} items.`,
};
/** The messages of these refusals, French first (read before the app's catalogues exist: the server answers them). */
export const formLimitMessages = { fr, en };

/** A field name as it may be shown: printable, short. */
function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, "�");
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}

/** The first index in `name` above the bound (`a[12][99999]` → true), without building any number of it. */
function hasIndexTooLarge(name: string): boolean {
  const maxDigits = String(FORM_LIMITS.maxIndex).length;
  for (const match of name.matchAll(/\[(\d+)\]/g)) {
    const digits = match[1]!.replace(/^0+(?=\d)/, "");
    if (digits.length > maxDigits || Number(digits) > FORM_LIMITS.maxIndex) return true;
  }
  return false;
}

/** Checks one field as it is read; `null` when it is within bounds. */
export function checkFormField(name: string, value: FormDataEntryValue | string): FormProblem | null {
  if (name.includes("\0") || (typeof value === "string" && value.includes("\0"))) return { code: "nul_byte", field: shownName(name) };
  if (hasIndexTooLarge(name)) return { code: "index_too_large", field: shownName(name) };
  return null;
}

/** Checks every field of a submission: count, index bound, NUL bytes (the size is bounded where the body is read). */
export function checkFormEntries(entries: Iterable<[string, FormDataEntryValue | string]>): FormProblem | null {
  let count = 0;
  for (const [name, value] of entries) {
    count += 1;
    if (count > FORM_LIMITS.maxFields) return { code: "too_many_fields" };
    const problem = checkFormField(name, value);
    if (problem) return problem;
  }
  return null;
}

/** The refusal's message in one language. */
export function describeFormProblem(problem: FormProblem, language: "fr" | "en"): string {
  const template = formLimitMessages[language][problem.code];
  return "field" in problem ? template.replace("{{field}}", problem.field) : template;
}

/** The HTTP status of a refusal: 413 for a body too large, else 400 (a JSON body on a form action included). */
export function formProblemStatus(problem: FormProblem): number {
  return problem.code === "too_large" ? 413 : 400;
}

/** Both languages, for an answer given before the reader's language is known. */
export function formProblemText(problem: FormProblem): string {
  return `${describeFormProblem(problem, "fr")} / ${describeFormProblem(problem, "en")}\n`;
}

/**
 * For actions (parseForm, the sign-in and upload forms): throws a 400 (the page's error boundary shows
 * the message) when the submission is out of bounds.
 */
export function assertFormWithinLimits(formData: FormData): void {
  const problem = checkFormEntries(formData);
  if (problem) throw data(formProblemText(problem), { status: formProblemStatus(problem) });
}
