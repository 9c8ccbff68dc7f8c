import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { arbitraryOf, HOSTILE_STRINGS, inputJsonSchema, mutationsOf, rootOf } from "./zod-arbitrary";

const schema = z.strictObject({
  title: z.string().max(10),
  amountCents: z.number().int().min(0),
  on: z.iso.date().optional(),
  kind: z.enum(["a", "b"]),
  lines: z.array(z.strictObject({ id: z.uuid() })).min(1),
});

describe("zod → fast-check arbitraries", () => {
  it("without hostility, produces values the schema accepts (now and then)", () => {
    const node = inputJsonSchema(schema);
    const values = fc.sample(arbitraryOf(node, { hostileWeight: 0 }), { seed: 1, numRuns: 200 });
    expect(values.some((value) => schema.safeParse(value).success)).toBe(true);
  });

  it("produces hostile values too: refused ones, control characters, huge strings, wrong types, missing and unknown fields", () => {
    const node = inputJsonSchema(schema);
    const values = fc.sample(arbitraryOf(node), { seed: 2, numRuns: 300 });
    const text = values.map((value) => JSON.stringify(value) ?? "");
    expect(values.some((value) => !schema.safeParse(value).success)).toBe(true);
    expect(text.some((t) => t.includes("\\u0000"))).toBe(true);
    expect(text.some((t) => t.length > 100_000)).toBe(true);
    expect(values.some((value) => typeof value !== "object" || value === null || Array.isArray(value))).toBe(true);
    const objects = values.filter((value): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value));
    expect(objects.some((value) => !("title" in value))).toBe(true);
    expect(objects.some((value) => Object.keys(value).some((key) => !["title", "amountCents", "on", "kind", "lines"].includes(key)))).toBe(true);
    expect(HOSTILE_STRINGS).toContain("2026-02-31");
  });

  it("follows the $refs of schemas with an id", () => {
    const node = inputJsonSchema(z.strictObject({ line: schema.meta({ id: "Line" }) }).meta({ id: "Body" }));
    expect(Object.keys(node.properties ?? {})).toEqual(["line"]);
    expect(Object.keys(node.properties!.line!.properties ?? {})).toContain("title");
  });

  it("mutates one field of a valid example at a time, leaving the example itself untouched", () => {
    const example = { title: "ok", amountCents: 1, kind: "a", lines: [{ id: "3f1c1b8e-3d7e-4c55-9a53-2d6f0e1f5a10" }] };
    const frozen = structuredClone(example);
    const values = fc.sample(mutationsOf(example), { seed: 3, numRuns: 200 }) as Record<string, unknown>[];
    expect(example).toEqual(frozen);
    expect(values.some((value) => !("title" in value))).toBe(true);
    expect(values.some((value) => Array.isArray(value.amountCents))).toBe(true);
    expect(values.some((value) => JSON.stringify(value).includes("\\u0000"))).toBe(true);
    expect(values.filter((value) => schema.safeParse(value).success).length).toBeLessThan(values.length);
  });

  it("names a field's root from its JSON path", () => {
    expect(rootOf("lines[0].lineNo")).toBe("lines");
    expect(rootOf("quality.product")).toBe("quality");
    expect(rootOf("title")).toBe("title");
  });
});
