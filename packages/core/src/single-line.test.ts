import { describe, expect, it } from "vitest";
import { z } from "zod";
import { customerAccountSchema } from "./admin/customer-account-input";
import { kbArticleSchema } from "./admin/kb-article-input";
import { teamSchema } from "./admin/staff-input";
import { saveQueueViewSchema } from "./cases/save-queue-view";
import { claimSchema, formFieldName } from "./claims/schemas";
import { personNameSchema } from "./customers/company-users";
import { addTaskSchema } from "./instruction/add-task";
import { isSingleLine, singleLine, SINGLE_LINE_MESSAGE } from "./single-line";

/** The messages of one field after a parse (conform's dotted names). */
function messagesOf(schema: z.ZodType, input: unknown, field: string): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((issue) => formFieldName(issue.path) === field).map((issue) => issue.message);
}

describe("singleLine", () => {
  it("refuses CR, LF, tab, NUL, DEL, C1 controls and Unicode line separators; keeps accents, spaces and punctuation", () => {
    for (const bad of ["Acme\r\nBcc: x@evil.example", "Acme\nSAS", "a\tb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\u2029b"]) {
      expect(isSingleLine(bad)).toBe(false);
    }
    expect(isSingleLine("Boulangerie L'Épi d'Or — 12 rue « Pasteur », n° 3")).toBe(true);
  });

  it("refuses bidirectional overrides and isolates, and keeps emoji sequences joined by a zero-width joiner", () => {
    for (const bad of ["\u202Eevil.exe\u202Cpdf", "a\u202Ab", "a\u2066b\u2069"]) expect(isSingleLine(bad)).toBe(false);
    expect(isSingleLine("Équipe 👩‍👩‍👧‍👦 🇫🇷")).toBe(true);
  });

  it("a claim's title of invisible characters only is missing, not filed", () => {
    expect(messagesOf(claimSchema, { type: "other", title: "\u200B\u200D\uFEFF", description: "x", desiredOutcome: "credit_note" }, "title")).toEqual(["claim.error.required"]);
    expect(messagesOf(claimSchema, { type: "other", title: "Titre\u200B", description: "\u2060 ", desiredOutcome: "credit_note" }, "description")).toEqual(["claim.error.required"]);
  });

  it("adds the translated message to the field, after its own rules (trimmed first)", () => {
    const schema = z.object({ name: singleLine(z.string().trim().min(1, "validation.required")) });
    expect(schema.parse({ name: "  Acme \n" })).toEqual({ name: "Acme" });
    expect(messagesOf(schema, { name: "Ac\r\nme" }, "name")).toEqual([SINGLE_LINE_MESSAGE]);
  });
});

describe("every one-line field refuses control characters, next to the field", () => {
  const crlf = "Acme\r\nBcc: x@evil.example";
  const account = { name: "Acme", tier: "standard", language: "fr", paymentTermKind: "net", paymentTermDays: "30" };

  it.each([
    ["an account's name (it reaches e-mail subjects)", customerAccountSchema, { ...account, name: crlf }, "name"],
    ["an account's ERP code", customerAccountSchema, { ...account, erpCode: crlf }, "erpCode"],
    ["a team's name", teamSchema, { code: "q", name: crlf }, "name"],
    ["a person's name", z.object({ name: personNameSchema }), { name: crlf }, "name"],
    ["a help article's title", kbArticleSchema, { slug: "a", titleFr: crlf, titleEn: "T", bodyFr: "B", bodyEn: "B" }, "titleFr"],
    ["a saved view's name", saveQueueViewSchema, { name: crlf }, "name"],
    ["a task's title", addTaskSchema, { reference: "LIT-2026-000001", title: crlf }, "title"],
    ["a claim's title", claimSchema, { type: "other", title: crlf, description: "x", desiredOutcome: "credit_note" }, "title"],
  ] as const)("%s", (_name, schema, input, field) => {
    expect(messagesOf(schema, input, field)).toContain(SINGLE_LINE_MESSAGE);
  });

  it("texts of several lines keep their line breaks (an article's body, a claim's description)", () => {
    expect(messagesOf(kbArticleSchema, { slug: "a", titleFr: "T", titleEn: "T", bodyFr: "Un\nDeux", bodyEn: "One\r\nTwo" }, "bodyFr")).toEqual([]);
    expect(messagesOf(kbArticleSchema, { slug: "a", titleFr: "T", titleEn: "T", bodyFr: "Un\nDeux", bodyEn: "One\r\nTwo" }, "bodyEn")).toEqual([]);
    expect(messagesOf(claimSchema, { type: "other", title: "T", description: "Un\nDeux", desiredOutcome: "credit_note" }, "description")).toEqual([]);
  });
});
