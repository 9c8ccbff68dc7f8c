import { CASE_TYPES } from "@accord/domain";
import { z } from "zod";
import { singleLine } from "../single-line";
import { normaliseReasonCode } from "../channels/resolve-reason-code";

/** Limits of the key and reason-code forms (shared by the pages' `maxLength`). */
export const KEY_LIMITS = { name: 100, reasonCode: 40, reasonLabel: 200 } as const;

const keyNameSchema = singleLine(z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(KEY_LIMITS.name, "validation.tooLong"));
const idSchema = z.string({ error: "error.not_found" }).trim();

/**
 * A new customer API key: its name and, optionally, the user it acts as (a customer admin's key acts
 * as themselves when none is chosen; staff must choose one of the account's active admins or members).
 */
export const createApiKeySchema = z.object({
  name: keyNameSchema,
  actingUserId: z.string().trim().transform((v) => (v === "" ? undefined : v)).optional(),
});
export type CreateApiKeyInput = z.output<typeof createApiKeySchema>;

/** The key a revocation names (customer API key or integration key). */
export const keyTargetSchema = z.object({ keyId: idSchema });
export type KeyTargetInput = z.output<typeof keyTargetSchema>;

export const createIntegrationKeySchema = z.object({ name: keyNameSchema });
export type CreateIntegrationKeyInput = z.output<typeof createIntegrationKeySchema>;

/** A company's reason code → our claim type (+ its own label). Codes are stored trimmed and upper-cased. */
export const reasonCodeSchema = z.object({
  code: singleLine(z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(KEY_LIMITS.reasonCode, "validation.tooLong")).transform(normaliseReasonCode),
  caseType: z.enum(CASE_TYPES, { error: "keys.error.caseTypeRequired" }),
  label: singleLine(z.string().trim().max(KEY_LIMITS.reasonLabel, "validation.tooLong")).optional().transform((v) => v ?? ""),
});
export type ReasonCodeInput = z.output<typeof reasonCodeSchema>;

/** A change of one mapping (its code may change too, within its scope). */
export const changeReasonCodeSchema = reasonCodeSchema.extend({ id: idSchema });
export type ChangeReasonCodeInput = z.output<typeof changeReasonCodeSchema>;

export const reasonCodeTargetSchema = z.object({ id: idSchema });
export type ReasonCodeTargetInput = z.output<typeof reasonCodeTargetSchema>;
