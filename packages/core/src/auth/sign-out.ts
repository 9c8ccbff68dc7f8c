import type { Db } from "@accord/db";
import { invalidateSession } from "@accord/auth";

/** Ends the session behind this cookie token (nothing to do without one). */
export async function signOut({ db, token }: { db: Db; token: string | null | undefined }): Promise<void> {
  if (!token) return;
  await db.transaction((tx) => invalidateSession(tx, token));
}
