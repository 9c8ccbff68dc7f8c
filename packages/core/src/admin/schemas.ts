import type { DbOrTx } from "@accord/db";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { singleLine } from "../single-line";

/**
 * Pieces shared by the administration's input schemas (forms and use cases alike).
 * Messages are catalogue keys (the back-office's `admin.*` namespace or the shared `validation.*`).
 */
/** A one-line text (a name, a title, a code): no control character. */
export const requiredText = (max = 200) => singleLine(requiredLongText(max));

/** A text of several lines (an article's or a template's body). */
export const requiredLongText = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

/** An optional one-line text: absent or blank is null. */
export const optionalText = (max = 200) =>
  singleLine(z.string().trim().max(max, "validation.tooLong"))
    .optional()
    .transform((value) => (value ? value : null));

/** An optional choice among `values`: absent or "" is null ("any"). */
export const optionalChoice = <const T extends readonly [string, ...string[]]>(values: T, message = "validation.invalid") =>
  z
    .union([z.literal(""), z.enum(values, { error: message })])
    .optional()
    .transform((value) => (value ? value : null) as T[number] | null);

/** A checkbox: present ("on", "true") is true. */
export const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

/** A multi-select or a group of checkboxes: one value or several, always an array. */
export const manyOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter((v) => v !== "") : [value]))
    .pipe(z.array(item));

/**
 * A duration in business hours as a person types it ("8", "1,5", "0.25") → whole minutes (> 0).
 */
export const businessHoursSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .regex(/^\d{1,5}([.,]\d{1,2})?$/, "admin.errors.hoursFormat")
  .transform((value) => Math.round(Number(value.replace(",", ".")) * 60))
  .refine((minutes) => minutes > 0, "admin.errors.positiveTarget");

/** Minutes as hours for a form ("90" → "1,5" in French). */
export function minutesAsHours(minutes: number, language: string): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return language === "fr" ? String(hours).replace(".", ",") : String(hours);
}

/** An amount in euros as typed ("1 250,50", "1250.5") → cents (≥ 0). */
export const eurosSchema = z
  .string({ error: "validation.required" })
  .trim()
  .transform((value) => value.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."))
  .pipe(z.string().min(1, "validation.required").regex(/^\d{1,10}(\.\d{1,2})?$/, "admin.errors.amountFormat"))
  .transform((value) => {
    const [whole, fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

/** Cents as euros for a form ("125050" → "1250,50" in French). */
export function centsAsEuros(cents: number, language: string): string {
  const text = (cents / 100).toFixed(2);
  return language === "fr" ? text.replace(".", ",") : text;
}

export const isoDateSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "admin.errors.dateFormat")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "admin.errors.dateFormat");

export const optionalIsoDate = z
  .union([z.literal(""), isoDateSchema])
  .optional()
  .transform((value) => (value ? value : null));

export const idSchema = z.uuid({ error: "error.not_found" });

/** A whole number typed in a form, within bounds. */
export const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d+$/, "admin.errors.wholeNumber")
    .transform(Number)
    .refine((n) => n >= min && n <= max, "admin.errors.outOfRange");

export const optionalWholeNumber = (min: number, max: number) =>
  z
    .union([z.literal(""), wholeNumber(min, max)])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value));

/** Serialises writers of one kind of settings (transaction-scoped advisory lock). */
export async function lockSettings(tx: DbOrTx, name: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`admin:${name}`}, 0))`);
}
