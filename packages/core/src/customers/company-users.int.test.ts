import { createSession, validateSession } from "@accord/auth";
import { adminEvents, customerUsers, emailMessages, invitationTokens, sessions } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signIn } from "../auth/sign-in";
import { AppError } from "../errors";
import { createCustomer, customerActor, createStaff, staffActor, parseRefusal, rejection } from "../testing/fixtures";
import { acceptInvitation } from "./accept-invitation";
import { changeCustomerUserRole } from "./change-customer-user-role";
import { checkInvitation } from "./check-invitation";
import { deactivateCustomerUser } from "./deactivate-customer-user";
import { inviteCustomerUser, INVITATION_LIFETIME_MS } from "./invite-customer-user";
import { listCompanyUsers } from "./list-company-users";
import { reactivateCustomerUser } from "./reactivate-customer-user";
import { revokeInvitation } from "./revoke-invitation";
import { parseInput } from "../errors";
import { signInSchema } from "../auth/schemas";
import { acceptInvitationSchema } from "./accept-invitation";
import { changeCustomerUserRoleSchema } from "./change-customer-user-role";
import { customerUserTargetSchema } from "./deactivate-customer-user";
import { inviteCustomerUserSchema } from "./invite-customer-user";

const t = useTestDb();

const now = new Date("2026-11-25T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const portalUrl = "http://localhost:3000/";
const PASSWORD = "a brand new passphrase";
let counter = 0;
const newAddress = () => `invitee-${process.pid}-${++counter}@client.example`;

/** An account with an admin, a member and a viewer. */
async function aCompany(name = "Boulangeries Test SAS") {
  const account = await insertCustomerAccount(t.db, { name });
  const admin = await createCustomer(t.db, { accountId: account.id, role: "admin", name: "Marc Martin" });
  const member = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Anne Achats" });
  const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer", name: "Chloé Compta" });
  return {
    account,
    admin,
    member,
    viewer,
    adminActor: await customerActor(t.db, admin.id),
    memberActor: await customerActor(t.db, member.id),
    viewerActor: await customerActor(t.db, viewer.id),
  };
}

/** The token of the latest invitation e-mail to this address, as the invitee would click it. */
async function invitationTokenFor(email: string): Promise<string> {
  const rows = await t.db.select().from(emailMessages).orderBy(desc(emailMessages.queuedAt));
  const row = rows.find((r) => r.to.includes(email) && r.template === "invitation");
  const url = (row!.props as { acceptUrl: string }).acceptUrl;
  return url.split("/invitations/")[1]!;
}

async function lastAdminEvent() {
  const [row] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
  return row!;
}

const expectAppError = (error: unknown, code: string, messageKey?: string) => {
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
};

describe("listCompanyUsers", () => {
  it("shows an admin everyone of the company with e-mails and pending invitations, nobody of another company", async () => {
    const c = await aCompany();
    const other = await aCompany();
    await deactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: c.member.id }), now });
    const invitee = newAddress();
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email: invitee, name: "Julie Bernard", role: "member" }), portalUrl, now });

    const list = await listCompanyUsers({ db: t.db, actor: c.adminActor, now });
    expect(list.canManage).toBe(true);
    expect(list.users.map((u) => u.id).sort()).toEqual([c.admin.id, c.member.id, c.viewer.id].sort());
    expect(list.users.find((u) => u.id === c.member.id)).toMatchObject({ active: false, email: c.member.email, role: "member" });
    expect(list.users.find((u) => u.id === c.admin.id)).toMatchObject({ isSelf: true });
    expect(list.users.some((u) => u.id === other.admin.id)).toBe(false);
    expect(list.invitations).toEqual([
      expect.objectContaining({ email: invitee, name: "Julie Bernard", role: "member", invitedByName: "Marc Martin", expiresAt: later(INVITATION_LIFETIME_MS) }),
    ]);
  });

  it("shows a member or a viewer the active colleagues' names and roles, read-only, without addresses or invitations", async () => {
    const c = await aCompany();
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email: newAddress(), name: "X", role: "member" }), portalUrl, now });
    await deactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: c.member.id }), now });
    const list = await listCompanyUsers({ db: t.db, actor: c.viewerActor, now });
    expect(list.canManage).toBe(false);
    expect(list.invitations).toEqual([]);
    expect(list.users.map((u) => u.id).sort()).toEqual([c.admin.id, c.viewer.id].sort());
    expect(list.users.find((u) => u.id === c.admin.id)).toMatchObject({ name: "Marc Martin", role: "admin", email: null });
    expect(list.users.find((u) => u.id === c.viewer.id)).toMatchObject({ isSelf: true, email: c.viewer.email });
  });

  it("refuses a staff member", async () => {
    const staff = await staffActor(t.db, (await createStaff(t.db)).id);
    expectAppError(await rejection(listCompanyUsers({ db: t.db, actor: staff, now })), "forbidden");
  });
});

