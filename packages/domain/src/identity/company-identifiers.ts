/**
 * French company identifiers: the SIREN (9 digits, Luhn check digit) and the intra-community VAT
 * number built from it (FR + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97).
 */

/** Digits only: spaces, dots and dashes as people type them are dropped. */
const compact = (value: string) => value.replace(/[\s.-]/g, "");

/** Whether `value` (spaces allowed) is a SIREN: 9 digits whose Luhn sum is a multiple of 10. */
export function isValidSiren(value: string): boolean {
  const siren = compact(value);
  if (!/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(siren[8 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The French VAT number of a SIREN ("FR40303265045"). */
export function frenchVatNumberOf(siren: string): string {
  const digits = compact(siren);
  const key = (12 + 3 * (Number(digits) % 97)) % 97;
  return `FR${String(key).padStart(2, "0")}${digits}`;
}

export type VatNumberProblem = "format" | "key" | "siren_mismatch";

/**
 * Checks a French VAT number (spaces allowed, any case) against the company's SIREN: the right
 * shape, the right key, and the same SIREN. Returns the compact form, or the problem.
 */
export function checkFrenchVatNumber(value: string, siren: string): { ok: true; vatNumber: string } | { ok: false; problem: VatNumberProblem } {
  const vat = compact(value).toUpperCase();
  const match = /^FR(\d{2})(\d{9})$/.exec(vat);
  if (!match) return { ok: false, problem: "format" };
  if (frenchVatNumberOf(match[2]!) !== vat) return { ok: false, problem: "key" };
  if (match[2] !== compact(siren)) return { ok: false, problem: "siren_mismatch" };
  return { ok: true, vatNumber: vat };
}
