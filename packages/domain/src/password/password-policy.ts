import { COMMON_PASSWORDS_TEXT } from "./common-passwords";

/** Length bounds of a new password (OWASP ASVS 5.0 V6.2.1 asks for at least 8; we ask for 12). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/** Words of this product that make a guessable password (ASVS 5.0 V6.2.11's context words). */
export const CONTEXT_WORDS: readonly string[] = ["accord", "litige", "litiges", "reclamation", "réclamation", "motdepasse", "password"];

let common: ReadonlySet<string> | undefined;

function isListed(word: string, context: readonly string[]): boolean {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split("\n"));
  return common.has(word) || context.includes(word);
}

/** The password without the digits and symbols people add around a word ("Password2026!" → "password"). */
function core(password: string): string {
  return password.replace(/^[\d\W_]+/u, "").replace(/[\d\W_]+$/u, "");
}

/** "abcabcabcabc" → "abc": the shortest unit the password repeats, or itself. */
function repeatedUnit(password: string): string {
  for (let size = 1; size <= password.length / 2; size++) {
    if (password.length % size === 0 && password.slice(0, size).repeat(password.length / size) === password) return password.slice(0, size);
  }
  return password;
}

/**
 * Whether a password is guessable (ASVS 5.0 V6.2.4, V6.2.11): one of the 10,000 most common passwords, or
 * one of them or a context word (this product's words, plus the ones given: the user's name, e-mail…)
 * with only digits and symbols around it, or a short unit repeated. Compared without case.
 */
export function isCommonPassword(password: string, contextWords: readonly string[] = []): boolean {
  const lower = password.trim().toLowerCase();
  const context = [...CONTEXT_WORDS, ...contextWords.map((word) => word.toLowerCase()).filter((word) => word.length >= 3)];
  if (isListed(lower, context)) return true;
  const word = core(lower);
  if (word.length >= 3 && isListed(word, context)) return true;
  if (word.length === 0) return true; // only digits and symbols: "123456789012"
  const unit = repeatedUnit(lower);
  return unit !== lower && (unit.length <= 4 || isListed(unit, context) || isListed(core(unit), context));
}
