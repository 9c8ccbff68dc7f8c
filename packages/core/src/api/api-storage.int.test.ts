import { hashToken } from "@accord/auth";
import { apiKeys, integrationKeys } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { createCustomer, createStaff } from "../testing/fixtures";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "./api-idempotency";
import { consumeRateLimit } from "./api-rate-limit";
import { authenticateApiKey } from "./authenticate-api-key";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:20Z");

describe("authenticateApiKey", () => {
  it("yields the acting user's actor for a company key, the scopes of an integration key, and refuses the rest", async () => {
    const account = await insertCustomerAccount(t.db, {});
    const user = await createCustomer(t.db, { accountId: account.id, role: "member" });
    const gone = await createCustomer(t.db, { accountId: account.id, active: false });
    await t.db.insert(apiKeys).values([
      { accountId: account.id, name: "ok", prefix: "p", keyHash: hashToken("k-ok"), actingUserId: user.id },
      { accountId: account.id, name: "revoked", prefix: "p", keyHash: hashToken("k-revoked"), actingUserId: user.id, revokedAt: now },
      { accountId: account.id, name: "inactive", prefix: "p", keyHash: hashToken("k-inactive"), actingUserId: gone.id },
      { accountId: account.id, name: "nobody", prefix: "p", keyHash: hashToken("k-nobody") },
    ]);
    const staff = await createStaff(t.db, { roles: ["admin"] });
    await t.db.insert(integrationKeys).values({ name: "erp", prefix: "p", keyHash: hashToken("k-int"), createdById: staff.id });

    const ok = await authenticateApiKey({ db: t.db, key: "k-ok", now });
    expect(ok).toMatchObject({ ok: true, principal: { kind: "customer", accountId: account.id, actor: { userId: user.id, role: "member", accountId: account.id } } });
    expect(await authenticateApiKey({ db: t.db, key: "k-int", now })).toMatchObject({ ok: true, principal: { kind: "integration", scopes: ["imports"] } });
    expect(await authenticateApiKey({ db: t.db, key: "k-revoked", now })).toEqual({ ok: false, reason: "key_invalid" });
    expect(await authenticateApiKey({ db: t.db, key: "k-unknown", now })).toEqual({ ok: false, reason: "key_invalid" });
    expect(await authenticateApiKey({ db: t.db, key: "k-inactive", now })).toEqual({ ok: false, reason: "acting_user_inactive" });
    expect(await authenticateApiKey({ db: t.db, key: "k-nobody", now })).toEqual({ ok: false, reason: "key_without_user" });
  });
});

describe("claimIdempotencyKey", () => {
  it("is new once, in progress while running, replays when done, refuses another request, and is given back after a failure", async () => {
    const claim = (requestHash: string, at = now) => claimIdempotencyKey({ db: t.db, principal: "api_key:a", key: "k1", requestHash, now: at });
    expect(await claim("h1")).toEqual({ state: "new" });
    expect(await claim("h1")).toEqual({ state: "in_progress" });
    expect(await claim("h2")).toEqual({ state: "mismatch" });
    await completeIdempotencyKey({ db: t.db, principal: "api_key:a", key: "k1", response: { status: 201, headers: { "content-type": "application/json" }, body: "{}" }, now });
    expect(await claim("h1")).toEqual({ state: "replay", response: { status: 201, headers: { "content-type": "application/json" }, body: "{}" } });
    // Another principal: its own key space.
    expect(await claimIdempotencyKey({ db: t.db, principal: "api_key:b", key: "k1", requestHash: "h2", now })).toEqual({ state: "new" });
    await releaseIdempotencyKey({ db: t.db, principal: "api_key:b", key: "k1" });
    expect(await claimIdempotencyKey({ db: t.db, principal: "api_key:b", key: "k1", requestHash: "h3", now })).toEqual({ state: "new" });
    // After 24 h, the key starts again.
    expect(await claim("h2", new Date(now.getTime() + 24 * 3_600_000 + 1000))).toEqual({ state: "new" });
  });
});

describe("consumeRateLimit", () => {
  it("counts a principal's requests per minute, apart from other principals", async () => {
    const consume = (principal: string, at = now) => consumeRateLimit({ db: t.db, principal, limit: 2, now: at });
    expect(await consume("api_key:r")).toEqual({ limit: 2, remaining: 1, resetSeconds: 40, allowed: true });
    expect(await consume("api_key:r")).toMatchObject({ remaining: 0, allowed: true });
    expect(await consume("api_key:r")).toMatchObject({ remaining: 0, allowed: false });
    expect(await consume("api_key:s")).toMatchObject({ remaining: 1, allowed: true });
    expect(await consume("api_key:r", new Date("2026-11-23T09:01:00Z"))).toEqual({ limit: 2, remaining: 1, resetSeconds: 60, allowed: true });
  });
});
