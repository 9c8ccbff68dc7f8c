import { customerUsers, sessions, staffUsers, type DbOrTx, type UserKind } from "@accord/db";
import { and, eq, getTableColumns } from "drizzle-orm";
import { generateToken, hashToken } from "./token";

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** Sliding expiry: a session used with fewer than 15 days left is extended to 30 again. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

export type Session = typeof sessions.$inferSelect;
/** The signed-in user, without the password hash. */
export type SessionCustomerUser = Omit<typeof customerUsers.$inferSelect, "passwordHash">;
export type SessionStaffUser = Omit<typeof staffUsers.$inferSelect, "passwordHash">;
export interface SessionUserByKind {
  customer: SessionCustomerUser;
  staff: SessionStaffUser;
}

export interface ValidatedSession<K extends UserKind> {
  session: Session;
  user: SessionUserByKind[K];
  /** True when this validation pushed expiresAt forward: re-send the cookie. */
  extended: boolean;
}

export async function createSession(
  db: DbOrTx,
  values: { userKind: UserKind; userId: string; ip?: string | null; userAgent?: string | null },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({
    id: hashToken(token),
    userKind: values.userKind,
    userId: values.userId,
    expiresAt,
    createdAt: now,
    ip: values.ip ?? null,
    userAgent: values.userAgent?.slice(0, 512) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The session behind a cookie token, with its user; null when unknown, of the
 * other kind, expired (then deleted) or when the user is no longer active.
 */
export async function validateSession<K extends UserKind>(
  db: DbOrTx,
  token: string,
  userKind: K,
  now: Date,
): Promise<ValidatedSession<K> | null> {
  const id = hashToken(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!session || session.userKind !== userKind) return null;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const user = await loadSessionUser(db, userKind, session.userId);
  if (!user || !user.active) return null;

  let extended = false;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
    extended = true;
  }
  return { session, user, extended };
}

async function loadSessionUser<K extends UserKind>(
  db: DbOrTx,
  userKind: K,
  userId: string,
): Promise<SessionUserByKind[K] | undefined> {
  if (userKind === "customer") {
    const { passwordHash: _ignored, ...columns } = getTableColumns(customerUsers);
    const [user] = await db.select(columns).from(customerUsers).where(eq(customerUsers.id, userId)).limit(1);
    return user as SessionUserByKind[K] | undefined;
  }
  const { passwordHash: _ignored, ...columns } = getTableColumns(staffUsers);
  const [user] = await db.select(columns).from(staffUsers).where(eq(staffUsers.id, userId)).limit(1);
  return user as SessionUserByKind[K] | undefined;
}

export async function invalidateSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function invalidateUserSessions(db: DbOrTx, userKind: UserKind, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userKind, userKind), eq(sessions.userId, userId)));
}
