import { fail } from "../errors/errors";

/**
 * An amount of money: an integer number of minor units ("cents") of an ISO
 * 4217 currency. `cents` is a safe integer and may be negative (a balance, a
 * credit); functions that need a non-negative amount say so.
 * The minor unit is the currency's own (2 digits for EUR, 0 for JPY, 3 for KWD).
 */
export interface Money {
  readonly cents: number;
  readonly currency: string;
}

export const DEFAULT_CURRENCY = "EUR";

/** Locales money is formatted for; `en` is British English (`en-GB`). */
export type MoneyLocale = "fr" | "en";

const CURRENCY = /^[A-Z]{3}$/;
const INTL_LOCALE: Record<MoneyLocale, string> = { fr: "fr-FR", en: "en-GB" };

/** True when `value` is a safe integer (the only numbers cents may be). */
export function isCents(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Throws `invalid_amount` naming `field` unless `value` is a safe integer, ≥ 0 unless `allowNegative`. */
export function assertCents(value: unknown, field: string, options: { allowNegative?: boolean } = {}): asserts value is number {
  if (!isCents(value)) fail("invalid_amount", field, { value: String(value), reason: "not_an_integer" });
  if (value < 0 && options.allowNegative !== true) fail("invalid_amount", field, { value, reason: "negative" });
}

let knownCurrencies: ReadonlySet<string> | null = null;

/** Throws `invalid_currency` naming `field` unless `value` is an ISO 4217 code the platform knows (`EUR`). */
export function assertCurrency(value: unknown, field = "currency"): asserts value is string {
  knownCurrencies ??= new Set(Intl.supportedValuesOf("currency"));
  if (typeof value !== "string" || !CURRENCY.test(value) || !knownCurrencies.has(value)) fail("invalid_currency", field, { value: String(value) });
}

/**
 * Builds a {@link Money}; throws `invalid_amount` (`cents`) or
 * `invalid_currency` (`currency`) on bad input. Negative amounts are allowed.
 */
export function money(cents: number, currency: string = DEFAULT_CURRENCY): Money {
  assertCents(cents, "cents", { allowNegative: true });
  assertCurrency(currency);
  return Object.freeze({ cents, currency });
}

/** Zero in `currency`. */
export function zero(currency: string = DEFAULT_CURRENCY): Money {
  return money(0, currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) fail("currency_mismatch", "currency", { left: a.currency, right: b.currency });
}

function checked(cents: number, currency: string): Money {
  if (!Number.isSafeInteger(cents)) fail("invalid_amount", "cents", { reason: "overflow" });
  return Object.freeze({ cents, currency });
}

/** `a + b`; both in the same currency, else `currency_mismatch`. */
export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.cents + b.cents, a.currency);
}

/** `a − b`; both in the same currency, else `currency_mismatch`. The result may be negative. */
export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return checked(a.cents - b.cents, a.currency);
}

/** The sum of `amounts`, all in `currency` (zero for an empty list). */
export function sumMoney(amounts: readonly Money[], currency: string = DEFAULT_CURRENCY): Money {
  return amounts.reduce((total, amount) => addMoney(total, amount), zero(currency));
}

/** True when both amounts are equal (same cents, same currency). */
export function equalsMoney(a: Money, b: Money): boolean {
  return a.cents === b.cents && a.currency === b.currency;
}

/**
 * Splits `amount` in proportion to `ratios` (non-negative integers, not all
 * zero) without losing a cent: each share is rounded down, then the cents
 * left over go one by one to the largest remainders (the earliest share wins
 * a tie). The shares always sum to `amount`; a negative amount gives
 * negative shares.
 *
 * `allocate(money(1000), [1, 1, 1])` → 334, 333, 333 cents.
 */
export function allocate(amount: Money, ratios: readonly number[]): Money[] {
  ratios.forEach((ratio, index) => {
    if (!isCents(ratio) || ratio < 0) fail("invalid_argument", `ratios[${index}]`, { value: String(ratio) });
  });
  const total = ratios.reduce((sum, ratio) => sum + BigInt(ratio), 0n);
  if (total === 0n) fail("invalid_argument", "ratios", { reason: "no_positive_ratio" });
  const sign = amount.cents < 0 ? -1 : 1;
  const whole = BigInt(Math.abs(amount.cents));
  const shares = ratios.map((ratio, index) => {
    const exact = whole * BigInt(ratio);
    return { index, cents: exact / total, remainder: exact % total };
  });
  let leftover = whole - shares.reduce((sum, share) => sum + share.cents, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.cents += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => Object.freeze({ cents: sign * Number(share.cents) + 0, currency: amount.currency }));
}

/** Number of minor-unit digits of `currency` (2 for EUR). */
export function currencyDigits(currency: string): number {
  assertCurrency(currency);
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The amount as an exact decimal string in major units (`"-1234.56"`), for Intl and exports. */
export function toDecimalString(amount: Money): string {
  const digits = currencyDigits(amount.currency);
  const abs = String(Math.abs(amount.cents)).padStart(digits + 1, "0");
  const sign = amount.cents < 0 ? "-" : "";
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * Formats an amount exactly as `Intl.NumberFormat` writes it: `fr` uses
 * `fr-FR` ("1 234,56 €", a narrow no-break space U+202F between groups and a
 * no-break space U+00A0 before the symbol), `en` uses `en-GB` ("€1,234.56").
 * The decimal string is passed to Intl, so no cent is lost to floating point.
 */
export function formatMoney(amount: Money, locale: MoneyLocale = "fr"): string {
  assertCents(amount.cents, "cents", { allowNegative: true });
  if (!(locale in INTL_LOCALE)) fail("invalid_argument", "locale", { value: String(locale) });
  const formatter = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency: amount.currency });
  // Intl accepts exact decimal strings (ES2023 Intl.NumberFormat v3).
  return formatter.format(toDecimalString(amount) as Intl.StringNumericLiteral);
}
