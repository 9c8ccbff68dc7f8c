import { invalidateUserSessions } from "@accord/auth";
import { customerUsers, type CustomerRole } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { customerRoleSchema, findAccountUser, lockAccountUsers, otherActiveAdmins } from "./company-users";
import type { UseCaseArgs } from "../use-case";

export const changeCustomerUserRoleSchema = z.object({
  userId: z.string({ error: "error.not_found" }).trim(),
  role: customerRoleSchema,
});
export type ChangeCustomerUserRoleInput = z.output<typeof changeCustomerUserRoleSchema>;

/**
 * An admin sets a colleague's role (or their own, if another admin remains). The company is
 * never left without an active admin. A user of another company is not_found. The user's sessions
 * end: a session never outlives the privileges it was opened with (they sign in again).
 */
export async function changeCustomerUserRole({ db, actor, input, now }: UseCaseArgs<ChangeCustomerUserRoleInput>): Promise<{ userId: string; name: string; role: CustomerRole; changed: boolean }> {
  const customer = requireCustomer(actor, "customer:users:manage");

  return db.transaction(async (tx) => {
    await lockAccountUsers(tx, customer.accountId);
    const user = await findAccountUser(tx, customer.accountId, input.userId);
    const role = input.role;
    if (user.role === role) return { userId: user.id, name: user.name, role, changed: false };
    if (user.role === "admin" && user.active && (await otherActiveAdmins(tx, customer.accountId, user.id)) === 0) {
      throw new AppError("conflict", { messageKey: "company.errors.lastAdmin", fieldErrors: { role: ["company.errors.lastAdmin"] } });
    }
    await tx.update(customerUsers).set({ role }).where(eq(customerUsers.id, user.id));
    await invalidateUserSessions(tx, "customer", user.id);
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_user_role_changed",
      payload: { accountId: customer.accountId, userId: user.id, from: user.role, to: role },
    });
    return { userId: user.id, name: user.name, role, changed: true };
  });
}
