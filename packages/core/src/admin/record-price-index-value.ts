import { priceIndexValues } from "@accord/db";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import type { UseCaseArgs } from "../use-case";

/** A published index value: index code, month (YYYY-MM), value (decimal, comma or point). */
export const priceIndexValueSchema = z.object({
  indexCode: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .min(1, "validation.required")
    .max(40, "validation.tooLong")
    .regex(/^[A-Z0-9_-]+$/, "admin.errors.codeFormat"),
  month: z
    .string({ error: "validation.required" })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "admin.indexes.errors.month"),
  value: z
    .string({ error: "validation.required" })
    .trim()
    .transform((value) => value.replace(",", "."))
    .pipe(z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, { error: "admin.errors.decimalFormat", abort: true }))
    .refine((value) => Number(value) > 0, "admin.errors.outOfRange"),
});
export type PriceIndexValueInput = z.output<typeof priceIndexValueSchema>;

/** An admin records the value of an index for a month (a correction replaces the month's value). */
export async function recordPriceIndexValue({ db, actor, input, now }: UseCaseArgs<PriceIndexValueInput>): Promise<void> {
  const admin = requireStaff(actor, "admin:settings");
  const { indexCode, value } = input;
  const month = `${input.month}-01`;
  await db.transaction(async (tx) => {
    await tx
      .insert(priceIndexValues)
      .values({ indexCode, month, value, createdAt: now })
      .onConflictDoUpdate({ target: [priceIndexValues.indexCode, priceIndexValues.month], set: { value } });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "price_index_value_recorded", payload: { indexCode, month, value } });
  });
}
