import { hashToken } from "@accord/auth";
import { adminEvents, apiKeys, integrationKeys, reasonCodes } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseInput, type AppError } from "../errors";
import { resolveReasonCode } from "../channels/resolve-reason-code";
import { createCustomer, createStaff, customerActor, parseRefusal, rejection, staffActor } from "../testing/fixtures";
import { addReasonCode } from "./add-reason-code";
import { changeReasonCode } from "./change-reason-code";
import { createApiKey } from "./create-api-key";
import { createIntegrationKey } from "./create-integration-key";
import { deleteReasonCode } from "./delete-reason-code";
import { listApiKeys } from "./list-api-keys";
import { listIntegrationKeys } from "./list-integration-keys";
import { listReasonCodes } from "./list-reason-codes";
import { revokeApiKey } from "./revoke-api-key";
import { revokeIntegrationKey } from "./revoke-integration-key";
import { changeReasonCodeSchema, createApiKeySchema, createIntegrationKeySchema, reasonCodeSchema } from "./schemas";

const t = useTestDb();
const now = new Date("2026-12-01T09:00:00Z");
const later = new Date("2026-12-02T10:00:00Z");

async function company() {
  const account = await insertCustomerAccount(t.db, {});
  const admin = await createCustomer(t.db, { accountId: account.id, role: "admin", name: "Anne Admin" });
  const member = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Marc Membre" });
  const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer", name: "Véra Lectrice" });
  return { account, admin, member, viewer, adminActor: await customerActor(t.db, admin.id), memberActor: await customerActor(t.db, member.id) };
}

async function staffAdmin() {
  return staffActor(t.db, (await createStaff(t.db, { roles: ["admin"], name: "Sam Staff" })).id);
}

async function eventsSince(seq: number) {
  return t.db.select().from(adminEvents).where(gt(adminEvents.seq, seq)).orderBy(adminEvents.seq);
}

async function lastSeq() {
  const [row] = await t.db.select({ seq: adminEvents.seq }).from(adminEvents).orderBy(desc(adminEvents.seq)).limit(1);
  return row?.seq ?? 0;
}

const fieldErrors = (error: unknown) => (error as AppError).fieldErrors;

