/*
 * Creating an Intl formatter costs far more than using one (a queue page of 50 rows formats ~150
 * values): each formatter is built once per locale, currency and time zone, then reused.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Integer cents → "1 234,56 €" (fr) / "€1,234.56" (en). */
export function formatMoney(cents: number, currency: string, language: string): string {
  const tag = locale(language);
  return cached(`money|${tag}|${currency}`, () => new Intl.NumberFormat(tag, { style: "currency", currency })).format(cents / 100);
}

/** A quantity in thousandths of a unit → "12,5" (fr) / "12.5" (en), three decimals at most. */
export function formatQuantity(milli: number, language: string): string {
  const tag = locale(language);
  return cached(`quantity|${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 3 })).format(milli / 1000);
}

/** A decimal stored as text ("113.6", "110.0") → in the reader's notation with the digits it was recorded with ("113,6", "110,0"). */
export function formatDecimalText(text: string, language: string): string {
  const tag = locale(language);
  const digits = text.split(".")[1]?.length ?? 0;
  return cached(`decimal|${tag}|${digits}`, () => new Intl.NumberFormat(tag, { minimumFractionDigits: digits })).format(Number(text));
}

/** The month of a date ("YYYY-MM-DD" or "YYYY-MM") → "octobre 2026" / "October 2026". */
export function formatMonth(value: string, language: string): string {
  const tag = locale(language);
  return cached(`month|${tag}`, () => new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" })).format(new Date(`${value.slice(0, 7)}-01T00:00:00Z`));
}

/** A calendar date ("YYYY-MM-DD" or Date) → "2 mars 2026" / "2 March 2026". Date-only strings are not shifted by time zones. */
export function formatDate(value: string | Date, language: string, timeZone = "Europe/Paris"): string {
  const dateOnly = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = typeof value === "string" ? new Date(dateOnly ? `${value}T00:00:00Z` : value) : value;
  const tag = locale(language);
  const zone = dateOnly ? "UTC" : timeZone;
  return cached(`date|${tag}|${zone}`, () => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: zone })).format(date);
}

/** An instant → "2 mars 2026, 14:05" in the given time zone. */
export function formatDateTime(value: string | Date, language: string, timeZone = "Europe/Paris"): string {
  const tag = locale(language);
  return cached(`datetime|${tag}|${timeZone}`, () => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone })).format(
    typeof value === "string" ? new Date(value) : value,
  );
}

/** An upload limit in bytes → the number of Mo / MB the messages show (100 for 100 MiB; one decimal at most). */
export function uploadLimitMegabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

function locale(language: string): string {
  return language === "en" ? "en-GB" : "fr-FR";
}
