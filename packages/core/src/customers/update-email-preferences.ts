import { customerUsers, type EmailPreferences } from "@accord/db";
import { MANDATORY_EMAIL_KINDS, OPTIONAL_EMAIL_KINDS, type CustomerEmailKind } from "@accord/email";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

/** A checkbox: "on" (or true) when ticked, absent when not. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());
const mandatoryKind = z.preprocess(
  (value) => value === undefined || value === true || value === "on" || value === "true",
  z.literal(true, { error: "profile.errors.emailMandatory" }),
);

/**
 * The profile's e-mail form: one checkbox per optional kind (unticked = off). A mandatory kind
 * may be sent as on, never as off.
 */
export const updateEmailPreferencesSchema = z.object({
  ...(Object.fromEntries(OPTIONAL_EMAIL_KINDS.map((kind) => [kind, checkbox])) as Record<CustomerEmailKind, typeof checkbox>),
  ...(Object.fromEntries(MANDATORY_EMAIL_KINDS.map((kind) => [kind, mandatoryKind.optional()])) as Record<
    CustomerEmailKind,
    z.ZodOptional<typeof mandatoryKind>
  >),
});
export type UpdateEmailPreferencesInput = z.output<typeof updateEmailPreferencesSchema>;

/** The signed-in customer's own e-mail preferences (`customer_users.email_preferences`). */
export async function updateEmailPreferences({ db, actor, input, now }: UseCaseArgs<UpdateEmailPreferencesInput>): Promise<EmailPreferences> {
  const customer = requireCustomer(actor);
  const preferences: EmailPreferences = Object.fromEntries(
    OPTIONAL_EMAIL_KINDS.map((kind) => [kind, input[kind] === true]),
  );

  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ emailPreferences: customerUsers.emailPreferences })
      .from(customerUsers)
      .where(eq(customerUsers.id, customer.userId))
      .for("update")
      .limit(1);
    if (!before) throw new AppError("not_found");
    await tx.update(customerUsers).set({ emailPreferences: preferences }).where(eq(customerUsers.id, customer.userId));
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_email_preferences_updated",
      payload: { accountId: customer.accountId, userId: customer.userId, from: before.emailPreferences, to: preferences },
    });
    return preferences;
  });
}
