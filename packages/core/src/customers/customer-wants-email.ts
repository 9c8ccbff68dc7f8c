import { customerUsers, type DbOrTx } from "@accord/db";
import { wantsEmail, type CustomerEmailKind } from "@accord/email";
import { eq } from "drizzle-orm";

/**
 * For use cases that e-mail a customer user: false when they turned this optional kind off in
 * their profile (mandatory kinds always go; an unknown or inactive user gets nothing).
 */
export async function customerWantsEmail(db: DbOrTx, customerUserId: string, kind: CustomerEmailKind): Promise<boolean> {
  const [user] = await db
    .select({ active: customerUsers.active, emailPreferences: customerUsers.emailPreferences })
    .from(customerUsers)
    .where(eq(customerUsers.id, customerUserId))
    .limit(1);
  return Boolean(user?.active) && wantsEmail(user!.emailPreferences, kind);
}
