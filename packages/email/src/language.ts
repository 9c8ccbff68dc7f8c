/** Languages every e-mail exists in. French first. */
export const EMAIL_LANGUAGES = ["fr", "en"] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

export function isEmailLanguage(value: unknown): value is EmailLanguage {
  return typeof value === "string" && (EMAIL_LANGUAGES as readonly string[]).includes(value);
}
