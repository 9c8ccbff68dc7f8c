/** Integer cents → "1 234,56 €" (fr) / "€1,234.56" (en). */
export function formatMoney(cents: number, currency: string, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: "currency", currency }).format(cents / 100);
}

/** A calendar date ("YYYY-MM-DD" or Date) → "2 mars 2026" / "2 March 2026". Date-only strings are not shifted by time zones. */
export function formatDate(value: string | Date, language: string, timeZone = "Europe/Paris"): string {
  const dateOnly = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = typeof value === "string" ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: "medium",
    timeZone: dateOnly ? "UTC" : timeZone,
  }).format(date);
}

/** An instant → "2 mars 2026, 14:05" in the given time zone. */
export function formatDateTime(value: string | Date, language: string, timeZone = "Europe/Paris"): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    typeof value === "string" ? new Date(value) : value,
  );
}

function locale(language: string): string {
  return language === "en" ? "en-GB" : "fr-FR";
}
