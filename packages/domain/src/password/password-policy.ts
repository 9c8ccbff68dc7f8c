import { COMMON_PASSWORDS_TEXT } from "./common-passwords";

/** Length bounds of a new password (OWASP ASVS 5.0 V6.2.1 asks for at least 8; we ask for 12). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

let common: ReadonlySet<string> | undefined;

/**
 * Whether a password is one of the 10,000 most common ones (ASVS 5.0 V6.2.4), compared without case
 * and surrounding spaces. The list is parsed on first use.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return common.has(password.trim().toLowerCase());
}