describe("inviteCustomerUser", () => {
  it("stores only the token's hash, queues the mandatory invitation e-mail with a 7-day link, and records who invited whom", async () => {
    const c = await aCompany("Boulangeries Martin Test SAS");
    const email = newAddress();
    const result = await inviteCustomerUser({
      db: t.db,
      actor: c.adminActor,
      input: parseInput(inviteCustomerUserSchema, { email: `  ${email.toUpperCase()} `, name: " Julie Bernard ", role: "viewer" }),
      portalUrl,
      now,
    });
    expect(result).toEqual({ email, expiresAt: later(INVITATION_LIFETIME_MS) });

    const mails = (await t.db.select().from(emailMessages).where(eq(emailMessages.template, "invitation"))).filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail).toMatchObject({ to: [email], language: "fr", subject: "Invitation à rejoindre Boulangeries Martin Test SAS sur Accord", state: "queued" });
    expect(mail!.props).toMatchObject({ name: "Julie Bernard", inviterName: "Marc Martin", companyName: "Boulangeries Martin Test SAS" });
    const token = await invitationTokenFor(email);
    expect((mail!.props as { acceptUrl: string }).acceptUrl).toBe(`http://localhost:3000/invitations/${token}`);

    const [row] = await t.db.select().from(invitationTokens).where(eq(invitationTokens.email, email));
    expect(row).toMatchObject({ accountId: c.account.id, role: "viewer", name: "Julie Bernard", invitedById: c.admin.id, acceptedAt: null });
    expect(row!.id).not.toBe(token);
    expect(row!.id).toMatch(/^[0-9a-f]{64}$/);

    expect(await lastAdminEvent()).toMatchObject({
      type: "customer_user_invited",
      actorKind: "customer",
      actorId: c.admin.id,
      payload: { accountId: c.account.id, email, role: "viewer", name: "Julie Bernard" },
    });
  });

  it("refuses a member and a viewer, and writes nothing", async () => {
    const c = await aCompany();
    for (const actor of [c.memberActor, c.viewerActor]) {
      const email = newAddress();
      expectAppError(await rejection(inviteCustomerUser({ db: t.db, actor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now })), "forbidden");
      expect(await t.db.select().from(invitationTokens).where(eq(invitationTokens.email, email))).toEqual([]);
    }
  });

  it("refuses an address already used in the company, on the e-mail field", async () => {
    const c = await aCompany();
    const error = await rejection(inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email: c.member.email, name: "X", role: "member" }), portalUrl, now }));
    expectAppError(error, "validation", "company.errors.emailTaken");
    expect((error as AppError).fieldErrors).toEqual({ email: ["company.errors.emailTaken"] });
  });

  it("answers for an address of another company's user exactly as for a new address, and e-mails nobody", async () => {
    const c = await aCompany();
    const other = await aCompany("Hôtel Secret SARL");
    const fresh = newAddress();
    const freshAnswer = await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email: fresh, name: "X", role: "member" }), portalUrl, now });
    const takenAnswer = await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email: other.member.email, name: "X", role: "member" }), portalUrl, now });
    expect(takenAnswer).toEqual({ ...freshAnswer, email: other.member.email });
    expect(JSON.stringify(takenAnswer)).not.toContain("Hôtel Secret");
    // The admin's list shows both as pending invitations, alike.
    const pending = (await listCompanyUsers({ db: t.db, actor: c.adminActor, now })).invitations.map((i) => i.email).sort();
    expect(pending).toEqual([fresh, other.member.email].sort());
    // The existing user gets no invitation (it could not be accepted), and keeps their company.
    const mails = await t.db.select().from(emailMessages).where(eq(emailMessages.template, "invitation"));
    expect(mails.filter((m) => m.to.includes(other.member.email))).toEqual([]);
    expect(mails.filter((m) => m.to.includes(fresh))).toHaveLength(1);
    const [member] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, other.member.id));
    expect(member!.accountId).toBe(other.account.id);
  });

  it("answers for an address with a pending invitation from another company as for a new one; the first link accepted wins", async () => {
    const c = await aCompany();
    const other = await aCompany();
    const email = newAddress();
    await inviteCustomerUser({ db: t.db, actor: other.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now });
    const otherToken = await invitationTokenFor(email);
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now: later(1_000) });
    const ownToken = await invitationTokenFor(email);
    expect(ownToken).not.toBe(otherToken);
    const accept = (token: string, at: Date) =>
      acceptInvitation({ db: t.db, input: parseInput(acceptInvitationSchema, { token, name: "X", password: PASSWORD, confirm: PASSWORD }), language: "fr", ip: null, userAgent: null, now: at });
    await accept(ownToken, later(2_000));
    const [joined] = await t.db.select().from(customerUsers).where(eq(customerUsers.email, email));
    expect(joined!.accountId).toBe(c.account.id);
    expectAppError(await rejection(accept(otherToken, later(3_000))), "token_invalid");
  });

  it("tells a staff administrator plainly that an address is taken, whichever company holds it", async () => {
    const c = await aCompany();
    const other = await aCompany();
    const staff = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"] })).id);
    const pendingElsewhere = newAddress();
    await inviteCustomerUser({ db: t.db, actor: other.adminActor, input: parseInput(inviteCustomerUserSchema, { email: pendingElsewhere, name: "X", role: "member" }), portalUrl, now });
    for (const email of [other.member.email, pendingElsewhere]) {
      const error = await rejection(inviteCustomerUser({ db: t.db, actor: staff, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now, accountId: c.account.id }));
      expectAppError(error, "validation", "company.errors.emailTaken");
    }
  });

  it("gives field errors for a bad address, an empty name and an unknown role", async () => {
    const error = parseRefusal(inviteCustomerUserSchema, { email: "not-an-address", name: "  ", role: "owner" as never });
    expectAppError(error, "validation");
    expect((error as AppError).fieldErrors).toEqual({
      email: ["validation.email"],
      name: ["validation.required"],
      role: ["company.errors.roleInvalid"],
    });
  });

  it("inviting the same address again replaces the previous link", async () => {
    const c = await aCompany();
    const email = newAddress();
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now });
    const first = await invitationTokenFor(email);
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "admin" }), portalUrl, now: later(60_000) });
    const second = await invitationTokenFor(email);
    expect(second).not.toBe(first);
    expect((await checkInvitation({ db: t.db, token: first, now: later(120_000) })).state).not.toBe("valid");
    expect((await checkInvitation({ db: t.db, token: second, now: later(120_000) })).state).toBe("valid");
    expect((await listCompanyUsers({ db: t.db, actor: c.adminActor, now: later(120_000) })).invitations).toHaveLength(1);
  });
});

