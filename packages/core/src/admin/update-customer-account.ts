import { customerAccounts } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { accountColumns, checkIdentifiersFree, type CustomerAccountInput } from "./customer-account-input";
import { idSchema, lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** An admin edits a customer account (identity, tier, payment term, clauses). */
export async function updateCustomerAccount({ db, actor, accountId, input, now }: UseCaseArgs<CustomerAccountInput, { accountId: string }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  const id = idSchema.safeParse(accountId);
  if (!id.success) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    await lockSettings(tx, "customer-accounts");
    const [account] = await tx.select().from(customerAccounts).where(eq(customerAccounts.id, id.data)).limit(1);
    if (!account) throw new AppError("not_found");
    await checkIdentifiersFree(tx, input, account.id);
    const columns = accountColumns(input, account.clauses);
    await tx.update(customerAccounts).set(columns).where(eq(customerAccounts.id, account.id));
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "customer_account_updated", payload: { accountId: account.id, ...columns } });
    return { id: account.id };
  });
}
