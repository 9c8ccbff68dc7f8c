import { fail } from "../errors/errors";

/**
 * Canonical JSON: one text for one value, so its hash is stable.
 *
 * - Object keys sorted by UTF-16 code units (as RFC 8785 does), no spaces.
 * - Strings escaped as `JSON.stringify` escapes them (lone surrogates as `\udxxx`).
 * - Numbers: safe integers only (money is in cents); floats, NaN, ±Infinity
 *   and bigints are refused, so no floating-point formatting is ever hashed.
 *   `-0` is written `0`.
 * - A `Date` is written as its ISO string (`"2026-03-02T09:00:00.000Z"`).
 * - A property whose value is `undefined` is dropped (an absent optional
 *   field and an undefined one hash the same); `undefined` inside an array,
 *   or as the whole value, is refused.
 * - Functions, symbols, cycles and objects other than plain objects, arrays
 *   and dates (Map, Set, class instances, typed arrays) are refused.
 *
 * Refusals throw `non_canonical_value` naming the path (`value.payload.amount`).
 */
export function canonicalJson(value: unknown): string {
  return write(value, "value", new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isSafeInteger(value)) fail("non_canonical_value", path, { reason: "not_a_safe_integer", value: String(value) });
      return String(value);
    case "object":
      return writeObject(value, path, ancestors);
    default:
      return fail("non_canonical_value", path, { reason: `unsupported_${typeof value}` });
  }
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail("non_canonical_value", path, { reason: "invalid_date" });
    return JSON.stringify(value.toISOString());
  }
  if (ancestors.has(value)) fail("non_canonical_value", path, { reason: "cycle" });
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, index) => {
        if (item === undefined) fail("non_canonical_value", `${path}[${index}]`, { reason: "undefined_in_array" });
        return write(item, `${path}[${index}]`, ancestors);
      });
      return `[${items.join(",")}]`;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) fail("non_canonical_value", path, { reason: "not_a_plain_object" });
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(",")}}`;
  } finally {
    ancestors.delete(value);
  }
}
