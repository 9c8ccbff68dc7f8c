import { customerAccounts } from "@accord/db";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { accountColumns, checkIdentifiersFree, type CustomerAccountInput } from "./customer-account-input";
import { lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** An admin creates a customer account with its payment term and contract clauses. */
export async function createCustomerAccount({ db, actor, input, now }: UseCaseArgs<CustomerAccountInput>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  return db.transaction(async (tx) => {
    await lockSettings(tx, "customer-accounts");
    await checkIdentifiersFree(tx, input);
    const columns = accountColumns(input);
    const [row] = await tx.insert(customerAccounts).values({ ...columns, createdAt: now }).returning({ id: customerAccounts.id });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "customer_account_created", payload: { accountId: row!.id, ...columns } });
    return { id: row!.id };
  });
}
