/**
 * fast-check arbitraries of API inputs derived from zod 4 schemas (zod-fast-check supports only zod 3):
 * the schema is turned into JSON Schema by zod itself (`z.toJSONSchema`, input side), and each node of
 * it gives either a value of the right shape or a hostile one (huge strings, control characters,
 * Unicode edge cases, wrong types, arrays for scalars, impossible numbers and dates), an object may
 * lose a required field or gain an unknown one. Small on purpose: only what the API's schemas use.
 */
import fc from "fast-check";
import { z } from "zod";

export type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

/** Strings that break naive code: sizes, control and invisible characters, numbers and dates out of range. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "x".repeat(200_000),
  "é".repeat(5_000),
  "a\u0000b",
  "line\r\nBcc: victim@example.com",
  "\u0007\u001b[31m",
  "\u202Eevil.exe\u202Cpdf",
  "zero\u200Bwidth\u200D\uFEFF",
  "👩‍👩‍👧‍👦🇫🇷",
  "\uD800",
  "\uDC00lone",
  "-1",
  "-0",
  "1e308",
  "NaN",
  "2026-02-31",
  "0000-01-01",
  "9999-99-99",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "00000000-0000-0000-0000-000000000000",
];

/** Values of every JSON type that a field of another type must refuse. */
export const HOSTILE_VALUES: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  0,
  -0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  0.0001,
  true,
  false,
  null,
  [],
  ["a", "b"],
  [1, 2],
  {},
  { nested: { deeper: [null] } },
];

/** The JSON Schema of the input side of a zod schema (what a client sends), its `$ref`s inlined. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const defs = root.$defs ?? {};
  const inline = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, depth));
    if (!node || typeof node !== "object") return node;
    const { $ref, $defs: _defs, ...rest } = node as JsonSchema;
    if ($ref !== undefined) {
      const target = defs[$ref.replace("#/$defs/", "")];
      if (!target || depth > 6) return {};
      return inline({ ...target, ...rest }, depth + 1);
    }
    return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value, depth)]));
  };
  return inline(root, 0) as JsonSchema;
}

const hostile = fc.constantFrom(...HOSTILE_VALUES);

function dateLike(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom("2026-02-31", "0000-01-01", "2026-13-01", "2026-1-1", "26-01-01"),
  );
}

function stringOf(node: JsonSchema): fc.Arbitrary<string> {
  if (node.format === "uuid") return fc.oneof(fc.uuid(), fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000"));
  if (node.format === "date") return dateLike();
  if (node.format === "date-time") return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constant("2026-02-31T25:61:00Z"));
  const maxLength = Math.min(node.maxLength ?? 60, 60);
  return fc.oneof(fc.string({ minLength: Math.min(node.minLength ?? 0, maxLength), maxLength }), fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom(...HOSTILE_STRINGS));
}

function numberOf(node: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = node.minimum ?? -1e6;
  const max = node.maximum ?? 1e6;
  const inRange = integer ? fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }) : fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true });
  return fc.oneof(inRange, fc.constantFrom(-1, 0, -0, 1e308, -1e308, 0.1234567, Number.MAX_SAFE_INTEGER + 2));
}

/**
 * An arbitrary for one node: the right shape most of the time, a hostile value of any type now and
 * then (`hostileWeight` out of 10).
 */
export function arbitraryOf(node: JsonSchema, options: { depth?: number; hostileWeight?: number } = {}): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  const hostileWeight = options.hostileWeight ?? 2;
  const shaped = shapedOf(node, depth, hostileWeight);
  if (hostileWeight === 0) return shaped;
  return fc.oneof({ arbitrary: shaped, weight: 10 - hostileWeight }, { arbitrary: hostile, weight: hostileWeight });
}

function shapedOf(node: JsonSchema, depth: number, hostileWeight: number): fc.Arbitrary<unknown> {
  const next = { depth: depth + 1, hostileWeight };
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.oneof({ arbitrary: fc.constantFrom(...node.enum), weight: 4 }, { arbitrary: fc.constantFrom("UNKNOWN", "Quality", ""), weight: 1 });
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, next)));
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case "string":
      return stringOf(node);
    case "integer":
      return numberOf(node, true);
    case "number":
      return numberOf(node, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 3) return fc.constant([]);
      const item = node.items ? arbitraryOf(node.items, next) : hostile;
      return fc.oneof({ arbitrary: fc.array(item, { minLength: Math.min(node.minItems ?? 0, 3), maxLength: 3 }), weight: 5 }, { arbitrary: fc.constant(Array.from({ length: 150 }, () => null)), weight: 1 });
    }
    case "object":
      return depth > 3 ? fc.constant({}) : objectOf(node, next);
    default:
      return hostile;
  }
}

/** An object: each required field present (or, now and then, missing), optional ones sometimes, and sometimes an unknown field. */
function objectOf(node: JsonSchema, next: { depth: number; hostileWeight: number }): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(node.properties ?? {});
  const required = new Set(node.required ?? []);
  const fields = properties.map(([name, property]) =>
    fc.oneof({ arbitrary: arbitraryOf(property, next).map((value) => [name, value] as const), weight: required.has(name) ? 8 : 3 }, { arbitrary: fc.constant(null), weight: required.has(name) ? 1 : 3 }),
  );
  const unknown = fc.option(fc.tuple(fc.constantFrom("unknownField", "__proto__", "constructor", "claimedAmount"), hostile), { freq: 4 });
  return fc.tuple(fc.tuple(...fields), unknown).map(([entries, extra]) => {
    const value: Record<string, unknown> = {};
    for (const entry of entries) if (entry) Object.defineProperty(value, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
    if (extra) Object.defineProperty(value, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return value;
  });
}

/** The top-level field names of an object schema (what an error's `field` may start with). */
export function topLevelFields(node: JsonSchema): string[] {
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  return [...new Set([...Object.keys(node.properties ?? {}), ...alternatives.flatMap(topLevelFields)])];
}

/** The root segment of a JSON path (`lines[0].lineNo` → `lines`). */
export function rootOf(field: string): string {
  return field.split(/[.[]/)[0]!;
}

type Path = (string | number)[];

function leavesOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return [path, ...value.flatMap((item, index) => leavesOf(item, [...path, index]))];
  if (value && typeof value === "object") return [...(path.length > 0 ? [path] : []), ...Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]))];
  return [path];
}

function mutateAt(value: unknown, path: Path, action: "replace" | "delete" | "wrap", replacement: unknown): unknown {
  if (path.length === 0) return action === "wrap" ? [value] : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])];
    if (rest.length === 0 && action === "delete") copy.splice(Number(head), 1);
    else copy[Number(head)] = mutateAt(copy[Number(head)], rest, action, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && action === "delete") delete copy[String(head)];
  else copy[String(head)] = mutateAt(copy[String(head)], rest, action, replacement);
  return copy;
}

/**
 * A valid value (an operation's example) with one field made hostile, removed, or wrapped in an array:
 * the request passes everything else and reaches the use case with that one bad field.
 */
export function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  const paths = leavesOf(example);
  if (paths.length === 0) paths.push([]);
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom("replace", "replace", "replace", "delete", "wrap") as fc.Arbitrary<"replace" | "delete" | "wrap">, fc.constantFrom(...HOSTILE_VALUES)).map(([path, action, replacement]) => mutateAt(example, path, action, replacement));
}
