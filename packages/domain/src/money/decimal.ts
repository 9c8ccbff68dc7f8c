/**
 * Decimals as a French user types them, read into integer minor units: the claim form's schema
 * (core) and the browser's live estimate (web) read a typed quantity or price the same way, without
 * floating point.
 */

/** Why a typed decimal is refused. */
export type DecimalRefusal = "invalid" | "negative" | "too_many_decimals" | "too_large";

/**
 * Parses a decimal as a French user types it ("12,5", "1 234,50", "12.5", "1.234,50") into an
 * integer number of `10^-decimals` units (12,5 with 3 decimals → 12500). Returns a reason on failure.
 */
export function parseDecimal(raw: string, decimals: number): number | DecimalRefusal {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (text.startsWith("-")) return /\d/.test(text) ? "negative" : "invalid";
  if (text.startsWith("+")) text = text.slice(1);
  const lastComma = text.lastIndexOf(",");
  const lastDot = text.lastIndexOf(".");
  if (lastComma !== -1 && lastDot !== -1) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimalSeparator = lastComma > lastDot ? "," : ".";
    const groupSeparator = decimalSeparator === "," ? "." : ",";
    text = text.split(groupSeparator).join("").replace(decimalSeparator, ".");
  } else {
    text = text.replace(",", ".");
  }
  const match = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(text);
  if (!match) return "invalid";
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return "too_many_decimals";
  const scaled = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return "too_large";
  return Number(scaled);
}
