import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { forgotPasswordSchema, resetPasswordSchema, signInSchema } from "./schemas";

const fieldErrors = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : AppError.fromZod(result.error as never).fieldErrors;

describe("signInSchema", () => {
  it("normalises the e-mail (trimmed, lower-case)", () => {
    expect(signInSchema.parse({ email: "  Admin@Martin.EXAMPLE ", password: "accord-demo" })).toEqual({
      email: "admin@martin.example",
      password: "accord-demo",
    });
  });

  it("accepts an existing password shorter than a new one must be", () => {
    expect(signInSchema.safeParse({ email: "a@b.fr", password: "short" }).success).toBe(true);
  });

  it("names missing, malformed and too long fields with message keys", () => {
    expect(fieldErrors(signInSchema.safeParse({}))).toEqual({ email: ["validation.required"], password: ["validation.required"] });
    expect(fieldErrors(signInSchema.safeParse({ email: "   ", password: "" }))).toEqual({
      email: ["validation.required"],
      password: ["validation.required"],
    });
    expect(fieldErrors(signInSchema.safeParse({ email: "martin.example", password: "x" }))).toEqual({ email: ["validation.email"] });
    expect(fieldErrors(signInSchema.safeParse({ email: `${"a".repeat(250)}@b.fr`, password: "x".repeat(1025) }))).toEqual({
      email: ["validation.tooLong"],
      password: ["validation.tooLong"],
    });
  });
});

describe("forgotPasswordSchema", () => {
  it("wants a valid e-mail", () => {
    expect(fieldErrors(forgotPasswordSchema.safeParse({ email: "nope" }))).toEqual({ email: ["validation.email"] });
    expect(forgotPasswordSchema.parse({ email: "Compta@Martin.example" })).toEqual({ email: "compta@martin.example" });
  });
});

describe("resetPasswordSchema", () => {
  const valid = { token: "abc", password: "twelve chars!", confirm: "twelve chars!" };
  it("accepts 12 to 1024 characters, confirmed", () => {
    expect(resetPasswordSchema.safeParse(valid).success).toBe(true);
    // 1,024 characters that are not one letter repeated (a repeated unit is a guessable password).
    const longest = Array.from({ length: 1024 }, (_, i) => "abcdefghijklmnopqrstuvwxyz"[(i * 7 + Math.floor(i / 26)) % 26]).join("");
    expect(resetPasswordSchema.safeParse({ ...valid, password: longest, confirm: longest }).success).toBe(true);
  });
  it("refuses one of the 10,000 most common passwords, whatever its case", () => {
    expect(fieldErrors(resetPasswordSchema.safeParse({ ...valid, password: "BusinessBabe", confirm: "BusinessBabe" }))).toEqual({
      password: ["validation.passwordTooCommon"],
    });
    expect(resetPasswordSchema.safeParse({ ...valid, password: "busy-babe-business", confirm: "busy-babe-business" }).success).toBe(true);
  });
  it("refuses a short, a too long or an unconfirmed password", () => {
    expect(fieldErrors(resetPasswordSchema.safeParse({ ...valid, password: "elevenchars", confirm: "elevenchars" }))).toEqual({
      password: ["validation.passwordTooShort"],
    });
    expect(fieldErrors(resetPasswordSchema.safeParse({ ...valid, password: "x".repeat(1025), confirm: "x".repeat(1025) }))).toEqual({
      password: ["validation.tooLong"],
    });
    expect(fieldErrors(resetPasswordSchema.safeParse({ ...valid, confirm: "twelve chars?" }))).toEqual({
      confirm: ["validation.passwordMismatch"],
    });
    expect(fieldErrors(resetPasswordSchema.safeParse({ ...valid, confirm: "" }))).toEqual({ confirm: ["validation.required"] });
  });
});

describe("resetPasswordSchema, empty fields", () => {
  it("says only `required` for an empty password", () => {
    expect(fieldErrors(resetPasswordSchema.safeParse({ token: "abc", password: "", confirm: "" }))).toEqual({
      password: ["validation.required"],
      confirm: ["validation.required"],
    });
  });
});
