/** The inputs of the corrective actions and proactive notices, shared by the forms and the use cases. */
import { isIsoDate } from "@accord/domain";
import { z } from "zod";
import { idList } from "../instruction/post-staff-reply";
import { caseReferenceSchema } from "../instruction/staff-case";
import { singleLine } from "../single-line";

const required = (max: number) => z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");

export const addCorrectiveActionSchema = z.object({
  reference: caseReferenceSchema,
  title: singleLine(required(300)),
  description: z.preprocess((v) => (v === null ? undefined : v), z.string().trim().max(5000, "validation.tooLong").optional().default("")),
  ownerId: z.uuid({ error: "correctiveActions.error.owner" }),
  dueDate: z.string({ error: "casePage.validation.date" }).refine(isIsoDate, "casePage.validation.date"),
});
export type AddCorrectiveActionInput = z.output<typeof addCorrectiveActionSchema>;

/** One action of the case (complete, reopen). */
export const correctiveActionTargetSchema = z.object({ reference: caseReferenceSchema, actionId: z.uuid("validation.invalid") });
export type CorrectiveActionTargetInput = z.output<typeof correctiveActionTargetSchema>;

export const waiveCorrectiveActionSchema = correctiveActionTargetSchema.extend({ reason: required(2000) });
export type WaiveCorrectiveActionInput = z.output<typeof waiveCorrectiveActionSchema>;

export const listOpenCorrectiveActionsSchema = z.object({
  /** "mine": the actions the signed-in staff member owns. */
  scope: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(["all", "mine"]).optional().default("all")),
});
export type ListOpenCorrectiveActionsInput = z.output<typeof listOpenCorrectiveActionsSchema>;

export const sendProactiveNoticeSchema = z
  .object({
    reference: caseReferenceSchema,
    lot: singleLine(required(100)),
    accountIds: idList,
    message: required(5000),
  })
  .refine((v) => v.accountIds.length > 0, { path: ["accountIds"], message: "correctiveActions.proactive.error.noAccount" });
export type SendProactiveNoticeInput = z.output<typeof sendProactiveNoticeSchema>;
