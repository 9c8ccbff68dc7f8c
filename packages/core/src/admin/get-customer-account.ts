import { customerAccounts, customerUsers, priceAgreements, type Db } from "@accord/db";
import type { Actor } from "@accord/auth";
import { asc, desc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { idSchema } from "./schemas";

/** One customer account for the back-office: its details, users and price agreements. */
export async function getCustomerAccount({ db, actor, accountId }: { db: Db; actor: Actor | null; accountId: string }) {
  requireStaff(actor, "admin:users");
  const id = idSchema.safeParse(accountId);
  if (!id.success) throw new AppError("not_found");
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.id, id.data)).limit(1);
  if (!account) throw new AppError("not_found");
  const users = await db
    .select({ id: customerUsers.id, name: customerUsers.name, email: customerUsers.email, role: customerUsers.role, active: customerUsers.active })
    .from(customerUsers)
    .where(eq(customerUsers.accountId, account.id))
    .orderBy(desc(customerUsers.active), asc(customerUsers.name));
  const agreements = await db
    .select()
    .from(priceAgreements)
    .where(eq(priceAgreements.accountId, account.id))
    .orderBy(asc(priceAgreements.productCode), desc(priceAgreements.validFrom));
  return { account, users, agreements };
}