describe("customer API keys", () => {
  it("a company's admin creates a key shown once: only its hash and prefix are stored, it acts as the admin, and the event holds no key", async () => {
    const { account, admin, adminActor } = await company();
    const before = await lastSeq();
    const created = await createApiKey({ db: t.db, actor: adminActor, input: parseInput(createApiKeySchema, { name: " ERP SAP " }), now });

    expect(created.key).toMatch(/^accord_live_[a-z2-7]{32}$/);
    expect(created.prefix).toBe(created.key.slice(0, 16));
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ accountId: account.id, name: "ERP SAP", prefix: created.prefix, keyHash: hashToken(created.key), actingUserId: admin.id, createdByCustomerId: admin.id, createdById: null, revokedAt: null });
    expect(row!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.key);

    const events = await eventsSince(before);
    expect(events.map((e) => e.type)).toEqual(["api_key_created"]);
    expect(events[0]!.payload).toMatchObject({ accountId: account.id, keyId: created.id, name: "ERP SAP", actingUserId: admin.id });
    expect(JSON.stringify(events[0]!.payload)).not.toContain(created.key);
    expect(JSON.stringify(events[0]!.payload)).not.toContain(row!.keyHash);

    // Listed afterwards with its prefix only: the list has no way to show the key again.
    const list = await listApiKeys({ db: t.db, actor: adminActor });
    expect(list.keys).toEqual([expect.objectContaining({ id: created.id, name: "ERP SAP", prefix: created.prefix, actingUserName: "Anne Admin", createdByName: "Anne Admin", lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect(list.actingUsers.map((u) => u.name)).toEqual(["Anne Admin", "Marc Membre"]);
  });

  it("a customer admin may make the key act as a member, never as a viewer, an inactive user or someone of another company", async () => {
    const { member, viewer, adminActor, account } = await company();
    const other = await company();
    const inactive = await createCustomer(t.db, { accountId: account.id, role: "member", active: false });
    const created = await createApiKey({ db: t.db, actor: adminActor, input: { name: "Achats", actingUserId: member.id }, now });
    const [row] = await t.db.select({ actingUserId: apiKeys.actingUserId }).from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row!.actingUserId).toBe(member.id);
    for (const actingUserId of [viewer.id, inactive.id, other.admin.id, "not-a-uuid"]) {
      const error = await rejection(createApiKey({ db: t.db, actor: adminActor, input: { name: "X", actingUserId }, now }));
      expect(fieldErrors(error)).toEqual({ actingUserId: ["keys.error.actingUserInvalid"] });
    }
    expect(await t.db.select().from(apiKeys).where(eq(apiKeys.accountId, account.id))).toHaveLength(1);
  });

  it("a member or a viewer cannot manage keys, and another company's admin neither sees nor revokes them", async () => {
    const martin = await company();
    const port = await company();
    const key = await createApiKey({ db: t.db, actor: martin.adminActor, input: { name: "ERP" }, now });

    await expect(listApiKeys({ db: t.db, actor: martin.memberActor })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiKey({ db: t.db, actor: martin.memberActor, input: { name: "X" }, now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeApiKey({ db: t.db, actor: martin.memberActor, input: { keyId: key.id }, now })).rejects.toMatchObject({ code: "forbidden" });

    // Hôtel du Port's admin names Martin's account and Martin's key: their own account is what they get.
    const theirs = await listApiKeys({ db: t.db, actor: port.adminActor, accountId: martin.account.id });
    expect(theirs.keys).toEqual([]);
    await expect(revokeApiKey({ db: t.db, actor: port.adminActor, input: { keyId: key.id }, now, accountId: martin.account.id })).rejects.toMatchObject({ code: "not_found" });
    const [row] = await t.db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(row!.revokedAt).toBeNull();
  });

  it("revocation keeps the key listed after the live ones with its date, is audited once, and a second revocation changes nothing", async () => {
    const { adminActor, account } = await company();
    const old = await createApiKey({ db: t.db, actor: adminActor, input: { name: "Ancienne" }, now });
    const live = await createApiKey({ db: t.db, actor: adminActor, input: { name: "Nouvelle" }, now });
    const before = await lastSeq();
    expect(await revokeApiKey({ db: t.db, actor: adminActor, input: { keyId: old.id }, now: later })).toEqual({ id: old.id, name: "Ancienne", revoked: true });
    expect(await revokeApiKey({ db: t.db, actor: adminActor, input: { keyId: old.id }, now: new Date("2026-12-03T00:00:00Z") })).toEqual({ id: old.id, name: "Ancienne", revoked: false });
    const events = await eventsSince(before);
    expect(events.map((e) => [e.type, (e.payload as { keyId: string }).keyId])).toEqual([["api_key_revoked", old.id]]);
    expect(events[0]!.payload).toMatchObject({ accountId: account.id });

    const list = await listApiKeys({ db: t.db, actor: adminActor });
    expect(list.keys.map((k) => [k.id, k.revokedAt?.toISOString() ?? null])).toEqual([
      [live.id, null],
      [old.id, later.toISOString()],
    ]);
    await expect(revokeApiKey({ db: t.db, actor: adminActor, input: { keyId: "nope" }, now })).rejects.toMatchObject({ code: "not_found" });
  });

  it("staff create a key for an account, choosing the contact it acts as, and revoke it; an agent cannot", async () => {
    const { account, member } = await company();
    const staff = await staffAdmin();
    const error = await rejection(createApiKey({ db: t.db, actor: staff, input: { name: "ERP" }, now, accountId: account.id }));
    expect(fieldErrors(error)).toEqual({ actingUserId: ["keys.error.actingUserRequired"] });

    const created = await createApiKey({ db: t.db, actor: staff, input: { name: "ERP", actingUserId: member.id }, now, accountId: account.id });
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row).toMatchObject({ accountId: account.id, actingUserId: member.id, createdById: staff.userId, createdByCustomerId: null });
    const list = await listApiKeys({ db: t.db, actor: staff, accountId: account.id });
    expect(list.keys).toEqual([expect.objectContaining({ id: created.id, actingUserName: "Marc Membre", createdByName: "Sam Staff" })]);
    await revokeApiKey({ db: t.db, actor: staff, input: { keyId: created.id }, now, accountId: account.id });

    await expect(listApiKeys({ db: t.db, actor: staff, accountId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "not_found" });
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    await expect(listApiKeys({ db: t.db, actor: agent, accountId: account.id })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a key's name is required, on one line and at most 100 characters", () => {
    expect(fieldErrors(parseRefusal(createApiKeySchema, { name: "  " }))).toEqual({ name: ["validation.required"] });
    expect(fieldErrors(parseRefusal(createApiKeySchema, { name: "a\nb" }))).toEqual({ name: ["validation.singleLine"] });
    expect(fieldErrors(parseRefusal(createApiKeySchema, { name: "x".repeat(101) }))).toEqual({ name: ["validation.tooLong"] });
    expect(parseInput(createApiKeySchema, { name: "x".repeat(100), actingUserId: "" })).toEqual({ name: "x".repeat(100), actingUserId: undefined });
  });
});

describe("integration keys", () => {
  it("a staff admin creates one (shown once, hashed, scope imports, audited without the key), lists and revokes it; no one else may", async () => {
    const admin = await staffAdmin();
    const before = await lastSeq();
    const created = await createIntegrationKey({ db: t.db, actor: admin, input: parseInput(createIntegrationKeySchema, { name: "ERP import" }), now });
    expect(created.key).toMatch(/^accord_int_[a-z2-7]{32}$/);
    const [row] = await t.db.select().from(integrationKeys).where(eq(integrationKeys.id, created.id));
    expect(row).toMatchObject({ name: "ERP import", prefix: created.key.slice(0, 16), keyHash: hashToken(created.key), scopes: ["imports"], createdById: admin.userId });

    const list = await listIntegrationKeys({ db: t.db, actor: admin });
    expect(list).toEqual([expect.objectContaining({ id: created.id, prefix: created.prefix, createdByName: "Sam Staff", revokedAt: null })]);
    expect(JSON.stringify(list)).not.toContain(created.key);

    await revokeIntegrationKey({ db: t.db, actor: admin, input: { keyId: created.id }, now: later });
    expect((await listIntegrationKeys({ db: t.db, actor: admin }))[0]!.revokedAt).toEqual(later);
    const events = await eventsSince(before);
    expect(events.map((e) => e.type)).toEqual(["integration_key_created", "integration_key_revoked"]);
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(created.key);

    const supervisor = await staffActor(t.db, (await createStaff(t.db, { roles: ["supervisor"] })).id);
    const { adminActor } = await company();
    for (const actor of [supervisor, adminActor]) {
      await expect(createIntegrationKey({ db: t.db, actor, input: { name: "X" }, now })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listIntegrationKeys({ db: t.db, actor })).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(fieldErrors(parseRefusal(createIntegrationKeySchema, { name: "" }))).toEqual({ name: ["validation.required"] });
  });
});

describe("reason codes", () => {
  it("a company's admin maps its codes (normalised), sees the administration's too, and a duplicate is refused beside the code", async () => {
    const { account, adminActor } = await company();
    const staff = await staffAdmin();
    await addReasonCode({ db: t.db, actor: staff, input: parseInput(reasonCodeSchema, { code: "QUAL", caseType: "quality", label: "Qualité" }), now });
    const before = await lastSeq();
    const added = await addReasonCode({ db: t.db, actor: adminActor, input: parseInput(reasonCodeSchema, { code: " rq-01 ", caseType: "quality", label: "Produit non conforme" }), now });
    expect(added.code).toBe("RQ-01");
    expect(await resolveReasonCode(t.db, account.id, "rq-01")).toEqual({ caseType: "quality", label: "Produit non conforme" });

    const error = await rejection(addReasonCode({ db: t.db, actor: adminActor, input: parseInput(reasonCodeSchema, { code: "RQ-01 ", caseType: "delivery" }), now }));
    expect(error).toMatchObject({ code: "validation", fieldErrors: { code: ["keys.error.codeTaken"] } });
    // The administration's QUAL does not stop the account from mapping QUAL its own way.
    await addReasonCode({ db: t.db, actor: adminActor, input: parseInput(reasonCodeSchema, { code: "qual", caseType: "delivery" }), now });
    expect(await resolveReasonCode(t.db, account.id, "QUAL")).toEqual({ caseType: "delivery", label: "" });

    const list = await listReasonCodes({ db: t.db, actor: adminActor });
    expect(list.own.map((r) => [r.code, r.caseType])).toEqual([
      ["QUAL", "delivery"],
      ["RQ-01", "quality"],
    ]);
    expect(list.administration.map((r) => r.code)).toEqual(["QUAL"]);
    const events = await eventsSince(before);
    expect(events.map((e) => e.type)).toEqual(["reason_code_added", "reason_code_added"]);
    expect(events[0]!.payload).toMatchObject({ accountId: account.id, code: "RQ-01", caseType: "quality" });
  });

  it("changes and deletes one mapping of its scope only; another company's or the administration's rows are not_found", async () => {
    const martin = await company();
    const port = await company();
    const staff = await staffAdmin();
    const global = await addReasonCode({ db: t.db, actor: staff, input: { code: "LIV", caseType: "delivery", label: "" }, now });
    const mine = await addReasonCode({ db: t.db, actor: martin.adminActor, input: { code: "A1", caseType: "other", label: "" }, now });
    await addReasonCode({ db: t.db, actor: martin.adminActor, input: { code: "A2", caseType: "other", label: "" }, now });

    const before = await lastSeq();
    await changeReasonCode({ db: t.db, actor: martin.adminActor, input: parseInput(changeReasonCodeSchema, { id: mine.id, code: "a3", caseType: "price_billing", label: "Prix" }), now: later });
    const error = await rejection(changeReasonCode({ db: t.db, actor: martin.adminActor, input: { id: mine.id, code: "A2", caseType: "other", label: "" }, now }));
    expect(fieldErrors(error)).toEqual({ code: ["keys.error.codeTaken"] });
    expect(await resolveReasonCode(t.db, martin.account.id, "A3")).toEqual({ caseType: "price_billing", label: "Prix" });

    for (const [actor, id] of [
      [port.adminActor, mine.id],
      [martin.adminActor, global.id],
    ] as const) {
      await expect(changeReasonCode({ db: t.db, actor, input: { id, code: "Z", caseType: "other", label: "" }, now })).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteReasonCode({ db: t.db, actor, input: { id }, now })).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(listReasonCodes({ db: t.db, actor: martin.memberActor })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addReasonCode({ db: t.db, actor: martin.memberActor, input: { code: "M", caseType: "other", label: "" }, now })).rejects.toMatchObject({ code: "forbidden" });

    await deleteReasonCode({ db: t.db, actor: martin.adminActor, input: { id: mine.id }, now: later });
    expect(await resolveReasonCode(t.db, martin.account.id, "A3")).toBeNull();
    const events = await eventsSince(before);
    expect(events.map((e) => e.type)).toEqual(["reason_code_changed", "reason_code_deleted"]);
    expect(events[0]!.payload).toMatchObject({ code: "A3", before: { code: "A1", caseType: "other" } });
  });

  it("staff manage the administration's mapping (no account) and an account's mapping from its page", async () => {
    const { account, adminActor } = await company();
    const staff = await staffAdmin();
    await addReasonCode({ db: t.db, actor: staff, input: { code: "PRIX", caseType: "price_billing", label: "Prix" }, now });
    await addReasonCode({ db: t.db, actor: staff, input: { code: "PRIX", caseType: "quality", label: "" }, now, accountId: account.id });
    const error = await rejection(addReasonCode({ db: t.db, actor: staff, input: { code: "PRIX", caseType: "other", label: "" }, now }));
    expect(fieldErrors(error)).toEqual({ code: ["keys.error.codeTaken"] });

    const administration = await listReasonCodes({ db: t.db, actor: staff });
    // (the file's earlier tests mapped LIV and QUAL for the administration too)
    expect(administration.own.map((r) => [r.code, r.caseType])).toContainEqual(["PRIX", "price_billing"]);
    expect(administration.own.map((r) => r.code)).not.toContain("A2");
    expect(administration.administration).toEqual([]);
    const ofAccount = await listReasonCodes({ db: t.db, actor: staff, accountId: account.id });
    expect(ofAccount.own.map((r) => [r.code, r.caseType])).toEqual([["PRIX", "quality"]]);
    // What staff mapped for the account is what the company's admin sees.
    expect((await listReasonCodes({ db: t.db, actor: adminActor })).own.map((r) => r.code)).toEqual(["PRIX"]);

    expect(await t.db.select({ id: reasonCodes.id }).from(reasonCodes).where(eq(reasonCodes.code, "PRIX"))).toHaveLength(2);
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    await expect(listReasonCodes({ db: t.db, actor: agent })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("bad input is refused per field: empty or long code, a line break, an unknown claim type, a long label", () => {
    expect(fieldErrors(parseRefusal(reasonCodeSchema, { code: " ", caseType: "quality" }))).toEqual({ code: ["validation.required"] });
    expect(fieldErrors(parseRefusal(reasonCodeSchema, { code: "x".repeat(41), caseType: "quality" }))).toEqual({ code: ["validation.tooLong"] });
    expect(fieldErrors(parseRefusal(reasonCodeSchema, { code: "A\r\nB", caseType: "quality" }))).toEqual({ code: ["validation.singleLine"] });
    expect(fieldErrors(parseRefusal(reasonCodeSchema, { code: "A", caseType: "weather" }))).toEqual({ caseType: ["keys.error.caseTypeRequired"] });
    expect(fieldErrors(parseRefusal(reasonCodeSchema, { code: "A", caseType: "other", label: "y".repeat(201) }))).toEqual({ label: ["validation.tooLong"] });
    expect(parseInput(reasonCodeSchema, { code: " ab-1 ", caseType: "other" })).toEqual({ code: "AB-1", caseType: "other", label: "" });
  });
});
