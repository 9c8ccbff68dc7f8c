import { customerUsers, staffUsers, type DbOrTx, type Language, type UserKind } from "@accord/db";
import { eq } from "drizzle-orm";

export type AppName = "portal" | "backoffice";

/** Customers sign in on the portal only, staff on the back-office only. */
export function userKindOf(app: AppName): UserKind {
  return app === "portal" ? "customer" : "staff";
}

export interface CredentialUser {
  id: string;
  kind: UserKind;
  email: string;
  name: string;
  language: Language;
  passwordHash: string | null;
  active: boolean;
}

const credentialColumns = (table: typeof customerUsers | typeof staffUsers) => ({
  id: table.id,
  email: table.email,
  name: table.name,
  language: table.language,
  passwordHash: table.passwordHash,
  active: table.active,
});

/** The user of this app with this (normalised, lower-case) e-mail. */
export async function findAppUserByEmail(
  db: DbOrTx,
  app: AppName,
  email: string,
): Promise<CredentialUser | undefined> {
  const table = app === "portal" ? customerUsers : staffUsers;
  const [user] = await db.select(credentialColumns(table)).from(table).where(eq(table.email, email)).limit(1);
  return user && { ...user, kind: userKindOf(app) };
}

export async function findUserById(db: DbOrTx, kind: UserKind, id: string): Promise<CredentialUser | undefined> {
  const table = kind === "customer" ? customerUsers : staffUsers;
  const [user] = await db.select(credentialColumns(table)).from(table).where(eq(table.id, id)).limit(1);
  return user && { ...user, kind };
}

export async function setPasswordHash(db: DbOrTx, kind: UserKind, id: string, passwordHash: string): Promise<void> {
  const table = kind === "customer" ? customerUsers : staffUsers;
  await db.update(table).set({ passwordHash }).where(eq(table.id, id));
}
