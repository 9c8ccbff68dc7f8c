import { adminEvents, businessCalendars, customerAccounts, emailMessages, invitationTokens, kbArticles, priceAgreements, sessions, settings, slaPolicies, staffTeams, staffUsers } from "@accord/db";
import { createSession, validateSession } from "@accord/auth";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inviteCustomerUser } from "../customers/invite-customer-user";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { createCalendar } from "./create-calendar";
import { createCustomerAccount } from "./create-customer-account";
import { createPriceAgreement } from "./create-price-agreement";
import { createSlaPolicy } from "./create-sla-policy";
import { createStaffUser } from "./create-staff-user";
import { createTeam } from "./create-team";
import { getCustomerAccount } from "./get-customer-account";
import { getHelpArticle } from "./get-help-article";
import { listCalendars } from "./list-calendars";
import { listCustomerAccounts } from "./list-customer-accounts";
import { listHelpArticles } from "./list-help-articles";
import { listSlaPolicies } from "./list-sla-policies";
import { listStaff } from "./list-staff";
import { renameTeam } from "./rename-team";
import { saveKbArticle } from "./save-kb-article";
import { setSlaPolicyActive } from "./set-sla-policy-active";
import { setStaffUserActive } from "./set-staff-user-active";
import { getApprovalThresholds } from "./get-approval-thresholds";
import { updateApprovalThresholds } from "./update-approval-thresholds";
import { updateCalendar } from "./update-calendar";
import { updateCustomerAccount } from "./update-customer-account";
import { updateSlaPolicy } from "./update-sla-policy";
import { updateStaffUser } from "./update-staff-user";
import type { StaffActor } from "@accord/auth";
import { parseInput } from "../errors";
import { inviteCustomerUserSchema } from "../customers/invite-customer-user";
import { calendarSchema } from "./calendar-input";
import { priceAgreementSchema } from "./create-price-agreement";
import { customerAccountSchema } from "./customer-account-input";
import { kbArticleSchema } from "./kb-article-input";
import { slaPolicySchema } from "./sla-policy-input";
import { createStaffUserSchema, renameTeamSchema, staffProfileSchema, teamSchema } from "./staff-input";
import { approvalThresholdsSchema } from "./update-approval-thresholds";

const t = useTestDb();
let admin: StaffActor;
let agent: StaffActor;
beforeAll(async () => {
  admin = await staffActor(t.db, (await createStaff(t.db, { roles: ["admin"], name: "Ada Admin" })).id);
  agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent", "supervisor", "finance"] })).id);
});

const now = new Date("2026-11-25T10:00:00Z");
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

async function lastAdminEvent() {
  const [row] = await t.db.select().from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
  return row!;
}

function fieldErrorsOf(error: unknown): Record<string, string[]> {
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldErrors ?? {};
}

