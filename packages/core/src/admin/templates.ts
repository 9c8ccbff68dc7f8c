import { checklistTemplates, responseTemplates, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { CASE_TYPES } from "@accord/domain";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { RESPONSE_PLACEHOLDERS } from "../instruction/render-response-template";
import { checkbox, idSchema, optionalChoice, requiredText } from "./schemas";

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
export type ChecklistTemplateInput = z.input<typeof checklistTemplateSchema>;

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
    bodyFr: requiredText(10_000),
    bodyEn: requiredText(10_000),
    active: checkbox,
  })
  .superRefine((value, ctx) => {
    for (const field of ["bodyFr", "bodyEn"] as const) {
      if (unknownPlaceholders(value[field]).length > 0) ctx.addIssue({ code: "custom", path: [field], message: "admin.responses.errors.unknownPlaceholder" });
    }
  });
export type ResponseTemplateInput = z.input<typeof responseTemplateSchema>;

export async function listTemplates({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  const checklists = await db.select().from(checklistTemplates).orderBy(asc(checklistTemplates.name));
  const responses = await db.select().from(responseTemplates).orderBy(asc(responseTemplates.name));
  return { checklists, responses };
}

/** An admin writes (id null) or edits a checklist template. */
export async function saveChecklistTemplate({ db, actor, templateId, input, now }: { db: Db; actor: Actor | null; templateId: string | null; input: ChecklistTemplateInput; now: Date }): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = templateId === null ? null : idSchema.safeParse(templateId);
  if (id && !id.success) throw new AppError("not_found");
  const parsed = checklistTemplateSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const { name, caseType, active, itemsFr, itemsEn } = parsed.data;
  const items = itemsFr.map((titleFr, i) => ({ titleFr, titleEn: itemsEn[i]! }));
  return db.transaction(async (tx) => {
    let savedId: string;
    if (id?.success) {
      const updated = await tx.update(checklistTemplates).set({ name, caseType, active, items, updatedAt: now }).where(eq(checklistTemplates.id, id.data)).returning({ id: checklistTemplates.id });
      if (updated.length === 0) throw new AppError("not_found");
      savedId = id.data;
    } else {
      const [row] = await tx.insert(checklistTemplates).values({ name, caseType, active, items, createdAt: now, updatedAt: now }).returning({ id: checklistTemplates.id });
      savedId = row!.id;
    }
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: id ? "checklist_template_updated" : "checklist_template_created", payload: { templateId: savedId, name, caseType, active, items } });
    return { id: savedId };
  });
}

/** An admin writes (id null) or edits a response template. */
export async function saveResponseTemplate({ db, actor, templateId, input, now }: { db: Db; actor: Actor | null; templateId: string | null; input: ResponseTemplateInput; now: Date }): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = templateId === null ? null : idSchema.safeParse(templateId);
  if (id && !id.success) throw new AppError("not_found");
  const parsed = responseTemplateSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const values = parsed.data;
  return db.transaction(async (tx) => {
    let savedId: string;
    if (id?.success) {
      const updated = await tx.update(responseTemplates).set({ ...values, updatedAt: now }).where(eq(responseTemplates.id, id.data)).returning({ id: responseTemplates.id });
      if (updated.length === 0) throw new AppError("not_found");
      savedId = id.data;
    } else {
      const [row] = await tx.insert(responseTemplates).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: responseTemplates.id });
      savedId = row!.id;
    }
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: id ? "response_template_updated" : "response_template_created", payload: { templateId: savedId, name: values.name, caseType: values.caseType, active: values.active } });
    return { id: savedId };
  });
}
