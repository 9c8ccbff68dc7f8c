import type { Actor } from "@accord/auth";
import { customerUsers, type DbOrTx, type CaseChannel, type Language } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { requireCustomer, requireStaff } from "../access";
import { AppError } from "../errors";
import { claimSchema, onBehalfSchema, parseClaimInput, type ClaimInput } from "./schemas";

/** Who a claim is filed for, and through which channel. */
export interface Filer {
  accountId: string;
  contact: { id: string; email: string; name: string; language: Language };
  channel: CaseChannel;
  input: ClaimInput;
}

/**
 * A customer files for themselves (portal); staff file on behalf of a contact of an account
 * (phone), naming `accountId` and `customerContactId` in the input. Both need `case:create`. A
 * customer's claim may arrive through another channel than the portal (API, e-mail, CSV import).
 * A contact that is not an active user of that account is `not_found`.
 */
export async function resolveFiler(
  db: DbOrTx,
  actor: Actor | null | undefined,
  raw: unknown,
  customerChannel: "portal" | "api" | "email" | "csv" = "portal",
): Promise<Filer> {
  if (actor?.kind === "staff") {
    if (customerChannel !== "portal") throw new Error("Staff file on behalf of a customer through the phone channel only");
    requireStaff(actor, "case:create");
    const onBehalf = parseClaimInput(onBehalfSchema, raw);
    const input = parseClaimInput(claimSchema, raw);
    const [contact] = await db
      .select({ id: customerUsers.id, email: customerUsers.email, name: customerUsers.name, language: customerUsers.language })
      .from(customerUsers)
      .where(and(eq(customerUsers.id, onBehalf.customerContactId), eq(customerUsers.accountId, onBehalf.accountId), eq(customerUsers.active, true)));
    if (!contact) throw new AppError("not_found", { messageKey: "claim.error.contact_not_found" });
    return { accountId: onBehalf.accountId, contact, channel: "phone", input };
  }
  const customer = requireCustomer(actor, "case:create");
  const input = parseClaimInput(claimSchema, raw);
  return {
    accountId: customer.accountId,
    contact: { id: customer.userId, email: customer.email, name: customer.name, language: customer.language },
    channel: customerChannel,
    input,
  };
}
