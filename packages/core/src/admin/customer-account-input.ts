import { customerAccounts, type ContractClauses, type PaymentTerm, type Tx } from "@accord/db";
import { CUSTOMER_TIERS } from "@accord/domain";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import { checkbox, optionalText, optionalWholeNumber, requiredText, wholeNumber } from "./schemas";

export const PAYMENT_TERM_KINDS = ["net", "end_of_month", "end_of_month_plus"] as const;
export const MEDIATORS = ["internal", "mediateur_des_entreprises"] as const;

/** A penalty rate typed in percent ("10,5") → basis points (1050). */
const percentAsBasisPoints = z
  .union([
    z.literal(""),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}([.,]\d{1,2})?$/, "admin.errors.percentFormat")
      .transform((value) => Math.round(Number(value.replace(",", ".")) * 100))
      .refine((bp) => bp <= 10_000, "admin.errors.outOfRange"),
  ])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

/**
 * The customer account form: identity (name, SIREN 9 digits, VAT id, ERP code), tier, language,
 * payment term (kind + days) and contract clauses (claim deadline, late-payment penalty, mediation).
 */
export const customerAccountSchema = z
  .object({
    name: requiredText(200),
    siren: z
      .string()
      .optional()
      .transform((value) => (value ?? "").replace(/\s/g, ""))
      .refine((value) => value === "" || /^\d{9}$/.test(value), "admin.accounts.errors.siren")
      .transform((value) => value || null),
    vatId: z
      .string()
      .optional()
      .transform((value) => (value ?? "").replace(/\s/g, "").toUpperCase())
      .refine((value) => value === "" || /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(value), "admin.accounts.errors.vatId")
      .transform((value) => value || null),
    erpCode: optionalText(60),
    tier: z.enum(CUSTOMER_TIERS, { error: "validation.invalid" }),
    language: z.enum(["fr", "en"], { error: "validation.invalid" }),
    paymentTermKind: z.enum(PAYMENT_TERM_KINDS, { error: "validation.invalid" }),
    paymentTermDays: wholeNumber(0, 120),
    claimDeadlineDays: optionalWholeNumber(1, 3650),
    penaltyApplies: checkbox,
    penaltyRate: percentAsBasisPoints,
    mediationApplies: checkbox,
    mediator: z
      .union([z.literal(""), z.enum(MEDIATORS, { error: "validation.invalid" })])
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((value, ctx) => {
    if (value.penaltyApplies && value.penaltyRate === null) ctx.addIssue({ code: "custom", path: ["penaltyRate"], message: "admin.accounts.errors.penaltyRateRequired" });
    if (value.mediationApplies && value.mediator === null) ctx.addIssue({ code: "custom", path: ["mediator"], message: "admin.accounts.errors.mediatorRequired" });
  });
export type CustomerAccountInput = z.output<typeof customerAccountSchema>;
export type CustomerAccountValues = z.output<typeof customerAccountSchema>;

export function accountColumns(values: CustomerAccountValues, previous?: ContractClauses) {
  const paymentTerm: PaymentTerm = { kind: values.paymentTermKind, days: values.paymentTermDays };
  const clauses: ContractClauses = {
    ...(previous ?? {}),
    claimDeadlineDays: values.claimDeadlineDays,
    penalty: { applies: values.penaltyApplies, rateBasisPoints: values.penaltyApplies ? values.penaltyRate : null },
    mediation: { applies: values.mediationApplies, mediator: values.mediationApplies ? values.mediator : null },
  };
  return { name: values.name, siren: values.siren, vatId: values.vatId, erpCode: values.erpCode, tier: values.tier, language: values.language, paymentTerm, clauses };
}

/** SIREN and ERP code identify one account each. */
export async function checkIdentifiersFree(tx: Tx, values: CustomerAccountValues, exceptId?: string): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, column, value] of [
    ["siren", customerAccounts.siren, values.siren],
    ["erpCode", customerAccounts.erpCode, values.erpCode],
  ] as const) {
    if (!value) continue;
    const [taken] = await tx
      .select({ id: customerAccounts.id })
      .from(customerAccounts)
      .where(exceptId ? and(eq(column, value), ne(customerAccounts.id, exceptId)) : eq(column, value))
      .limit(1);
    if (taken) fieldErrors[field] = ["admin.accounts.errors.taken"];
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("validation", { fieldErrors });
}
