import { JUDGMENT_RULINGS, LITIGATION_LIMITS, RECORDABLE_STEP_KINDS } from "@accord/domain";
import { z } from "zod";
import { checkbox } from "../admin/schemas";
import { caseReferenceSchema } from "../instruction/staff-case";
import { idList } from "../instruction/post-staff-reply";
import { amountSchema, isoDayField, optionalAmountSchema } from "../settlement/schemas";

/**
 * The litigation's form fields (back-office "Contentieux"). Messages are catalogue keys `litigation.error.*`
 * (packages/ui/src/locales/litigation.ts), amounts and dates reuse the settlement's parsers.
 */
const key = (name: string) => `litigation.error.${name}`;
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const requiredText = (max: number, required: string) =>
  z.preprocess(blankToUndefined, z.string({ error: required }).trim().min(1, required).max(max, { error: key("too_long") }));
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { error: key("too_long") }).optional());
/** At most one document per step: the file uploaded with the form. */
const documentField = idList.pipe(z.array(z.string()).max(1, key("one_document")));

export const handOverToLegalSchema = z.object({
  reference: caseReferenceSchema,
  reason: requiredText(LITIGATION_LIMITS.reason, key("reason_required")),
  amountAtStake: amountSchema,
});
export type HandOverToLegalInput = z.output<typeof handOverToLegalSchema>;

export const recordLegalStepSchema = z.object({
  reference: caseReferenceSchema,
  kind: z.enum(RECORDABLE_STEP_KINDS, { error: key("kind_required") }),
  date: isoDayField(key("date_required")),
  notes: optionalText(LITIGATION_LIMITS.notes),
  shared: checkbox,
  uploadIds: documentField,
});
export type RecordLegalStepInput = z.output<typeof recordLegalStepSchema>;

export const recordLegalCostSchema = z.object({
  reference: caseReferenceSchema,
  amount: amountSchema,
  label: requiredText(LITIGATION_LIMITS.label, key("label_required")),
  date: isoDayField(key("date_required")),
});
export type RecordLegalCostInput = z.output<typeof recordLegalCostSchema>;

export const recordJudgmentSchema = z.object({
  reference: caseReferenceSchema,
  date: isoDayField(key("judgment_date_required")),
  ruling: z.enum(JUDGMENT_RULINGS, { error: key("ruling_required") }),
  granted: optionalAmountSchema,
  owed: optionalAmountSchema,
  notes: optionalText(LITIGATION_LIMITS.notes),
  shared: checkbox,
  uploadIds: documentField,
});
export type RecordJudgmentInput = z.output<typeof recordJudgmentSchema>;

export const settleOutOfCourtSchema = z.object({
  reference: caseReferenceSchema,
  amount: optionalAmountSchema,
  terms: requiredText(LITIGATION_LIMITS.terms, key("terms_required")),
});
export type SettleOutOfCourtInput = z.output<typeof settleOutOfCourtSchema>;
