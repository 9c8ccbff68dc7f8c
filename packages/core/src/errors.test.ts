import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError, isAppError, parseInput } from "./errors";

describe("AppError", () => {
  it("defaults its message key to error.<code>", () => {
    const error = new AppError("not_found");
    expect(error).toMatchObject({ code: "not_found", messageKey: "error.not_found", params: {}, fieldErrors: undefined });
    expect(isAppError(error)).toBe(true);
    expect(isAppError(new Error("x"))).toBe(false);
  });

  it("carries params for the translated message", () => {
    expect(new AppError("rate_limited", { messageKey: "auth.rateLimited", params: { minutes: 3 } })).toMatchObject({
      messageKey: "auth.rateLimited",
      params: { minutes: 3 },
    });
  });

  it("turns a zod failure into field errors (message keys, nested paths dotted)", () => {
    const schema = z.object({ email: z.string().min(1, "validation.required"), lines: z.array(z.object({ qty: z.number().positive("validation.positive") })) });
    const result = schema.safeParse({ email: "", lines: [{ qty: -1 }] });
    expect(result.success).toBe(false);
    const error = AppError.fromZod(result.error!);
    expect(error).toMatchObject({
      code: "validation",
      messageKey: "error.validation",
      fieldErrors: { email: ["validation.required"], "lines.0.qty": ["validation.positive"] },
    });
  });
});

describe("parseInput", () => {
  const schema = z.object({ name: z.string().trim().min(1, "validation.required"), count: z.coerce.number().int() });

  it("gives the schema's output (trimmed, coerced): what a use case takes", () => {
    expect(parseInput(schema, { name: "  Lot 12 ", count: "3" })).toEqual({ name: "Lot 12", count: 3 });
  });

  it("refuses bad input with an AppError carrying the schema's message keys per field", () => {
    expect(() => parseInput(schema, { name: " ", count: "2" })).toThrow(AppError);
    try {
      parseInput(schema, { name: " ", count: "2" });
    } catch (error) {
      expect(error).toMatchObject({ code: "validation", fieldErrors: { name: ["validation.required"] } });
    }
  });
});