describe("SLA policies", () => {
  it("creates a policy in business hours stored in minutes, with its admin event", async () => {
    const { id } = await createSlaPolicy({
      db: t.db,
      actor: admin,
      input: parseInput(slaPolicySchema, { name: "Key accounts, quality P1", priority: "P1", type: "quality", tier: "key", firstResponseHours: "1,5", resolutionHours: "16" }),
      now,
    });
    const [row] = await t.db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
    expect(row).toMatchObject({ priority: "P1", type: "quality", tier: "key", firstResponseMinutes: 90, resolutionMinutes: 960, active: true });
    const [calendar] = await t.db.select().from(businessCalendars).where(eq(businessCalendars.isDefault, true));
    expect(row!.calendarId).toBe(calendar!.id);
    expect(await lastAdminEvent()).toMatchObject({ type: "sla_policy_created", actorId: admin.userId });
    const list = await listSlaPolicies({ db: t.db, actor: admin });
    expect(list.policies.map((p) => p.id)).toContain(id);
  });

  it("refuses a duplicate of an active policy's criteria (P2 / any / any is seeded) and a zero target, writing nothing", async () => {
    const before = await t.db.select().from(slaPolicies);
    const duplicate = await rejection(
      createSlaPolicy({ db: t.db, actor: admin, input: parseInput(slaPolicySchema, { name: "Again P2", priority: "P2", firstResponseHours: "4", resolutionHours: "40" }), now }),
    );
    expect(fieldErrorsOf(duplicate)).toEqual({ priority: ["admin.sla.errors.duplicate_criteria"] });
    const zero = parseRefusal(slaPolicySchema, { name: "Zero", priority: "P3", type: "delivery", firstResponseHours: "0", resolutionHours: "abc" });
    expect(fieldErrorsOf(zero)).toEqual({ firstResponseHours: ["admin.errors.positiveTarget"], resolutionHours: ["admin.errors.hoursFormat"] });
    expect(await t.db.select().from(slaPolicies)).toHaveLength(before.length);
  });

  it("edits, deactivates (frees the criteria) and refuses reactivation over a duplicate", async () => {
    const { id } = await createSlaPolicy({ db: t.db, actor: admin, input: parseInput(slaPolicySchema, { name: "Delivery P4", priority: "P4", type: "delivery", firstResponseHours: "8", resolutionHours: "80" }), now });
    await updateSlaPolicy({ db: t.db, actor: admin, policyId: id, input: parseInput(slaPolicySchema, { name: "Delivery P4 (slower)", priority: "P4", type: "delivery", firstResponseHours: "16", resolutionHours: "120" }), now });
    const [edited] = await t.db.select().from(slaPolicies).where(eq(slaPolicies.id, id));
    expect(edited).toMatchObject({ name: "Delivery P4 (slower)", firstResponseMinutes: 960, resolutionMinutes: 7200 });
    await setSlaPolicyActive({ db: t.db, actor: admin, policyId: id, active: false, now });
    const { id: replacement } = await createSlaPolicy({ db: t.db, actor: admin, input: parseInput(slaPolicySchema, { name: "Delivery P4 v2", priority: "P4", type: "delivery", firstResponseHours: "8", resolutionHours: "80" }), now });
    expect(replacement).not.toBe(id);
    const error = await rejection(setSlaPolicyActive({ db: t.db, actor: admin, policyId: id, active: true, now }));
    expect(error).toMatchObject({ code: "conflict", messageKey: "admin.sla.errors.duplicate_criteria" });
  });

  it("refuses a non-admin", async () => {
    expect(await rejection(listSlaPolicies({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(createSlaPolicy({ db: t.db, actor: agent, input: parseInput(slaPolicySchema, { name: "x", firstResponseHours: "1", resolutionHours: "2" }), now }))).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("business calendars", () => {
  const week = { mon: "09:00-12:30, 13:30-18:00", tue: "09:00-12:30, 13:30-18:00", wed: "09:00-12:30", thu: "09:00-18:00", fri: "09:00-17:00", sat: "", sun: "" };

  it("creates a calendar from the form's fields (empty closure rows dropped) and edits it with a closure", async () => {
    const code = unique("cal");
    const { id } = await createCalendar({
      db: t.db,
      actor: admin,
      input: parseInput(calendarSchema, { code, name: "Strasbourg", timeZone: "Europe/Paris", holidays: "FR-alsace-moselle", ...week, closures: [{ from: "", to: "" }] }),
      now,
    });
    const [created] = await t.db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
    expect(created!.definition).toEqual({
      timeZone: "Europe/Paris",
      holidays: "FR-alsace-moselle",
      closures: [],
      weekly: { mon: ["09:00-12:30", "13:30-18:00"], tue: ["09:00-12:30", "13:30-18:00"], wed: ["09:00-12:30"], thu: ["09:00-18:00"], fri: ["09:00-17:00"], sat: [], sun: [] },
    });
    expect(created!.isDefault).toBe(false);
    await updateCalendar({
      db: t.db,
      actor: admin,
      calendarId: id,
      input: parseInput(calendarSchema, { code, name: "Strasbourg", timeZone: "Europe/Paris", holidays: "FR-alsace-moselle", ...week, closures: [{ from: "2026-12-24", to: "2026-12-31" }] }),
      now,
    });
    const [edited] = await t.db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
    expect(edited!.definition.closures).toEqual([{ from: "2026-12-24", to: "2026-12-31" }]);
    expect(await lastAdminEvent()).toMatchObject({ type: "calendar_updated" });
  });

  it("reports the domain's errors on the form's fields", async () => {
    const error = await rejection(
      createCalendar({
        db: t.db,
        actor: admin,
        input: parseInput(calendarSchema, { code: unique("cal"), name: "Bad", timeZone: "Europe/Nowhere", holidays: "FR", ...week, mon: "09:00-08:00", closures: [{ from: "2026-12-31", to: "2026-12-24" }] }),
        now,
      }),
    );
    expect(fieldErrorsOf(error)).toEqual({
      timeZone: ["admin.calendars.errors.unknown_time_zone"],
      mon: ["admin.calendars.errors.range_end_before_start"],
      "closures[0].to": ["admin.calendars.errors.closure_end_before_start"],
    });
  });

  it("moves the default flag to a calendar made default", async () => {
    const [previous] = await t.db.select().from(businessCalendars).where(eq(businessCalendars.isDefault, true));
    const { id } = await createCalendar({ db: t.db, actor: admin, input: parseInput(calendarSchema, { code: unique("cal"), name: "New default", timeZone: "Europe/Paris", holidays: "FR", ...week, isDefault: "on" }), now });
    const defaults = await t.db.select().from(businessCalendars).where(eq(businessCalendars.isDefault, true));
    expect(defaults.map((c) => c.id)).toEqual([id]);
    await updateCalendar({
      db: t.db,
      actor: admin,
      calendarId: previous!.id,
      input: parseInput(calendarSchema, { code: previous!.code, name: previous!.name, timeZone: "Europe/Paris", holidays: "FR", ...week, isDefault: "on" }),
      now,
    });
    const [back] = await t.db.select().from(businessCalendars).where(eq(businessCalendars.isDefault, true));
    expect(back!.id).toBe(previous!.id);
  });

  it("counts the active SLA policies that use each calendar", async () => {
    const { id } = await createCalendar({ db: t.db, actor: admin, input: parseInput(calendarSchema, { code: unique("cal"), name: "Compté", timeZone: "Europe/Paris", holidays: "FR", ...week }), now });
    const policy = (n: number, active = true) => ({ name: `Compté ${n}`, priority: "P1" as const, type: null, tier: null, firstResponseMinutes: 60 * n, resolutionMinutes: 600, calendarId: id, active });
    await t.db.insert(slaPolicies).values([policy(1), policy(2), policy(3), policy(4), policy(5, false)]);
    const calendars = await listCalendars({ db: t.db, actor: admin });
    expect(calendars.find((c) => c.id === id)?.policies).toBe(4);
  });

  it("refuses a non-admin", async () => {
    expect(await rejection(createCalendar({ db: t.db, actor: agent, input: parseInput(calendarSchema, { code: "x", name: "x", timeZone: "Europe/Paris", holidays: "FR", ...week }), now }))).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("staff users and teams", () => {
  it("creates a team and a staff member with roles and teams, who receives a link to choose a password", async () => {
    const { id: teamId } = await createTeam({ db: t.db, actor: admin, input: parseInput(teamSchema, { code: unique("quality"), name: "Qualité" }), now });
    const email = `${unique("new")}@accord.example`;
    const { id } = await createStaffUser({
      db: t.db,
      actor: admin,
      input: parseInput(createStaffUserSchema, { name: "Nina Nouvelle", email: email.toUpperCase(), roles: ["agent", "legal"], teamIds: teamId, language: "en" }),
      backofficeUrl: "http://localhost:3001/",
      now,
    });
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, id));
    expect(user).toMatchObject({ email, roles: ["agent", "legal"], language: "en", passwordHash: null, active: true });
    expect(await t.db.select().from(staffTeams).where(eq(staffTeams.staffId, id))).toEqual([{ staffId: id, teamId }]);
    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.template, "staff-welcome")).orderBy(desc(emailMessages.queuedAt)).limit(1);
    expect(mail!.to).toContain(email);
    expect(mail!.language).toBe("en");
    expect((mail!.props as { setPasswordUrl: string }).setPasswordUrl).toMatch(/^http:\/\/localhost:3001\/reset-password\?token=/);
    expect(await lastAdminEvent()).toMatchObject({ type: "staff_user_created" });

    const again = await rejection(
      createStaffUser({ db: t.db, actor: admin, input: parseInput(createStaffUserSchema, { name: "Twin", email, roles: ["agent"], language: "fr" }), backofficeUrl: "http://x", now }),
    );
    expect(fieldErrorsOf(again)).toEqual({ email: ["admin.staff.errors.emailTaken"] });
    const noRole = parseRefusal(createStaffUserSchema, { name: "No role", email: "norole@accord.example", language: "fr" });
    expect(fieldErrorsOf(noRole)).toEqual({ roles: ["admin.staff.errors.rolesRequired"] });

    await renameTeam({ db: t.db, actor: admin, teamId, input: parseInput(renameTeamSchema, { name: "Qualité produit" }), now });
    const before = await createSession(t.db, { userKind: "staff", userId: id }, now);
    // A new name keeps the session; new roles end it (a session never outlives the privileges it was opened with).
    await updateStaffUser({ db: t.db, actor: admin, userId: id, input: parseInput(staffProfileSchema, { name: "Nina", roles: ["agent", "legal"], teamIds: [teamId], language: "en" }), now });
    expect(await validateSession(t.db, before.token, "staff", now)).not.toBeNull();
    await updateStaffUser({ db: t.db, actor: admin, userId: id, input: parseInput(staffProfileSchema, { name: "Nina N.", roles: ["supervisor"], teamIds: [], language: "fr" }), now });
    expect(await validateSession(t.db, before.token, "staff", now)).toBeNull();
    const list = await listStaff({ db: t.db, actor: admin });
    expect(list.users.find((u) => u.id === id)).toMatchObject({ name: "Nina N.", roles: ["supervisor"], teamIds: [] });
    expect(list.teams.find((team) => team.id === teamId)).toMatchObject({ name: "Qualité produit" });
  });

  it("deactivates a staff member and ends their sessions; never oneself; keeps an active admin", async () => {
    const victim = await createStaff(t.db, { roles: ["agent"] });
    await createSession(t.db, { userKind: "staff", userId: victim.id }, now);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, victim.id))).toHaveLength(1);
    await setStaffUserActive({ db: t.db, actor: admin, userId: victim.id, active: false, now });
    const [row] = await t.db.select().from(staffUsers).where(eq(staffUsers.id, victim.id));
    expect(row!.active).toBe(false);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, victim.id))).toEqual([]);
    expect(await rejection(setStaffUserActive({ db: t.db, actor: admin, userId: admin.userId, active: false, now }))).toMatchObject({
      messageKey: "admin.staff.errors.cannotDeactivateSelf",
    });

    // Only admins left in this database: the others lose the role, the last one keeps it.
    const admins = await t.db.select().from(staffUsers);
    for (const other of admins.filter((u) => u.roles.includes("admin") && u.id !== admin.userId && u.active)) {
      await updateStaffUser({ db: t.db, actor: admin, userId: other.id, input: parseInput(staffProfileSchema, { name: other.name, roles: ["agent"], language: "fr" }), now });
    }
    const lastAdmin = await rejection(updateStaffUser({ db: t.db, actor: admin, userId: admin.userId, input: parseInput(staffProfileSchema, { name: "Ada", roles: ["agent"], language: "fr" }), now }));
    expect(fieldErrorsOf(lastAdmin)).toEqual({ roles: ["admin.staff.errors.lastAdmin"] });
  });

  it("refuses a non-admin", async () => {
    expect(await rejection(listStaff({ db: t.db, actor: agent }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(createTeam({ db: t.db, actor: agent, input: parseInput(teamSchema, { code: "x", name: "x" }), now }))).toMatchObject({ code: "forbidden" });
  });
});

describe("customer accounts and price agreements", () => {
  const base = { name: "Épicerie Fine SAS", tier: "key", language: "fr", paymentTermKind: "end_of_month", paymentTermDays: "45" } as const;

  it("creates an account with its payment term and clauses, edits it, and refuses a taken SIREN", async () => {
    const siren = String(100_000_000 + Math.floor(Math.random() * 899_999_999)).slice(0, 9);
    const { id } = await createCustomerAccount({
      db: t.db,
      actor: admin,
      input: parseInput(customerAccountSchema, { ...base, siren: siren.replace(/(\d{3})/g, "$1 "), vatId: "fr 12 345678901", erpCode: unique("ERP"), claimDeadlineDays: "10", penaltyApplies: "on", penaltyRate: "10,5", mediationApplies: "on", mediator: "mediateur_des_entreprises" }),
      now,
    });
    const [account] = await t.db.select().from(customerAccounts).where(eq(customerAccounts.id, id));
    expect(account).toMatchObject({
      siren,
      vatId: "FR12345678901",
      tier: "key",
      paymentTerm: { kind: "end_of_month", days: 45 },
      clauses: { claimDeadlineDays: 10, penalty: { applies: true, rateBasisPoints: 1050 }, mediation: { applies: true, mediator: "mediateur_des_entreprises" } },
    });
    await updateCustomerAccount({ db: t.db, actor: admin, accountId: id, input: parseInput(customerAccountSchema, { ...base, name: "Épicerie Fine", siren, paymentTermKind: "net", paymentTermDays: "30" }), now });
    const [edited] = await t.db.select().from(customerAccounts).where(eq(customerAccounts.id, id));
    expect(edited).toMatchObject({ name: "Épicerie Fine", paymentTerm: { kind: "net", days: 30 }, clauses: { claimDeadlineDays: null, penalty: { applies: false } } });

    const taken = await rejection(createCustomerAccount({ db: t.db, actor: admin, input: parseInput(customerAccountSchema, { ...base, siren }), now }));
    expect(fieldErrorsOf(taken)).toEqual({ siren: ["admin.accounts.errors.taken"] });
    const bad = parseRefusal(customerAccountSchema, { ...base, siren: "12345", penaltyApplies: "on" });
    expect(fieldErrorsOf(bad)).toEqual({ siren: ["admin.accounts.errors.siren"], penaltyRate: ["admin.accounts.errors.penaltyRateRequired"] });
  });

  it("adds a price agreement in euros, with an optional indexation", async () => {
    const account = await insertCustomerAccount(t.db, { name: "Prix SARL" });
    await createPriceAgreement({
      db: t.db,
      actor: admin,
      accountId: account.id,
      input: parseInput(priceAgreementSchema, { productCode: "FAR-T65", description: "Farine T65 25 kg", unitPrice: "1 234,5", validFrom: "2026-01-01", validTo: "2026-12-31", indexCode: "insee-farine", indexBase: "112,4" }),
      now,
    });
    const [agreement] = await t.db.select().from(priceAgreements).where(eq(priceAgreements.accountId, account.id));
    expect(agreement).toMatchObject({ productCode: "FAR-T65", unitPriceCents: 123450, validTo: "2026-12-31", indexation: { indexCode: "INSEE-FARINE", baseValue: "112.4" } });
    const error = parseRefusal(priceAgreementSchema, { productCode: "X", unitPrice: "1,234", validFrom: "2026-02-01", validTo: "2026-01-01", indexCode: "I" });
    expect(fieldErrorsOf(error)).toEqual({
      unitPrice: ["admin.errors.amountFormat"],
      validTo: ["admin.prices.errors.endBeforeStart"],
      indexBase: ["admin.prices.errors.indexBaseRequired"],
    });
        const detail = await getCustomerAccount({ db: t.db, actor: admin, accountId: account.id });
    expect(detail.agreements).toHaveLength(1);
  });

  it("invites a user into an account from the back-office (staff admin), with the portal's invitation", async () => {
    const account = await insertCustomerAccount(t.db, { name: "Invitée SAS" });
    const email = `${unique("invitee")}@client.example`;
    await inviteCustomerUser({ db: t.db, actor: admin, accountId: account.id, input: parseInput(inviteCustomerUserSchema, { email, name: "Iris Invitée", role: "admin" }), portalUrl: "http://localhost:3000", now });
    const [token] = await t.db.select().from(invitationTokens).where(eq(invitationTokens.email, email));
    expect(token).toMatchObject({ accountId: account.id, role: "admin", invitedById: null });
    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.template, "invitation")).orderBy(desc(emailMessages.queuedAt)).limit(1);
    expect(mail!.to).toContain(email);
    expect(mail!.props).toMatchObject({ inviterName: admin.name, companyName: "Invitée SAS", role: "admin" });
    expect(await lastAdminEvent()).toMatchObject({ type: "customer_user_invited", actorKind: "staff", actorId: admin.userId });
    expect(
      await rejection(inviteCustomerUser({ db: t.db, actor: agent, accountId: account.id, input: parseInput(inviteCustomerUserSchema, { email: "x@client.example", name: "X", role: "member" }), portalUrl: "http://x", now })),
    ).toMatchObject({ code: "forbidden" });
    expect(
      await rejection(inviteCustomerUser({ db: t.db, actor: admin, accountId: "00000000-0000-4000-8000-000000000000", input: parseInput(inviteCustomerUserSchema, { email: "y@client.example", name: "Y", role: "member" }), portalUrl: "http://x", now })),
    ).toMatchObject({ code: "not_found" });
  });

  it("counts each account's active users", async () => {
    const account = await insertCustomerAccount(t.db, { name: "Compté SAS" });
    for (const role of ["admin", "member", "member", "viewer"] as const) await createCustomer(t.db, { accountId: account.id, role });
    await createCustomer(t.db, { accountId: account.id, role: "member", active: false });
    const accounts = await listCustomerAccounts({ db: t.db, actor: admin });
    expect(accounts.find((a) => a.id === account.id)?.users).toBe(4);
  });

  it("refuses a non-admin", async () => {
    expect(await rejection(createCustomerAccount({ db: t.db, actor: agent, input: parseInput(customerAccountSchema, base), now }))).toMatchObject({ code: "forbidden" });
    const account = await insertCustomerAccount(t.db);
    expect(
      await rejection(createPriceAgreement({ db: t.db, actor: agent, accountId: account.id, input: parseInput(priceAgreementSchema, { productCode: "X", unitPrice: "1", validFrom: "2026-01-01" }), now })),
    ).toMatchObject({ code: "forbidden" });
  });
});

describe("approval thresholds", () => {
  it("stores euros as cents, supervisor below finance", async () => {
    await updateApprovalThresholds({ db: t.db, actor: admin, input: parseInput(approvalThresholdsSchema, { supervisorAbove: "4 000", financeAbove: "15000,50" }), now });
    expect(await getApprovalThresholds({ db: t.db, actor: admin })).toEqual({ supervisorAboveCents: 400000, financeAboveCents: 1500050 });
    const [row] = await t.db.select().from(settings).where(eq(settings.key, "approval_thresholds"));
    expect(row!.value).toEqual({ default: { supervisorAboveCents: 400000, financeAboveCents: 1500050 } });
    const error = parseRefusal(approvalThresholdsSchema, { supervisorAbove: "5000", financeAbove: "5000" });
    expect(fieldErrorsOf(error)).toEqual({ financeAbove: ["admin.thresholds.errors.order"] });
    expect(await rejection(updateApprovalThresholds({ db: t.db, actor: agent, input: parseInput(approvalThresholdsSchema, { supervisorAbove: "1", financeAbove: "2" }), now }))).toMatchObject({ code: "forbidden" });
  });
});

describe("knowledge base and the portal's help", () => {
  it("shows only published articles, in the reader's language", async () => {
    const slug = unique("retours");
    const { id } = await saveKbArticle({
      db: t.db,
      actor: admin,
      articleId: null,
      input: parseInput(kbArticleSchema, { slug, titleFr: "Retourner un produit", titleEn: "Returning a product", bodyFr: "Corps FR", bodyEn: "Body EN" }),
      now,
    });
    const customer = await customerActor(t.db, (await createCustomer(t.db, { role: "member" })).id);
    expect((await listHelpArticles({ db: t.db, actor: customer, language: "fr" })).map((a) => a.slug)).not.toContain(slug);
    expect(await rejection(getHelpArticle({ db: t.db, actor: customer, slug, language: "fr" }))).toMatchObject({ code: "not_found" });

    await saveKbArticle({
      db: t.db,
      actor: admin,
      articleId: id,
      input: parseInput(kbArticleSchema, { slug, titleFr: "Retourner un produit", titleEn: "Returning a product", bodyFr: "Corps FR", bodyEn: "Body EN", published: "on" }),
      now,
    });
    const [row] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, id));
    expect(row!.publishedAt).toEqual(now);
    expect(await listHelpArticles({ db: t.db, actor: customer, language: "en" })).toContainEqual({ slug, title: "Returning a product" });
    expect(await getHelpArticle({ db: t.db, actor: customer, slug, language: "fr" })).toMatchObject({ title: "Retourner un produit", body: "Corps FR" });

    const taken = await rejection(saveKbArticle({ db: t.db, actor: admin, articleId: null, input: parseInput(kbArticleSchema, { slug, titleFr: "a", titleEn: "a", bodyFr: "a", bodyEn: "a" }), now }));
    expect(fieldErrorsOf(taken)).toEqual({ slug: ["admin.kb.errors.slugTaken"] });
    expect(await rejection(saveKbArticle({ db: t.db, actor: agent, articleId: null, input: parseInput(kbArticleSchema, { slug: "x", titleFr: "a", titleEn: "a", bodyFr: "a", bodyEn: "a" }), now }))).toMatchObject({
      code: "forbidden",
    });
    expect(await rejection(listHelpArticles({ db: t.db, actor: agent, language: "fr" }))).toMatchObject({ code: "forbidden" });
  });
});
