import { customerUsers, invitationTokens, type Db, type Language } from "@accord/db";
import { createSession, hashPassword } from "@accord/auth";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { appendAdminEvent } from "../audit/append-admin-event";
import { newPasswordSchema } from "../auth/schemas";
import { AppError } from "../errors";
import { personNameSchema } from "./company-users";
import { readInvitation } from "./invitation-token";

const required = "validation.required";

export const acceptInvitationSchema = z
  .object({
    token: z.string({ error: required }).trim().min(1, required),
    name: personNameSchema,
    password: newPasswordSchema,
    confirm: z.string({ error: required }).min(1, { error: required, abort: true }),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "validation.passwordMismatch" });
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;

export interface AcceptInvitationOptions {
  db: Db;
  input: AcceptInvitationInput;
  /** The language the invitee is reading the page in; their e-mails go in it. Defaults to the company's. */
  language?: Language | undefined;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

/**
 * The invitee sets their name and password: the customer user is created active with the
 * invited role, the link is used up, and a session is opened (the route sets its cookie).
 * A used or unknown link is `token_invalid`, an old one `token_expired`.
 */
export async function acceptInvitation({ db, input, language, ip, userAgent, now }: AcceptInvitationOptions): Promise<{
  token: string;
  expiresAt: Date;
  language: Language;
  userId: string;
}> {
  return db.transaction(async (tx) => {
    // The link's state comes first: no point fixing a password for a dead link.
    const read = await readInvitation(tx, input.token, now, { lock: true });
    if (read.state === "expired") throw new AppError("token_expired", { messageKey: "invitations.expired" });
    if (read.state !== "valid" || !read.invitation) throw new AppError("token_invalid", { messageKey: "invitations.invalid" });
    const invitation = read.invitation;

    const [taken] = await tx.select({ id: customerUsers.id }).from(customerUsers).where(eq(customerUsers.email, invitation.email)).limit(1);
    if (taken) throw new AppError("token_invalid", { messageKey: "invitations.invalid" });

    const userLanguage = language ?? invitation.companyLanguage;
    const [user] = await tx
      .insert(customerUsers)
      .values({
        accountId: invitation.accountId,
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        language: userLanguage,
        passwordHash: await hashPassword(input.password),
        active: true,
        createdAt: now,
      })
      .returning({ id: customerUsers.id });
    await tx.update(invitationTokens).set({ acceptedAt: now }).where(eq(invitationTokens.id, invitation.id));
    await appendAdminEvent(tx, {
      actor: { kind: "customer", id: user!.id },
      at: now,
      type: "customer_user_joined",
      payload: { accountId: invitation.accountId, userId: user!.id, email: invitation.email, role: invitation.role },
    });
    const session = await createSession(tx, { userKind: "customer", userId: user!.id, ip: ip?.trim() || null, userAgent }, now);
    return { ...session, language: userLanguage, userId: user!.id };
  });
}
