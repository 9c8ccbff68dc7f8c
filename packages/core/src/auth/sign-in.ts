import { type Db, type DbOrTx, signInAttempts } from "@accord/db";
import { createSession, DUMMY_PASSWORD_HASH, verifyPassword } from "@accord/auth";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { findAppUserByEmail, userKindOf, type AppName } from "./app-users";
import type { SignInInput } from "./schemas";

/** Throttling: 5 failures per e-mail, or 20 per IP, within 15 minutes. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface SignInOptions {
  db: Db;
  input: SignInInput;
  app: AppName;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

/**
 * Checks the credentials and opens a session. Unknown e-mail, wrong password,
 * inactive user and a user of the other app all get the same answer, in the
 * same time (a password check runs against a dummy hash when there is no user).
 */
export async function signIn({ db, input, app, ip, userAgent, now }: SignInOptions): Promise<{
  token: string;
  expiresAt: Date;
  language: "fr" | "en";
}> {
  const { email, password } = input;
  const clientIp = ip?.trim() || null;

  const outcome = await db.transaction(async (tx) => {
    // Serialises concurrent attempts on one e-mail, so the count cannot be raced past.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`);

    const waitMs = await throttleWait(tx, email, clientIp, now);
    if (waitMs > 0) return { kind: "rate_limited" as const, minutes: Math.max(1, Math.ceil(waitMs / 60_000)) };

    const user = await findAppUserByEmail(tx, app, email);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
    const succeeded = Boolean(user && user.active && user.passwordHash && passwordMatches);
    await tx.insert(signInAttempts).values({ email, ip: clientIp ?? "unknown", succeeded, at: now });
    if (!succeeded || !user) return { kind: "refused" as const };

    const session = await createSession(tx, { userKind: userKindOf(app), userId: user.id, ip: clientIp, userAgent }, now);
    return { kind: "signed_in" as const, ...session, language: user.language };
  });

  // Thrown after the commit: a refused attempt must stay recorded for throttling.
  if (outcome.kind === "rate_limited") {
    throw new AppError("rate_limited", { messageKey: "auth.rateLimited", params: { minutes: outcome.minutes } });
  }
  if (outcome.kind === "refused") throw new AppError("validation", { messageKey: "auth.invalidCredentials" });
  return { token: outcome.token, expiresAt: outcome.expiresAt, language: outcome.language };
}

/**
 * How long until another attempt is allowed (0 = now). The lock lifts when the
 * oldest failure that still counts leaves the window. A success clears the
 * e-mail's count, not the IP's.
 */
async function throttleWait(tx: DbOrTx, email: string, ip: string | null, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [lastSuccess] = await tx
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true), gt(signInAttempts.at, windowStart)))
    .orderBy(desc(signInAttempts.at))
    .limit(1);
  const emailSince = lastSuccess?.at ?? windowStart;

  const nthFailure = async (where: ReturnType<typeof and>, n: number) => {
    const [row] = await tx
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(where)
      .orderBy(desc(signInAttempts.at))
      .offset(n - 1)
      .limit(1);
    return row?.at;
  };
  const emailBlockedBy = await nthFailure(
    and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, emailSince)),
    MAX_FAILURES_PER_EMAIL,
  );
  // Without a known IP there is no per-IP count (one shared "unknown" bucket would lock everyone out).
  const ipBlockedBy =
    ip === null
      ? undefined
      : await nthFailure(
          and(eq(signInAttempts.ip, ip), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, windowStart)),
          MAX_FAILURES_PER_IP,
        );
  const until = Math.max(
    emailBlockedBy ? emailBlockedBy.getTime() + SIGN_IN_WINDOW_MS : 0,
    ipBlockedBy ? ipBlockedBy.getTime() + SIGN_IN_WINDOW_MS : 0,
  );
  return Math.max(0, until - now.getTime());
}
