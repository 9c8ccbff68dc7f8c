import { claimSchema, forgotPasswordSchema, PASSWORD_MIN_LENGTH, resetPasswordSchema, signInSchema } from "@accord/core";
import { describe, expect, it } from "vitest";
import { sharedMessages } from "@accord/ui/locales";
import { parseForm } from "./forms";

const t = (key: string) => key;

/** The field errors of a refused submission (none when it was accepted). */
function errorsOf(submission: object): Record<string, string[] | null> | null | undefined {
  return "error" in submission ? (submission.error as Record<string, string[] | null> | null) : undefined;
}

function form(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.set(name, value);
  return formData;
}

describe("sign-in form", () => {
  it("accepts an e-mail and a password", () => {
    const submission = parseForm(form({ email: " Admin@Martin.example ", password: "accord-demo" }), signInSchema, t);
    expect(submission.status).toBe("success");
  });

  it("says which field is missing, next to it", () => {
    const submission = parseForm(form({ email: "", password: "" }), signInSchema, t);
    expect(errorsOf(submission)).toEqual({ email: ["validation.required"], password: ["validation.required"] });
  });

  it("refuses an invalid e-mail", () => {
    expect(errorsOf(parseForm(form({ email: "not-an-email", password: "x" }), signInSchema, t))?.email).toEqual(["validation.email"]);
  });

  it("refuses an e-mail longer than 254 characters and a password longer than 1024", () => {
    const submission = parseForm(form({ email: `${"a".repeat(250)}@x.example`, password: "x".repeat(1025) }), signInSchema, t);
    expect(errorsOf(submission)?.email).toEqual(["validation.tooLong"]);
    expect(errorsOf(submission)?.password).toEqual(["validation.tooLong"]);
  });

  it("keeps what was typed, except the password", () => {
    const submission = parseForm(form({ email: "a@b.example", password: "" }), signInSchema, t);
    const reply = submission.reply({ hideFields: ["password"] });
    expect(reply.initialValue).toEqual({ email: "a@b.example" });
  });
});

describe("forgot-password form", () => {
  it("requires an e-mail", () => {
    expect(errorsOf(parseForm(form({}), forgotPasswordSchema, t))).toEqual({ email: ["validation.required"] });
  });
});

describe("reset-password form", () => {
  it("requires the minimum length, and the catalogue states the same minimum", () => {
    const submission = parseForm(form({ token: "t", password: "short", confirm: "short" }), resetPasswordSchema, t);
    expect(errorsOf(submission)?.password).toEqual(["validation.passwordTooShort"]);
    expect(sharedMessages.fr.validation).toBeDefined();
    const frMessage = (sharedMessages.fr.validation as Record<string, string>).passwordTooShort;
    const enMessage = (sharedMessages.en.validation as Record<string, string>).passwordTooShort;
    expect(frMessage).toContain(String(PASSWORD_MIN_LENGTH));
    expect(enMessage).toContain(String(PASSWORD_MIN_LENGTH));
  });

  it("puts a mismatch next to the confirmation", () => {
    const submission = parseForm(form({ token: "t", password: "long-enough-password", confirm: "another-password" }), resetPasswordSchema, t);
    expect(errorsOf(submission)?.confirm).toEqual(["validation.passwordMismatch"]);
  });
});

describe("claim form", () => {
  it("fills the placeholders of a custom message (the number of decimals allowed)", () => {
    const translate = (key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`;
    const submission = parseForm(
      form({ title: "t", description: "d", type: "other", desiredOutcome: "credit_note", "lines[0].invoiceLineId": "3f0e0000-0000-4000-8000-000000000000", "lines[0].contestedQuantity": "1,23456" }),
      claimSchema,
      translate,
    );
    const errors = errorsOf(submission)?.["lines[0].contestedQuantity"];
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(/too_many_decimals/);
    expect(errors?.[0]).toContain('"decimals":3');
  });
});
