import { CASE_TYPES } from "@accord/domain";
import { z } from "zod";
import { RESPONSE_PLACEHOLDERS } from "../instruction/render-response-template";
import { checkbox, optionalChoice, requiredLongText, requiredText } from "./schemas";

const lines = (value: string | undefined) =>
  (value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/**
 * A checklist template: a name, a case type (empty = any), and its tasks in order, one title per
 * line in French and the same number of lines in English.
 */
export const checklistTemplateSchema = z
  .object({
    name: requiredText(120),
    caseType: optionalChoice(CASE_TYPES),
    itemsFr: z.string({ error: "validation.required" }).transform(lines),
    itemsEn: z.string({ error: "validation.required" }).transform(lines),
    active: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.itemsFr.length === 0) ctx.addIssue({ code: "custom", path: ["itemsFr"], message: "admin.checklists.errors.noItems" });
    if (value.itemsFr.some((line) => line.length > 200) || value.itemsEn.some((line) => line.length > 200)) ctx.addIssue({ code: "custom", path: ["itemsFr"], message: "validation.tooLong" });
    if (value.itemsEn.length !== value.itemsFr.length) ctx.addIssue({ code: "custom", path: ["itemsEn"], message: "admin.checklists.errors.sameCount" });
  });
export type ChecklistTemplateInput = z.output<typeof checklistTemplateSchema>;

/** Placeholders a body uses that are not allowed (`{{ name }}` with spaces allowed). */
export function unknownPlaceholders(body: string): string[] {
  const used = [...body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((match) => match[1] ?? "");
  return [...new Set(used.filter((name) => !(RESPONSE_PLACEHOLDERS as readonly string[]).includes(name)))];
}

/** A response template: a name, a case type (empty = any), a body in French and in English with the allowed placeholders only. */
export const responseTemplateSchema = z
  .object({
    name: requiredText(120),
    caseType: optionalChoice(CASE_TYPES),
    bodyFr: requiredLongText(10_000),
    bodyEn: requiredLongText(10_000),
    active: checkbox,
  })
  .superRefine((value, ctx) => {
    for (const field of ["bodyFr", "bodyEn"] as const) {
      if (unknownPlaceholders(value[field]).length > 0) ctx.addIssue({ code: "custom", path: [field], message: "admin.responses.errors.unknownPlaceholder" });
    }
  });
export type ResponseTemplateInput = z.output<typeof responseTemplateSchema>;
