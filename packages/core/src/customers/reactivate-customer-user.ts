import { customerUsers } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { findAccountUser, lockAccountUsers } from "./company-users";
import type { CustomerUserTargetInput } from "./deactivate-customer-user";
import type { UseCaseArgs } from "../use-case";

/** An admin lets a deactivated colleague sign in again (with their old password). */
export async function reactivateCustomerUser({ db, actor, input, now }: UseCaseArgs<CustomerUserTargetInput>): Promise<{ userId: string; name: string; changed: boolean }> {
  const customer = requireCustomer(actor, "customer:users:manage");

  return db.transaction(async (tx) => {
    await lockAccountUsers(tx, customer.accountId);
    const user = await findAccountUser(tx, customer.accountId, input.userId);
    if (user.active) return { userId: user.id, name: user.name, changed: false };
    await tx.update(customerUsers).set({ active: true }).where(eq(customerUsers.id, user.id));
    await appendAdminEvent(tx, {
      actor: actorRef(customer),
      at: now,
      type: "customer_user_reactivated",
      payload: { accountId: customer.accountId, userId: user.id },
    });
    return { userId: user.id, name: user.name, changed: true };
  });
}