describe("acceptInvitation", () => {
  async function invited(role: "admin" | "member" | "viewer" = "member") {
    const c = await aCompany("Boulangeries Accept SAS");
    const email = newAddress();
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "Julie Bernard", role }), portalUrl, now });
    return { ...c, email, token: await invitationTokenFor(email) };
  }

  it("shows the invitee their company and the name typed by the admin", async () => {
    const i = await invited();
    expect(await checkInvitation({ db: t.db, token: i.token, now })).toEqual({
      state: "valid",
      email: i.email,
      name: "Julie Bernard",
      companyName: "Boulangeries Accept SAS",
    });
    expect((await checkInvitation({ db: t.db, token: "nope", now })).state).toBe("invalid");
    expect((await checkInvitation({ db: t.db, token: i.token, now: later(INVITATION_LIFETIME_MS) })).state).toBe("expired");
  });

  it("creates the active user with the invited role and a session, and the link cannot be used twice", async () => {
    const i = await invited("viewer");
    const accepted = await acceptInvitation({
      db: t.db,
      input: parseInput(acceptInvitationSchema, { token: i.token, name: "Julie B.", password: PASSWORD, confirm: PASSWORD }),
      language: "en",
      ip: "203.0.113.9",
      userAgent: "test",
      now: later(60_000),
    });
    expect(accepted.language).toBe("en");
    const session = await validateSession(t.db, accepted.token, "customer", later(120_000));
    expect(session?.user).toMatchObject({ email: i.email, name: "Julie B.", role: "viewer", accountId: i.account.id, active: true, language: "en" });

    const signedIn = await signIn({ db: t.db, input: parseInput(signInSchema, { email: i.email, password: PASSWORD }), app: "portal", ip: null, userAgent: null, now: later(180_000) });
    expect(signedIn.token).toBeTruthy();

    expect(await lastAdminEvent()).toMatchObject({ type: "customer_user_joined", actorId: accepted.userId, payload: { accountId: i.account.id, role: "viewer" } });

    const again = await rejection(
      acceptInvitation({ db: t.db, input: parseInput(acceptInvitationSchema, { token: i.token, name: "Mallory", password: PASSWORD, confirm: PASSWORD }), ip: null, userAgent: null, now: later(240_000) }),
    );
    expectAppError(again, "token_invalid", "invitations.invalid");
    expect(await t.db.select().from(customerUsers).where(eq(customerUsers.email, i.email))).toHaveLength(1);
  });

  it("refuses an expired link with token_expired and creates nobody", async () => {
    const i = await invited();
    const error = await rejection(
      acceptInvitation({ db: t.db, input: parseInput(acceptInvitationSchema, { token: i.token, name: "J", password: PASSWORD, confirm: PASSWORD }), ip: null, userAgent: null, now: later(INVITATION_LIFETIME_MS + 1) }),
    );
    expectAppError(error, "token_expired", "invitations.expired");
    expect(await t.db.select().from(customerUsers).where(eq(customerUsers.email, i.email))).toEqual([]);
  });

  it("applies the reset's password rules, and a refused form leaves the link usable", async () => {
    const i = await invited();
    const error = parseRefusal(acceptInvitationSchema, { token: i.token, name: "", password: "short", confirm: "other" });
    expectAppError(error, "validation");
    expect((error as AppError).fieldErrors).toMatchObject({ name: ["validation.required"], password: ["validation.passwordTooShort"], confirm: ["validation.passwordMismatch"] });
    expect((await checkInvitation({ db: t.db, token: i.token, now })).state).toBe("valid");
    expect(await t.db.select().from(customerUsers).where(eq(customerUsers.email, i.email))).toEqual([]);
  });
});

