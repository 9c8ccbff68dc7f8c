import { schema, sessions, staffTeams, staffUsers, teams, customerUsers } from "@accord/db";
import { createTestDb, insertCustomerAccount, insertCustomerUser, insertStaffUser, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCustomerActor, resolveCustomerSession, resolveStaffActor } from "./actor";
import { sessionCookie } from "./cookies";
import { createSession, invalidateSession, invalidateUserSessions, validateSession } from "./session";
import { hashToken } from "./token";

const DAY = 24 * 3600 * 1000;
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

const now = new Date("2026-03-02T09:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * DAY);

async function customer() {
  const account = await insertCustomerAccount(t.db);
  return insertCustomerUser(t.db, { accountId: account.id, role: "admin" });
}

function requestWith(app: "portal" | "backoffice", token: string) {
  return new Request("http://localhost/", { headers: { cookie: `${sessionCookie(app).name}=${token}` } });
}

describe("sessions", () => {
  it("stores only the token's hash, valid 30 days", async () => {
    const user = await customer();
    const { token, expiresAt } = await createSession(t.db, { userKind: "customer", userId: user.id, ip: "10.0.0.1", userAgent: "UA" }, now);
    expect(expiresAt).toEqual(later(30));
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, hashToken(token)));
    expect(row).toMatchObject({ userKind: "customer", userId: user.id, ip: "10.0.0.1", userAgent: "UA" });
    expect(await t.db.select().from(sessions).where(eq(sessions.id, token))).toEqual([]);
  });

  it("validates with the user (without its password hash), for its own kind only", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const validated = await validateSession(t.db, token, "customer", later(1));
    expect(validated?.user.id).toBe(user.id);
    expect(validated?.user).not.toHaveProperty("passwordHash");
    expect(validated?.extended).toBe(false);
    expect(await validateSession(t.db, token, "staff", later(1))).toBeNull();
    expect(await validateSession(t.db, "unknown-token", "customer", later(1))).toBeNull();
  });

  it("extends to 30 days when fewer than 15 remain", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    expect((await validateSession(t.db, token, "customer", later(14)))?.extended).toBe(false);
    const validated = await validateSession(t.db, token, "customer", later(16));
    expect(validated?.extended).toBe(true);
    expect(validated?.session.expiresAt).toEqual(later(46));
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, hashToken(token)));
    expect(row?.expiresAt).toEqual(later(46));
  });

  it("refuses and deletes an expired session", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    expect(await validateSession(t.db, token, "customer", later(30))).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.id, hashToken(token)))).toEqual([]);
  });

  it("refuses the session of a user who was deactivated", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    await t.db.update(customerUsers).set({ active: false }).where(eq(customerUsers.id, user.id));
    expect(await validateSession(t.db, token, "customer", later(1))).toBeNull();
  });

  it("ends one session, or all of a user's", async () => {
    const user = await customer();
    const a = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const b = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const c = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    await invalidateSession(t.db, a.token);
    expect(await validateSession(t.db, a.token, "customer", now)).toBeNull();
    expect(await validateSession(t.db, b.token, "customer", now)).not.toBeNull();
    await invalidateUserSessions(t.db, "customer", user.id);
    expect(await validateSession(t.db, b.token, "customer", now)).toBeNull();
    expect(await validateSession(t.db, c.token, "customer", now)).toBeNull();
  });
});

describe("actors", () => {
  it("resolves a customer from the portal cookie, with account and permissions", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const actor = await resolveCustomerActor(t.db, requestWith("portal", token), later(1));
    expect(actor).toEqual({
      kind: "customer",
      userId: user.id,
      accountId: user.accountId,
      email: user.email,
      name: user.name,
      role: "admin",
      language: "fr",
      permissions: expect.arrayContaining(["case:create", "case:read", "customer:users:manage"]),
    });
  });

  it("does not read the portal session from the back-office cookie", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    expect(await resolveCustomerActor(t.db, requestWith("backoffice", token), later(1))).toBeNull();
    expect(await resolveStaffActor(t.db, requestWith("backoffice", token), later(1))).toBeNull();
    expect(await resolveCustomerActor(t.db, new Request("http://localhost/"), later(1))).toBeNull();
  });

  it("tells the app when the session was extended, so it re-sends the cookie", async () => {
    const user = await customer();
    const { token } = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const resolved = await resolveCustomerSession(t.db, requestWith("portal", token), later(20));
    expect(resolved).toMatchObject({ token, extended: true, expiresAt: later(50) });
  });

  it("resolves staff with roles, teams and permissions", async () => {
    const staff = await insertStaffUser(t.db, { roles: ["agent", "admin"], language: "en" });
    const [team] = await t.db.insert(teams).values({ code: `q-${staff.id.slice(0, 8)}`, name: "Qualité" }).returning();
    await t.db.insert(staffTeams).values({ staffId: staff.id, teamId: team!.id });
    const { token } = await createSession(t.db, { userKind: "staff", userId: staff.id }, now);
    const actor = await resolveStaffActor(t.db, requestWith("backoffice", token), later(1));
    expect(actor).toMatchObject({ kind: "staff", userId: staff.id, roles: ["agent", "admin"], teamIds: [team!.id], language: "en" });
    expect(actor?.permissions).toContain("mailbox:read");

    await t.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, staff.id));
    expect(await resolveStaffActor(t.db, requestWith("backoffice", token), later(1))).toBeNull();
  });

  it("reads the session, its user and a staff user's teams in one statement, as the separate queries read them", async () => {
    const staff = await insertStaffUser(t.db, { roles: ["agent"] });
    const made = await t.db
      .insert(teams)
      .values([{ code: `s1-${staff.id.slice(0, 8)}`, name: "Litiges" }, { code: `s2-${staff.id.slice(0, 8)}`, name: "Crédit" }])
      .returning();
    await t.db.insert(staffTeams).values(made.map((team) => ({ staffId: staff.id, teamId: team.id })));
    const user = await customer();
    const staffSession = await createSession(t.db, { userKind: "staff", userId: staff.id }, now);
    const customerSession = await createSession(t.db, { userKind: "customer", userId: user.id }, now);
    const statements: string[] = [];
    const logged = drizzle(t.sql, { schema, logger: { logQuery: (query) => statements.push(query) } });

    const actor = await resolveStaffActor(logged, requestWith("backoffice", staffSession.token), later(1));
    expect(statements).toHaveLength(1);
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    const { passwordHash: _hash, ...expectedUser } = row!;
    const validated = await validateSession(t.db, staffSession.token, "staff", later(1));
    expect(validated?.user).toEqual(expectedUser);
    expect(actor?.teamIds).toEqual(made.map((team) => team.id).sort());

    statements.length = 0;
    const customerActor = await resolveCustomerActor(logged, requestWith("portal", customerSession.token), later(1));
    expect(statements).toHaveLength(1);
    expect(customerActor).toMatchObject({ userId: user.id, accountId: user.accountId });
    const [customerRow] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, user.id));
    const { passwordHash: _customerHash, ...expectedCustomer } = customerRow!;
    expect((await validateSession(t.db, customerSession.token, "customer", later(1)))?.user).toEqual(expectedCustomer);

    // A staff member without a team has none (not a null).
    const loner = await insertStaffUser(t.db, { roles: ["agent"] });
    const lonerSession = await createSession(t.db, { userKind: "staff", userId: loner.id }, now);
    expect((await resolveStaffActor(t.db, requestWith("backoffice", lonerSession.token), later(1)))?.teamIds).toEqual([]);
  });
});
