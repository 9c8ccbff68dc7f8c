import { rootCauses, type Tx } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "../errors";
import { optionalText, requiredText } from "./schemas";

export const rootCauseLabelsSchema = z.object({ labelFr: requiredText(120), labelEn: requiredText(120), category: optionalText(60) });
export const rootCauseSchema = rootCauseLabelsSchema.extend({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .regex(/^[a-z0-9_]+$/, "admin.rootCauses.errors.codeFormat"),
});
export type RootCauseInput = z.output<typeof rootCauseSchema>;
export type RootCauseLabelsInput = z.output<typeof rootCauseLabelsSchema>;

/** A root cause by its code, or not_found. */
export async function findRootCause(tx: Tx, code: string) {
  const [row] = await tx.select().from(rootCauses).where(eq(rootCauses.code, code)).limit(1);
  if (!row) throw new AppError("not_found");
  return row;
}
