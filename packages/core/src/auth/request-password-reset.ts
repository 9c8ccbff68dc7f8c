import { passwordResetTokens, type Db } from "@accord/db";
import { generateToken, hashToken } from "@accord/auth";
import { and, count, eq, gt } from "drizzle-orm";
import { queueEmail } from "../email/queue-email";
import { findAppUserByEmail, type AppName } from "./app-users";
import type { ForgotPasswordInput } from "./schemas";

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/** More requests than this per user within the window are silently ignored (no mail bombing). */
const MAX_RESETS_PER_WINDOW = 3;
const RESET_WINDOW_MS = 15 * 60 * 1000;

export interface RequestPasswordResetOptions {
  db: Db;
  input: ForgotPasswordInput;
  app: AppName;
  /** Public base URL of the app the link opens, e.g. https://portail.example */
  baseUrl: string;
  now: Date;
}

/**
 * Sends a single-use reset link valid 1 hour when the e-mail belongs to an
 * active user of this app. Resolves the same way whether or not it does, so the
 * page reveals nothing about who has an account.
 */
export async function requestPasswordReset({ db, input, app, baseUrl, now }: RequestPasswordResetOptions): Promise<void> {

  await db.transaction(async (tx) => {
    const user = await findAppUserByEmail(tx, app, input.email);
    if (!user || !user.active) return;

    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userKind, user.kind),
          eq(passwordResetTokens.userId, user.id),
          gt(passwordResetTokens.createdAt, new Date(now.getTime() - RESET_WINDOW_MS)),
        ),
      );
    if ((recent?.n ?? 0) >= MAX_RESETS_PER_WINDOW) return;

    const token = generateToken();
    const tokenHash = hashToken(token);
    await tx.insert(passwordResetTokens).values({
      id: tokenHash,
      userKind: user.kind,
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS),
      createdAt: now,
    });
    const resetUrl = `${baseUrl.replace(/\/+$/, "")}/reset-password?token=${token}`;
    await queueEmail(tx, {
      to: user.email,
      template: "password-reset",
      language: user.language,
      props: { name: user.name, resetUrl },
      idempotencyKey: `password-reset:${tokenHash}`,
      now,
    });
  });
}
