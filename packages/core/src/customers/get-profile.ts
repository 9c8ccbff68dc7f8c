import { customerAccounts, customerUsers, type CustomerRole, type Db, type Language } from "@accord/db";
import type { Actor } from "@accord/auth";
import { CUSTOMER_EMAIL_KINDS, isMandatoryEmailKind, wantsEmail, type CustomerEmailKind } from "@accord/email";
import { eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";

export interface CustomerProfile {
  name: string;
  email: string;
  role: CustomerRole;
  language: Language;
  companyName: string;
  /** Every kind, mandatory ones always on. */
  emailPreferences: { kind: CustomerEmailKind; mandatory: boolean; enabled: boolean }[];
}

/** The profile page: the signed-in customer's own settings. */
export async function getProfile({ db, actor }: { db: Db; actor: Actor | null }): Promise<CustomerProfile> {
  const customer = requireCustomer(actor);
  const [row] = await db
    .select({
      name: customerUsers.name,
      email: customerUsers.email,
      role: customerUsers.role,
      language: customerUsers.language,
      emailPreferences: customerUsers.emailPreferences,
      companyName: customerAccounts.name,
    })
    .from(customerUsers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerUsers.accountId))
    .where(eq(customerUsers.id, customer.userId))
    .limit(1);
  if (!row) throw new AppError("not_found");
  const { emailPreferences, ...rest } = row;
  return {
    ...rest,
    emailPreferences: CUSTOMER_EMAIL_KINDS.map((kind) => ({
      kind,
      mandatory: isMandatoryEmailKind(kind),
      enabled: wantsEmail(emailPreferences, kind),
    })),
  };
}