describe("changeCustomerUserRole", () => {
  it("lets an admin change a colleague's role, recorded with from and to", async () => {
    const c = await aCompany();
    const memberSession = await createSession(t.db, { userKind: "customer", userId: c.member.id }, now);
    const adminSession = await createSession(t.db, { userKind: "customer", userId: c.admin.id }, now);
    const result = await changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.member.id, role: "viewer" }), now });
    expect(result).toMatchObject({ role: "viewer", changed: true });
    // The colleague's sessions end with the old role; the admin's own goes on.
    expect(await validateSession(t.db, memberSession.token, "customer", now)).toBeNull();
    expect(await validateSession(t.db, adminSession.token, "customer", now)).not.toBeNull();
    expect((await customerActor(t.db, c.member.id)).permissions).not.toContain("case:create");
    expect(await lastAdminEvent()).toMatchObject({
      type: "customer_user_role_changed",
      actorId: c.admin.id,
      payload: { userId: c.member.id, from: "member", to: "viewer" },
    });
  });

  it("refuses a member and a viewer", async () => {
    const c = await aCompany();
    for (const actor of [c.memberActor, c.viewerActor]) {
      expectAppError(await rejection(changeCustomerUserRole({ db: t.db, actor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.viewer.id, role: "admin" }), now })), "forbidden");
    }
  });

  it("answers not_found for a user of another company, and for a malformed id", async () => {
    const c = await aCompany();
    const other = await aCompany();
    expectAppError(await rejection(changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: other.member.id, role: "admin" }), now })), "not_found");
    expectAppError(await rejection(changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: "x'; drop", role: "admin" }), now })), "not_found");
    const [unchanged] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, other.member.id));
    expect(unchanged!.role).toBe("member");
  });

  it("never leaves the company without an active admin", async () => {
    const c = await aCompany();
    const error = await rejection(changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.admin.id, role: "member" }), now }));
    expectAppError(error, "conflict", "company.errors.lastAdmin");
    // With a second admin, the first may step down.
    await changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.member.id, role: "admin" }), now });
    await changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.admin.id, role: "member" }), now });
    const [admin] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, c.admin.id));
    expect(admin!.role).toBe("member");
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const c = await aCompany();
    await changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.member.id, role: "admin" }), now });
    const secondAdmin = await customerActor(t.db, c.member.id);
    const outcomes = await Promise.allSettled([
      changeCustomerUserRole({ db: t.db, actor: c.adminActor, input: parseInput(changeCustomerUserRoleSchema, { userId: c.member.id, role: "member" }), now }),
      changeCustomerUserRole({ db: t.db, actor: secondAdmin, input: parseInput(changeCustomerUserRoleSchema, { userId: c.admin.id, role: "member" }), now }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const admins = await t.db
      .select()
      .from(customerUsers)
      .where(and(eq(customerUsers.accountId, c.account.id), eq(customerUsers.role, "admin"), eq(customerUsers.active, true)));
    expect(admins).toHaveLength(1);
  });
});

