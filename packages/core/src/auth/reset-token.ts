import { passwordResetTokens, type DbOrTx, type UserKind } from "@accord/db";
import { hashToken } from "@accord/auth";
import { eq } from "drizzle-orm";

export type ResetTokenState = "valid" | "invalid" | "expired";

/** Reads a reset token for this kind of user; with `lock`, holds its row until the transaction ends. */
export async function readResetToken(
  db: DbOrTx,
  token: string,
  userKind: UserKind,
  now: Date,
  { lock = false }: { lock?: boolean } = {},
): Promise<{ state: ResetTokenState; userId?: string; id?: string }> {
  if (!token) return { state: "invalid" };
  const query = db.select().from(passwordResetTokens).where(eq(passwordResetTokens.id, hashToken(token))).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row || row.userKind !== userKind || row.usedAt !== null) return { state: "invalid" };
  if (row.expiresAt.getTime() <= now.getTime()) return { state: "expired" };
  return { state: "valid", userId: row.userId, id: row.id };
}
