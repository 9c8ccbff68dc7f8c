/**
 * fast-check arbitraries of form posts derived from zod 4 schemas (zod-fast-check supports only zod 3
 * and fast-check 3): for each field of an object schema, values the schema could accept, hostile values
 * (huge strings, control characters, Unicode edge cases, impossible numbers and dates, injection
 * strings), a missing field, or the field sent twice. Forms send strings only, so every value is one.
 */
import fc from "fast-check";
import type { $ZodType } from "zod/v4/core";

export type FormEntries = [name: string, value: string][];

/** Values that break naive code: sizes, control and invisible characters, numbers and dates out of range. */
export const HOSTILE_VALUES: readonly string[] = [
  "",
  " ",
  "x".repeat(100_000),
  "é".repeat(5_000),
  "a\u0000b",
  "line\r\nBcc: victim@example.com",
  "\u0007\u001b[31m",
  "\u202Eevil.exe\u202Cpdf",
  "zero\u200Bwidth\u200D",
  "👩‍👩‍👧‍👦🇫🇷",
  "\uD800",
  "-1",
  "0",
  "-0",
  "1e308",
  "99999999999999999999999",
  "NaN",
  "12,345,678.9",
  "2026-02-31",
  "0000-01-01",
  "9999-99-99",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "[object Object]",
  "00000000-0000-0000-0000-000000000000",
];

type Def = { type: string; [key: string]: unknown };
type Check = { check: string; value?: unknown; minimum?: unknown; maximum?: unknown; format?: string; pattern?: RegExp; inclusive?: boolean };

function defOf(schema: $ZodType): Def {
  return schema._zod.def as unknown as Def;
}

function checksOf(def: Def): Check[] {
  const checks = (def.checks as { _zod: { def: Check } }[] | undefined) ?? [];
  return checks.map((check) => check._zod.def);
}

/** Plain values the schema could accept (as a form would send them). */
function plausible(schema: $ZodType, depth = 0): fc.Arbitrary<string> {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const checks = checksOf(def);
      const min = Number(checks.find((c) => c.check === "min_length")?.minimum ?? 0);
      const max = Number(checks.find((c) => c.check === "max_length")?.maximum ?? min + 40);
      const format = checks.find((c) => c.check === "string_format");
      if (format?.format === "email") return fc.emailAddress();
      if (format?.format === "uuid" || format?.format === "guid") return fc.uuid().map(String);
      if (format?.format === "regex" && format.pattern) return fc.stringMatching(format.pattern, { size: "small" });
      return fc.string({ minLength: min, maxLength: Math.min(max, min + 60) });
    }
    case "number":
    case "bigint": {
      const checks = checksOf(def);
      const low = Number(checks.find((c) => c.check === "greater_than")?.value ?? -1_000_000);
      const high = Number(checks.find((c) => c.check === "less_than")?.value ?? 1_000_000);
      return fc.oneof(
        fc.integer({ min: Math.ceil(low), max: Math.floor(high) }).map(String),
        fc.double({ min: low, max: high, noNaN: true }).map((n) => String(n).replace(".", ",")),
      );
    }
    case "boolean":
      return fc.constantFrom("on", "true", "false");
    case "date":
      return fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>).map(String));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]).map(String));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return plausible(def.innerType as $ZodType, depth);
    case "pipe":
      return plausible(def.in as $ZodType, depth);
    case "union":
      return fc.oneof(...(def.options as $ZodType[]).map((option) => plausible(option, depth)));
    default:
      return fc.string({ maxLength: 40 });
  }
}

/** The entries one field of the form may send: nothing, a plausible value, a hostile one, or two values. */
function fieldEntries(name: string, schema: $ZodType, depth: number): fc.Arbitrary<FormEntries> {
  const def = defOf(schema);
  const inner = def.type === "optional" || def.type === "default" || def.type === "nullable" ? (def.innerType as $ZodType) : schema;
  const innerDef = defOf(inner);
  if (innerDef.type === "object" && depth < 3) {
    return objectEntries(inner, `${name}.`, depth + 1);
  }
  if (innerDef.type === "array" && depth < 3) {
    const element = innerDef.element as $ZodType;
    const elementDef = defOf(element);
    const max = Number(checksOf(innerDef).find((c) => c.check === "max_length")?.maximum ?? 5);
    if (elementDef.type === "object") {
      return fc
        .array(objectEntries(element, "", depth + 1), { maxLength: Math.min(max + 1, 4) })
        .map((items) => items.flatMap((entries, index) => entries.map(([key, value]): [string, string] => [`${name}[${index}].${key}`, value])));
    }
    return fc.array(fc.oneof(plausible(element), fc.constantFrom(...HOSTILE_VALUES)), { maxLength: Math.min(max + 1, 6) }).map((values) => values.map((value): [string, string] => [name, value]));
  }
  const value = fc.oneof({ weight: 3, arbitrary: plausible(inner) }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_VALUES) });
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v): FormEntries => [[name, v]]) },
    { weight: 1, arbitrary: fc.constant<FormEntries>([]) },
    { weight: 1, arbitrary: fc.tuple(value, value).map(([a, b]): FormEntries => [[name, a], [name, b]]) },
  );
}

function objectEntries(schema: $ZodType, prefix: string, depth: number): fc.Arbitrary<FormEntries> {
  const shape = defOf(schema).shape as Record<string, $ZodType>;
  const fields = Object.entries(shape).map(([key, field]) => fieldEntries(`${prefix}${key}`, field, depth));
  return fc.tuple(...fields).map((parts) => parts.flat());
}

/** The fields a schema reads at its top level (an object, possibly behind refinements or a pipe). */
function objectOf(schema: $ZodType): $ZodType | null {
  const def = defOf(schema);
  if (def.type === "object") return schema;
  if (def.type === "pipe") return objectOf(def.in as $ZodType);
  return null;
}

/** Form posts for a schema: its fields (plausible, hostile, missing, duplicated) and a few unknown extra fields. */
export function formArbitrary(schema: $ZodType): fc.Arbitrary<FormEntries> {
  const object = objectOf(schema);
  const fields = object ? objectEntries(object, "", 0) : fc.constant<FormEntries>([]);
  const extra = fc.array(fc.tuple(fc.constantFrom("__proto__", "constructor", "x[999]", "a.b.c", "intent"), fc.constantFrom(...HOSTILE_VALUES)), { maxLength: 2 });
  return fc.tuple(fields, extra).map(([entries, more]) => [...entries, ...more]);
}

/** The entries as the FormData a browser would post. */
export function toFormData(entries: FormEntries): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}
