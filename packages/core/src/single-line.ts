import type { z } from "zod";

/**
 * Control characters (C0 with CR, LF and tab, DEL, C1), Unicode's line and paragraph separators, and
 * the bidirectional embedding, override and isolate controls (a "\u202Eevil.exe\u202Cpdf" product name
 * would read backwards on screen and in e-mails).
 */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** The message next to a one-line field that holds a control character. */
export const SINGLE_LINE_MESSAGE = "validation.singleLine";

export function isSingleLine(text: string): boolean {
  return !LINE_BREAKING.test(text);
}

/**
 * THE rule of every one-line field (a name, a title, a code, a search): no control character. Such a
 * value may reach an e-mail's subject or a header, where a CR/LF would start a new line (issue 16).
 * Wraps the field's string schema (before any `optional()` or transform to another type).
 */
export function singleLine<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine(isSingleLine, SINGLE_LINE_MESSAGE);
}
