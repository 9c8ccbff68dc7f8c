/** The placeholders a response template may use. */
export const RESPONSE_PLACEHOLDERS = [
  "customerName",
  "reference",
  "agentName",
  /** The date the customer waits for next: the evidence due date while the case waits on their evidence, otherwise the resolution deadline. */
  "deadline",
  "firstResponseDeadline",
  "resolutionDeadline",
  "evidenceDueDate",
] as const;
export type ResponsePlaceholder = (typeof RESPONSE_PLACEHOLDERS)[number];

/** A value per placeholder, already in the customer's words; null when the case has none (a paused clock has no deadline). */
export type PlaceholderValues = Readonly<Record<ResponsePlaceholder, string | null>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\s*\}\}/g;
const isPlaceholder = (name: string): name is ResponsePlaceholder => (RESPONSE_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Fills the placeholders (spaces inside the braces allowed). A placeholder without a value, or unknown
 * (a typo), is left as written, so that it shows in the reply instead of vanishing: `unfilledPlaceholders`
 * finds it, and the reply is refused while one is left. Pure: the caller passes values in the customer's language.
 */
export function renderResponseTemplate(body: string, values: PlaceholderValues): string {
  return body.replace(PLACEHOLDER, (match, name: string) => (isPlaceholder(name) ? (values[name] ?? match) : match));
}

/** The placeholders still in a text (`{{deadline}}`, `{{customer}}`), in order of appearance, once each. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[0]))];
}

/** What `{{deadline}}` stands for: the evidence due date while the case waits on the customer's evidence, otherwise the resolution deadline. */
export function templateDeadline(dates: { evidenceDueDate: string | null; resolutionDeadline: string | null }): string | null {
  return dates.evidenceDueDate ?? dates.resolutionDeadline;
}
