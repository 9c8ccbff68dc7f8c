import { passwordResetTokens, staffUsers } from "@accord/db";
import { generateToken, hashToken } from "@accord/auth";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { checkTeams,  lockStaff, setStaffTeams, type CreateStaffUserInput } from "./staff-input";
import type { UseCaseArgs } from "../use-case";

/** How long the link that lets a new staff member choose a password stays valid. */
export const STAFF_WELCOME_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * An admin creates a staff member (roles, teams, language). They get no password: a single-use
 * link, valid 7 days, e-mailed in their language (staff-welcome), lets them choose one on the
 * back-office's password-reset page.
 */
export async function createStaffUser({ db, actor, input, backofficeUrl, now }: UseCaseArgs<CreateStaffUserInput, { /** Public base URL of the back-office, e.g. https://support.example */ backofficeUrl: string }>): Promise<{ id: string }> {
  const admin = requireStaff(actor, "admin:users");
  const { name, email, roles, language } = input;

  return db.transaction(async (tx) => {
    await lockStaff(tx);
    const [taken] = await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { email: ["admin.staff.errors.emailTaken"] } });
    const teamIds = await checkTeams(tx, input.teamIds);
    const [row] = await tx.insert(staffUsers).values({ name, email, roles, language, passwordHash: null, active: true, createdAt: now }).returning({ id: staffUsers.id });
    const id = row!.id;
    await setStaffTeams(tx, id, teamIds);

    const token = generateToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(now.getTime() + STAFF_WELCOME_LINK_LIFETIME_MS);
    await tx.insert(passwordResetTokens).values({ id: tokenHash, userKind: "staff", userId: id, expiresAt, createdAt: now });
    await appendAdminEvent(tx, { actor: actorRef(admin), at: now, type: "staff_user_created", payload: { userId: id, name, email, roles, teamIds, language } });
    await queueEmail(tx, {
      to: email,
      template: "staff-welcome",
      language,
      props: { name, createdByName: admin.name, setPasswordUrl: `${backofficeUrl.replace(/\/+$/, "")}/reset-password?token=${token}`, expiresAt: expiresAt.toISOString() },
      idempotencyKey: `staff-welcome:${tokenHash}`,
      now,
    });
    return { id };
  });
}
