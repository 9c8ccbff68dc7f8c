import { customerUsers } from "@accord/db";
import { invalidateUserSessions } from "@accord/auth";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { findAccountUser, lockAccountUsers, otherActiveAdmins } from "./company-users";
import type { UseCaseArgs } from "../use-case";

export const customerUserTargetSchema = z.object({ userId: z.string({ error: "error.not_found" }).trim() });
export type CustomerUserTargetInput = z.output<typeof customerUserTargetSchema>;

/**
 * An admin deactivates a colleague: they can no longer sign in and their sessions end at once.
 * Their cases stay (the contact is kept). An admin cannot deactivate themself, and the company
 * keeps an active admin. A user of another company is not_found.
 */
export async function deactivateCustomerUser({ db, actor, input, now }: UseCaseArgs<CustomerUserTargetInput>): Promise<{ userId: string; name: string; changed: boolean }> {
  const customer = requireCustomer(actor, "customer:users:manage");

  return db.transaction(async (tx) => {
    await lockAccountUsers(tx, customer.accountId);
    const user = await findAccountUser(tx, customer.accountId, input.userId);
    if (user.id === customer.userId) throw new AppError("validation", { messageKey: "company.errors.cannotDeactivateSelf" });
    if (!user.active) return { userId: user.id, name: user.name, changed: false };
    if (user.role === "admin" && (await otherActiveAdmins(tx, customer.accountId, user.id)) === 0) {
      throw new AppError("conflict", { messageKey: "company.errors.lastAdmin" });
    }
    await tx.update(customerUsers).set({ active: false }).where(eq(customerUsers.id, user.id));
    await invalidateUserSessions(tx, "customer", user.id);
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_user_deactivated",
      payload: { accountId: customer.accountId, userId: user.id },
    });
    return { userId: user.id, name: user.name, changed: true };
  });
}
