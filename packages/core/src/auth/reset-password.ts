import { passwordResetTokens, type Db } from "@accord/db";
import { hashPassword, invalidateUserSessions } from "@accord/auth";
import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "../errors";
import { findUserById, setPasswordHash, userKindOf, type AppName } from "./app-users";
import { readResetToken } from "./reset-token";
import type { ResetPasswordInput } from "./schemas";

export interface ResetPasswordOptions {
  db: Db;
  input: ResetPasswordInput;
  app: AppName;
  now: Date;
}

/**
 * Sets a new password with a reset link's token. The token works once; every
 * other pending reset link of the user dies with it, and every session of the
 * user ends (whoever knew the old password is signed out).
 */
export async function resetPassword({ db, input, app, now }: ResetPasswordOptions): Promise<{ email: string }> {
  const userKind = userKindOf(app);

  return db.transaction(async (tx) => {
    // The link's state comes first: no point fixing a password for a dead link.
    const token = await readResetToken(tx, input.token, userKind, now, {
      lock: true,
    });
    if (token.state === "expired") throw new AppError("token_expired", { messageKey: "auth.resetTokenExpired" });
    const user = token.state === "valid" ? await findUserById(tx, userKind, token.userId!) : undefined;
    if (!user || !user.active) throw new AppError("token_invalid", { messageKey: "auth.resetTokenInvalid" });

    await setPasswordHash(tx, userKind, user.id, await hashPassword(input.password));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.userKind, userKind),
          eq(passwordResetTokens.userId, user.id),
          isNull(passwordResetTokens.usedAt),
        ),
      );
    await invalidateUserSessions(tx, userKind, user.id);
    return { email: user.email };
  });
}
