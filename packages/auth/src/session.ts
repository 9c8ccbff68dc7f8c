import { customerUsers, sessions, staffTeams, staffUsers, type DbOrTx, type UserKind } from "@accord/db";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
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
  /** A staff user's teams (read with the session); empty for a customer. */
  teamIds: string[];
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
 * The session behind a cookie token, with its user (and a staff user's teams); null when unknown, of the
 * other kind, expired (then deleted) or when the user is no longer active. One statement: every
 * signed-in request of both apps starts here.
 */
export async function validateSession<K extends UserKind>(
  db: DbOrTx,
  token: string,
  userKind: K,
  now: Date,
): Promise<ValidatedSession<K> | null> {
  const id = hashToken(token);
  const found = userKind === "customer" ? await sessionWithCustomer(db, id) : await sessionWithStaff(db, id);
  if (!found || found.session.userKind !== userKind) return null;
  const { session } = found;
  if (session.expiresAt.getTime() <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const user = found.user as SessionUserByKind[K] | null;
  if (!user || !user.active) return null;

  let extended = false;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
    extended = true;
  }
  return { session, user, teamIds: found.teamIds, extended };
}

async function sessionWithCustomer(db: DbOrTx, id: string) {
  const { passwordHash: _ignored, ...columns } = getTableColumns(customerUsers);
  const [row] = await db
    .select({ session: sessions, user: columns })
    .from(sessions)
    .leftJoin(customerUsers, and(eq(sessions.userKind, "customer"), eq(customerUsers.id, sessions.userId)))
    .where(eq(sessions.id, id))
    .limit(1);
  return row ? { ...row, teamIds: [] as string[] } : undefined;
}

async function sessionWithStaff(db: DbOrTx, id: string) {
  const { passwordHash: _ignored, ...columns } = getTableColumns(staffUsers);
  const [row] = await db
    .select({
      session: sessions,
      user: columns,
      teamIds: sql<string[]>`array(select ${staffTeams.teamId}::text from ${staffTeams} where ${staffTeams.staffId} = ${sessions.userId} order by 1)`,
    })
    .from(sessions)
    .leftJoin(staffUsers, and(eq(sessions.userKind, "staff"), eq(staffUsers.id, sessions.userId)))
    .where(eq(sessions.id, id))
    .limit(1);
  return row;
}

export async function invalidateSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function invalidateUserSessions(db: DbOrTx, userKind: UserKind, userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userKind, userKind), eq(sessions.userId, userId)));
}
