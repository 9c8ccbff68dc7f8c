import { customerUsers, type Language } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { personNameSchema } from "./company-users";
import type { UseCaseArgs } from "../use-case";

export const updateProfileSchema = z.object({
  name: personNameSchema,
  language: z.enum(["fr", "en"], { error: "profile.errors.languageInvalid" }),
});
export type UpdateProfileInput = z.output<typeof updateProfileSchema>;

/** Any signed-in customer (a viewer too) sets their own name and language (pages and e-mails). */
export async function updateProfile({ db, actor, input, now }: UseCaseArgs<UpdateProfileInput>): Promise<{ name: string; language: Language }> {
  const customer = requireCustomer(actor);
  const { name, language } = input;

  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: customerUsers.name, language: customerUsers.language })
      .from(customerUsers)
      .where(eq(customerUsers.id, customer.userId))
      .for("update")
      .limit(1);
    if (!before) throw new AppError("not_found");
    if (before.name === name && before.language === language) return { name, language };
    await tx.update(customerUsers).set({ name, language }).where(eq(customerUsers.id, customer.userId));
    const changes: Record<string, { from: string; to: string }> = {};
    if (before.name !== name) changes.name = { from: before.name, to: name };
    if (before.language !== language) changes.language = { from: before.language, to: language };
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_profile_updated",
      payload: { accountId: customer.accountId, userId: customer.userId, changes },
    });
    return { name, language };
  });
}
