/** How a series' values read: a count, a rate 0–100, a number of days, integer cents in EUR, or a score (NPS −100…100). */
export type ValueFormat = "count" | "percent" | "days" | "cents" | "score";
export type ChartLocale = "fr" | "en";

/** Same tags as the rest of Accord (`@accord/domain` formatMoney, `@accord/ui` format): fr → fr-FR, en → en-GB. */
const INTL_TAG: Record<ChartLocale, string> = { fr: "fr-FR", en: "en-GB" };

/** The mark of a missing value (an empty population), in the table, the tooltips and the PDF. */
export const MISSING = "—";

// Building an Intl formatter costs far more than using one; a chart formats hundreds of values.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, locale: ChartLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${key}`;
  let found = formatters.get(id);
  if (!found) {
    found = new Intl.NumberFormat(INTL_TAG[locale], options);
    formatters.set(id, found);
  }
  return found;
}

const DAYS_UNIT: Record<ChartLocale, string> = { fr: "j", en: "d" };

/**
 * A value as the reader's language writes it: fr "1 234", "12,5 %", "4,2 j", "12 345 €", "+32";
 * en "1,234", "12.5%", "4.2 d", "€12,345", "+32". French groups use Intl's narrow no-break space
 * (U+202F). `null` (and anything not finite) is "—", never "NaN".
 */
export function formatValue(value: number | null | undefined, format: ValueFormat, locale: ChartLocale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (format) {
    case "count":
      return formatter("count", locale, { maximumFractionDigits: 1 }).format(value);
    case "percent":
      // Rates are 0–100 across the KPIs; Intl's percent style takes a fraction.
      return formatter("percent", locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    case "days":
      return `${formatter("days", locale, { maximumFractionDigits: 1 }).format(value)}\u00a0${DAYS_UNIT[locale]}`;
    case "cents": {
      // Whole euros read better on a chart; cents only when they matter (a small, non-round amount).
      const whole = value % 100 === 0 || Math.abs(value) >= 100_000;
      return formatter(whole ? "euros" : "cents", locale, {
        style: "currency",
        currency: "EUR",
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: whole ? 0 : 2,
      }).format(whole ? Math.round(value / 100) : value / 100);
    }
    case "score":
      return formatter("score", locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
  }
}
