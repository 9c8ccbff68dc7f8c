import { customerUsers, sessions } from "@accord/db";
import { hashPassword, hashToken, verifyPassword } from "@accord/auth";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { newPasswordSchema, PASSWORD_MAX_LENGTH } from "../auth/schemas";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

const required = "validation.required";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: required }).min(1, required).max(PASSWORD_MAX_LENGTH, "validation.tooLong"),
    password: newPasswordSchema,
    confirm: z.string({ error: required }).min(1, { error: required, abort: true }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/**
 * A signed-in customer changes their password, proving the current one. Every other session of
 * theirs ends (a stolen session dies with the old password); the one in use stays.
 */
export async function changePassword({ db, actor, input, sessionToken, now }: UseCaseArgs<ChangePasswordInput, { /** The session cookie's token of this request: the session that stays open. */ sessionToken: string | null }>): Promise<void> {
  const customer = requireCustomer(actor);

  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ passwordHash: customerUsers.passwordHash })
      .from(customerUsers)
      .where(and(eq(customerUsers.id, customer.userId), eq(customerUsers.active, true)))
      .for("update")
      .limit(1);
    if (!user) throw new AppError("not_found");
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError("validation", {
        messageKey: "profile.errors.currentPasswordWrong",
        fieldErrors: { currentPassword: ["profile.errors.currentPasswordWrong"] },
      });
    }
    await tx.update(customerUsers).set({ passwordHash: await hashPassword(input.password) }).where(eq(customerUsers.id, customer.userId));
    const others = and(eq(sessions.userKind, "customer"), eq(sessions.userId, customer.userId));
    await tx.delete(sessions).where(sessionToken ? and(others, ne(sessions.id, hashToken(sessionToken))) : others);
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_password_changed",
      payload: { accountId: customer.accountId, userId: customer.userId },
    });
  });
}
