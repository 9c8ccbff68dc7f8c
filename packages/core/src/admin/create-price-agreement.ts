import { customerAccounts, priceAgreements } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { eurosSchema, idSchema, isoDateSchema, optionalIsoDate, optionalText, requiredText } from "./schemas";
import type { UseCaseArgs } from "../use-case";

const indexCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(40, "validation.tooLong")
  .regex(/^[A-Z0-9_-]*$/, "admin.errors.codeFormat");
const decimalSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(",", "."))
  .pipe(z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, "admin.errors.decimalFormat"));

/**
 * A contracted price: product code, unit price in euros (→ cents), validity, and an optional
 * indexation on a published index (index code + base value; both or neither).
 */
export const priceAgreementSchema = z
  .object({
    productCode: requiredText(60),
    description: optionalText(200),
    unitPrice: eurosSchema,
    validFrom: isoDateSchema,
    validTo: optionalIsoDate,
    indexCode: z
      .union([z.literal(""), indexCodeSchema])
      .optional()
      .transform((value) => value || null),
    indexBase: z
      .union([z.literal(""), decimalSchema])
      .optional()
      .transform((value) => value || null),
  })
  .superRefine((value, ctx) => {
    if (value.validTo && value.validTo < value.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "admin.prices.errors.endBeforeStart" });
    if (value.indexCode && !value.indexBase) ctx.addIssue({ code: "custom", path: ["indexBase"], message: "admin.prices.errors.indexBaseRequired" });
    if (!value.indexCode && value.indexBase) ctx.addIssue({ code: "custom", path: ["indexCode"], message: "admin.prices.errors.indexCodeRequired" });
    if (value.indexBase !== null && Number(value.indexBase) <= 0) ctx.addIssue({ code: "custom", path: ["indexBase"], message: "admin.errors.outOfRange" });
  });
export type PriceAgreementInput = z.output<typeof priceAgreementSchema>;

/** An admin adds a contracted price to a customer account. */
export async function createPriceAgreement({ db, actor, accountId, input, now }: UseCaseArgs<PriceAgreementInput, { accountId: string }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:settings");
  const id = idSchema.safeParse(accountId);
  if (!id.success) throw new AppError("not_found");
  const { productCode, description, unitPrice, validFrom, validTo, indexCode, indexBase } = input;
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.id, id.data)).limit(1);
    if (!account) throw new AppError("not_found");
    const indexation = indexCode && indexBase ? { indexCode, baseValue: indexBase } : null;
    const [row] = await tx
      .insert(priceAgreements)
      .values({ accountId: account.id, productCode, description, unitPriceCents: unitPrice, validFrom, validTo, indexation, createdAt: now, updatedAt: now })
      .returning({ id: priceAgreements.id });
    await appendAdminEvent(tx, {
      actor: actorRef(admin),
      at: now,
      type: "price_agreement_created",
      payload: { agreementId: row!.id, accountId: account.id, productCode, unitPriceCents: unitPrice, validFrom, validTo, indexation },
    });
    return { id: row!.id };
  });
}
