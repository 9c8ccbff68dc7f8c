import { customerAccounts, customerUsers, invitationTokens, type Db } from "@accord/db";
import { generateToken, hashToken, type Actor } from "@accord/auth";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer, requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { emailSchema } from "../auth/schemas";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { customerRoleSchema, personNameSchema } from "./company-users";

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export const inviteCustomerUserSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: customerRoleSchema,
});
export type InviteCustomerUserInput = z.output<typeof inviteCustomerUserSchema>;

export interface InviteCustomerUserOptions {
  db: Db;
  actor: Actor | null;
  input: InviteCustomerUserInput;
  /** Public base URL of the portal, e.g. https://portail.example */
  portalUrl: string;
  now: Date;
  /**
   * For a staff administrator (`admin:users`) inviting from the back-office: the account the
   * invitee joins. A customer admin always invites into their own account (this is ignored).
   */
  accountId?: string;
}

/** Who invites into which account: a customer admin into theirs, a staff admin into the one named. */
function inviterOf(actor: Actor | null, accountId: string | undefined) {
  if (actor?.kind === "staff") {
    const staff = requireStaff(actor, "admin:users");
    const id = z.uuid().safeParse(accountId);
    if (!id.success) throw new AppError("not_found");
    // invitedById names customer users only: a staff inviter is in the admin event.
    return { actor: staff, accountId: id.data, invitedById: null, name: staff.name };
  }
  const customer = requireCustomer(actor, "customer:users:manage");
  return { actor: customer, accountId: customer.accountId, invitedById: customer.userId as string | null, name: customer.name };
}

/** The one answer for an address that is taken, whichever company holds it. */
const emailTaken = () => new AppError("validation", { messageKey: "company.errors.emailTaken", fieldErrors: { email: ["company.errors.emailTaken"] } });

/**
 * An admin invites a colleague: a single-use link valid 7 days, e-mailed (mandatory e-mail).
 * Inviting again the same address in the same company replaces the previous link.
 *
 * A customer admin gets the same answer for any address outside their company, so the form never
 * tells whether an address has an account elsewhere (issue 16): an address of their own company is
 * refused (they see it in their list anyway); an address that belongs to another company's user is
 * recorded as a pending invitation like any other, but no e-mail goes out (the link could not be
 * accepted: acceptInvitation refuses a taken address). A pending invitation of another company does
 * not block: whichever link is accepted first wins. A staff administrator (who sees every company)
 * is told plainly that the address is taken.
 */
export async function inviteCustomerUser({ db, actor, input, portalUrl, now, accountId }: InviteCustomerUserOptions): Promise<{ email: string; expiresAt: Date }> {
  const customer = inviterOf(actor, accountId);
  const staffInviter = customer.actor.kind === "staff";
  const { email, name, role } = input;

  return db.transaction(async (tx) => {
    // One address at a time, across companies: two admins never race on it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invitation:${email}`}, 0))`);

    const [existingUser] = await tx
      .select({ id: customerUsers.id, accountId: customerUsers.accountId })
      .from(customerUsers)
      .where(eq(customerUsers.email, email))
      .limit(1);
    if (existingUser && (staffInviter || existingUser.accountId === customer.accountId)) throw emailTaken();
    if (staffInviter) {
      const [elsewhere] = await tx
        .select({ id: invitationTokens.id })
        .from(invitationTokens)
        .where(
          and(
            eq(invitationTokens.email, email),
            ne(invitationTokens.accountId, customer.accountId),
            isNull(invitationTokens.acceptedAt),
            gt(invitationTokens.expiresAt, now),
          ),
        )
        .limit(1);
      if (elsewhere) throw emailTaken();
    }
    // The address has an account at another company: everything as usual, except the e-mail.
    const sendEmail = existingUser === undefined;

    const [account] = await tx
      .select({ name: customerAccounts.name, language: customerAccounts.language })
      .from(customerAccounts)
      .where(eq(customerAccounts.id, customer.accountId))
      .limit(1);
    if (!account) throw new AppError("not_found");

    // A new invitation replaces this company's pending one for the address: only the newest link works.
    const replaced = await tx
      .update(invitationTokens)
      .set({ expiresAt: now })
      .where(
        and(
          eq(invitationTokens.email, email),
          eq(invitationTokens.accountId, customer.accountId),
          isNull(invitationTokens.acceptedAt),
          gt(invitationTokens.expiresAt, now),
        ),
      )
      .returning({ id: invitationTokens.id });

    const token = generateToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    await tx.insert(invitationTokens).values({
      id: tokenHash,
      accountId: customer.accountId,
      email,
      name,
      role,
      invitedById: customer.invitedById,
      expiresAt,
      createdAt: now,
    });
    await appendAdminEvent(tx, {
      actor: actorRef(customer.actor),
      at: now,
      type: "customer_user_invited",
      payload: { accountId: customer.accountId, email, name, role, replacedPending: replaced.length },
    });
    const acceptUrl = `${portalUrl.replace(/\/+$/, "")}/invitations/${token}`;
    if (sendEmail) await queueEmail(tx, {
      to: email,
      template: "invitation",
      language: account.language,
      props: { name, inviterName: customer.name, companyName: account.name, acceptUrl, expiresAt: expiresAt.toISOString(), role },
      idempotencyKey: `invitation:${tokenHash}`,
      now,
    });
    return { email, expiresAt };
  });
}
