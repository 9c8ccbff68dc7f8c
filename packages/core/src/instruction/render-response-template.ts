/** The placeholders a response template may use. */
export const RESPONSE_PLACEHOLDERS = ["customerName", "reference", "deadline"] as const;
export type ResponsePlaceholder = (typeof RESPONSE_PLACEHOLDERS)[number];

/**
 * Fills `{{customerName}}`, `{{reference}}` and `{{deadline}}` (spaces inside the braces allowed).
 * An unknown placeholder is left as written, so a typo in a template shows instead of vanishing.
 * Pure: the caller passes values already in the customer's language.
 */
export function renderResponseTemplate(body: string, values: Readonly<Record<ResponsePlaceholder, string>>): string {
  return body.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (match, name: string) =>
    (RESPONSE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as ResponsePlaceholder] : match,
  );
}