describe("deactivateCustomerUser / reactivateCustomerUser", () => {
  it("ends the user's sessions and stops their sign-in; reactivation lets them in again", async () => {
    const c = await aCompany();
    const session = await createSession(t.db, { userKind: "customer", userId: c.member.id }, now);
    await deactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: c.member.id }), now });
    expect(await validateSession(t.db, session.token, "customer", now)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, c.member.id))).toEqual([]);
    expect(await lastAdminEvent()).toMatchObject({ type: "customer_user_deactivated", actorId: c.admin.id, payload: { userId: c.member.id } });
    const refused = await rejection(
      signIn({ db: t.db, input: parseInput(signInSchema, { email: c.member.email, password: "correct horse battery staple" }), app: "portal", ip: null, userAgent: null, now }),
    );
    expectAppError(refused, "validation", "auth.invalidCredentials");

    await reactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: c.member.id }), now });
    expect(await lastAdminEvent()).toMatchObject({ type: "customer_user_reactivated", payload: { userId: c.member.id } });
    const signedIn = await signIn({ db: t.db, input: parseInput(signInSchema, { email: c.member.email, password: "correct horse battery staple" }), app: "portal", ip: null, userAgent: null, now });
    expect(signedIn.token).toBeTruthy();
  });

  it("an admin cannot deactivate themself", async () => {
    const c = await aCompany();
    expectAppError(
      await rejection(deactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: c.admin.id }), now })),
      "validation",
      "company.errors.cannotDeactivateSelf",
    );
  });

  it("refuses a member and a viewer; another company's user is not_found", async () => {
    const c = await aCompany();
    const other = await aCompany();
    for (const actor of [c.memberActor, c.viewerActor]) {
      expectAppError(await rejection(deactivateCustomerUser({ db: t.db, actor, input: parseInput(customerUserTargetSchema, { userId: c.admin.id }), now })), "forbidden");
      expectAppError(await rejection(reactivateCustomerUser({ db: t.db, actor, input: parseInput(customerUserTargetSchema, { userId: c.admin.id }), now })), "forbidden");
    }
    expectAppError(await rejection(deactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: other.member.id }), now })), "not_found");
    expectAppError(await rejection(reactivateCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(customerUserTargetSchema, { userId: other.member.id }), now })), "not_found");
    const [stillActive] = await t.db.select().from(customerUsers).where(eq(customerUsers.id, other.member.id));
    expect(stillActive!.active).toBe(true);
  });
});

describe("revokeInvitation", () => {
  it("kills a pending link of the company, recorded; another company's invitation is not_found; members cannot", async () => {
    const c = await aCompany();
    const other = await aCompany();
    const email = newAddress();
    await inviteCustomerUser({ db: t.db, actor: c.adminActor, input: parseInput(inviteCustomerUserSchema, { email, name: "X", role: "member" }), portalUrl, now });
    const token = await invitationTokenFor(email);

    expectAppError(await rejection(revokeInvitation({ db: t.db, actor: other.adminActor, input: { email }, now })), "not_found");
    expectAppError(await rejection(revokeInvitation({ db: t.db, actor: c.memberActor, input: { email }, now })), "forbidden");
    expect((await checkInvitation({ db: t.db, token, now })).state).toBe("valid");

    await revokeInvitation({ db: t.db, actor: c.adminActor, input: { email: email.toUpperCase() }, now });
    expect((await checkInvitation({ db: t.db, token, now: later(1) })).state).not.toBe("valid");
    expect(await lastAdminEvent()).toMatchObject({ type: "customer_invitation_revoked", actorId: c.admin.id, payload: { email } });
    expect((await listCompanyUsers({ db: t.db, actor: c.adminActor, now: later(1) })).invitations).toEqual([]);
    expectAppError(await rejection(revokeInvitation({ db: t.db, actor: c.adminActor, input: { email }, now: later(2) })), "not_found");
  });
});
