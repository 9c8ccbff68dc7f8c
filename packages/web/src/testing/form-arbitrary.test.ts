import * as core from "@accord/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { $ZodType } from "zod/v4/core";
import { parseForm } from "../forms";
import { formArbitrary, toFormData } from "./form-arbitrary";

const t = (key: string) => key;

/** Every input schema core exports (`…Schema`), the ones the forms and the API parse with. */
const SCHEMAS = Object.entries(core as Record<string, unknown>).filter(
  (entry): entry is [string, $ZodType] => entry[0].endsWith("Schema") && typeof entry[1] === "object" && entry[1] !== null && "_zod" in entry[1],
);

/** The status of a response thrown by the form's bounds (a 400/413 before any schema), or null. */
function refusedStatus(error: unknown): number | null {
  const status = (error as { init?: { status?: number } } | null)?.init?.status;
  return typeof status === "number" ? status : null;
}

describe("generated bad input against every input schema", () => {
  it("finds the schemas", () => {
    expect(SCHEMAS.length).toBeGreaterThan(30);
  });

  it.each(SCHEMAS)("%s: parsing never throws anything but a 4xx, and every refusal names a field it was sent or the form", (_name, schema) => {
    fc.assert(
      fc.property(formArbitrary(schema), (entries) => {
        let submission: ReturnType<typeof parseForm>;
        try {
          submission = parseForm(toFormData(entries), schema, t);
        } catch (error) {
          const status = refusedStatus(error);
          expect(status, String(error)).not.toBeNull();
          expect(status).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
          return;
        }
        if (submission.status === "success") return;
        for (const [field, messages] of Object.entries(submission.error ?? {})) {
          // A message key, translated by the apps: never an empty message nor zod's English default.
          for (const message of messages ?? []) expect(message).toMatch(/^[a-zA-Z]+(\.[a-zA-Z_]+)+$/);
          if (field !== "") expect(typeof field).toBe("string");
        }
      }),
      { numRuns: 40 },
    );
  });
});
