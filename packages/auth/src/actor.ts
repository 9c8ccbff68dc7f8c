import { customerUsers, staffTeams, staffUsers, type CustomerRole, type DbOrTx, type Language, type StaffRole } from "@accord/db";
import { eq } from "drizzle-orm";
import { sessionCookie } from "./cookies";
import { permissionsOf, type Permission } from "./permissions";
import { validateSession, type SessionCustomerUser, type SessionStaffUser } from "./session";

export interface CustomerActor {
  kind: "customer";
  userId: string;
  accountId: string;
  email: string;
  name: string;
  role: CustomerRole;
  language: Language;
  permissions: Permission[];
}

export interface StaffActor {
  kind: "staff";
  userId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  teamIds: string[];
  language: Language;
  permissions: Permission[];
}

export type Actor = CustomerActor | StaffActor;

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function customerActorFromUser(user: SessionCustomerUser): CustomerActor {
  return {
    kind: "customer",
    userId: user.id,
    accountId: user.accountId,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language,
    permissions: permissionsOf({ kind: "customer", role: user.role }),
  };
}

/** The actor of a staff user; `teamIds` when already read (with the session), else read here. */
export async function staffActorFromUser(db: DbOrTx, user: SessionStaffUser, teamIds?: string[]): Promise<StaffActor> {
  const teams = teamIds ?? (await db.select({ teamId: staffTeams.teamId }).from(staffTeams).where(eq(staffTeams.staffId, user.id))).map((t) => t.teamId);
  return {
    kind: "staff",
    userId: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    teamIds: teams,
    language: user.language,
    permissions: permissionsOf({ kind: "staff", roles: user.roles }),
  };
}

/** The actor for an active customer user id (for jobs and tests); null when unknown or inactive. */
export async function loadCustomerActor(db: DbOrTx, userId: string): Promise<CustomerActor | null> {
  const [user] = await db.select().from(customerUsers).where(eq(customerUsers.id, userId)).limit(1);
  return user?.active ? customerActorFromUser(user) : null;
}

/** The actor for an active staff user id (for jobs and tests); null when unknown or inactive. */
export async function loadStaffActor(db: DbOrTx, userId: string): Promise<StaffActor | null> {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, userId)).limit(1);
  return user?.active ? staffActorFromUser(db, user) : null;
}

/** A signed-in request: the actor and its session, so the app can re-send an extended cookie. */
export interface ResolvedSession<A extends Actor> {
  actor: A;
  token: string;
  expiresAt: Date;
  /** The session was extended by this request: set the cookie again with the new expiry. */
  extended: boolean;
}

export async function resolveCustomerSession(
  db: DbOrTx,
  request: Request,
  now: Date,
): Promise<ResolvedSession<CustomerActor> | null> {
  const token = sessionCookie("portal").read(request);
  if (!token) return null;
  const validated = await validateSession(db, token, "customer", now);
  if (!validated) return null;
  return {
    actor: customerActorFromUser(validated.user),
    token,
    expiresAt: validated.session.expiresAt,
    extended: validated.extended,
  };
}

export async function resolveStaffSession(db: DbOrTx, request: Request, now: Date): Promise<ResolvedSession<StaffActor> | null> {
  const token = sessionCookie("backoffice").read(request);
  if (!token) return null;
  const validated = await validateSession(db, token, "staff", now);
  if (!validated) return null;
  return {
    actor: await staffActorFromUser(db, validated.user, validated.teamIds),
    token,
    expiresAt: validated.session.expiresAt,
    extended: validated.extended,
  };
}

/** Who is signed in on the portal, from its session cookie; null when nobody (valid) is. */
export async function resolveCustomerActor(db: DbOrTx, request: Request, now: Date): Promise<CustomerActor | null> {
  return (await resolveCustomerSession(db, request, now))?.actor ?? null;
}

/** Who is signed in on the back-office, from its session cookie; null when nobody (valid) is. */
export async function resolveStaffActor(db: DbOrTx, request: Request, now: Date): Promise<StaffActor | null> {
  return (await resolveStaffSession(db, request, now))?.actor ?? null;
}
