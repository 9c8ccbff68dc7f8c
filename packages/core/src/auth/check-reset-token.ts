import type { Db } from "@accord/db";
import { userKindOf, type AppName } from "./app-users";
import { readResetToken, type ResetTokenState } from "./reset-token";

/** For the reset page's loader: whether to show the form or say the link is invalid / expired. */
export async function checkResetToken({
  db,
  token,
  app,
  now,
}: {
  db: Db;
  token: string | null | undefined;
  app: AppName;
  now: Date;
}): Promise<ResetTokenState> {
  if (!token) return "invalid";
  return db.transaction(async (tx) => (await readResetToken(tx, token, userKindOf(app), now)).state);
}
