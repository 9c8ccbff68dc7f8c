import { apiIdempotencyKeys, apiRateLimits, invitationTokens, passwordResetTokens, sessions, signInAttempts, webhookEvents } from "@accord/db";
import { createTestDb, insertCustomerAccount, type TestDb } from "@accord/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpiredRecords } from "./purge-expired-records";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const now = new Date("2026-12-06T03:17:00Z");
const ago = (days: number, hours = 0) => new Date(now.getTime() - (days * 24 + hours) * 3_600_000);
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

describe("purgeExpiredRecords (the nightly housekeeping)", () => {
  it("removes what is spent past its retention, keeps the rest, and a second run removes nothing", async () => {
    const userId = randomUUID();
    await t.db.insert(sessions).values([
      { id: "session-expired", userKind: "customer", userId, expiresAt: ago(0, 1) },
      { id: "session-live", userKind: "customer", userId, expiresAt: later(10) },
    ]);
    await t.db.insert(passwordResetTokens).values([
      { id: "reset-expired-2-days", userKind: "staff", userId, expiresAt: ago(2) },
      { id: "reset-expired-an-hour-ago", userKind: "staff", userId, expiresAt: ago(0, 1) },
      { id: "reset-used-2-days-ago", userKind: "staff", userId, expiresAt: later(1), usedAt: ago(2) },
      { id: "reset-unused", userKind: "staff", userId, expiresAt: later(1) },
    ]);
    const account = await insertCustomerAccount(t.db);
    const invitation = (id: string, values: { expiresAt: Date; acceptedAt?: Date }) => ({ id, accountId: account.id, email: `${id}@martin.example`, role: "member", ...values });
    await t.db.insert(invitationTokens).values([
      invitation("invitation-expired-31-days", { expiresAt: ago(31) }),
      invitation("invitation-expired-29-days", { expiresAt: ago(29) }),
      invitation("invitation-accepted-40-days", { expiresAt: later(5), acceptedAt: ago(40) }),
      invitation("invitation-pending", { expiresAt: later(5) }),
    ]);
    await t.db.insert(signInAttempts).values([
      { email: "old@martin.example", ip: "192.0.2.1", succeeded: false, at: ago(200) },
      { email: "recent@martin.example", ip: "192.0.2.1", succeeded: true, at: ago(100) },
    ]);

    await t.db.insert(webhookEvents).values([
      { provider: "resend", eventId: "msg_old", type: "email.bounced", receivedAt: ago(31) },
      { provider: "resend", eventId: "msg_recent", type: "email.delivered", receivedAt: ago(29) },
    ]);

    await t.db.insert(apiIdempotencyKeys).values([
      { principal: "api_key:x", key: "old", requestHash: "h", createdAt: ago(1, 1) },
      { principal: "api_key:x", key: "recent", requestHash: "h", createdAt: ago(0, 23) },
    ]);
    await t.db.insert(apiRateLimits).values([
      { principal: "api_key:x", windowStart: ago(0, 1), count: 3 },
      { principal: "api_key:x", windowStart: new Date(now.getTime() - 30_000), count: 1 },
    ]);

    expect(await purgeExpiredRecords({ db: t.db, now })).toEqual({ sessions: 1, resetTokens: 2, invitations: 2, signInAttempts: 1, webhookEvents: 1, idempotencyKeys: 1, rateLimitWindows: 1 });
    expect((await t.db.select({ key: apiIdempotencyKeys.key }).from(apiIdempotencyKeys)).map((r) => r.key)).toEqual(["recent"]);

    expect((await t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id)).toEqual(["session-live"]);
    expect((await t.db.select({ id: passwordResetTokens.id }).from(passwordResetTokens)).map((r) => r.id).sort()).toEqual(["reset-expired-an-hour-ago", "reset-unused"]);
    expect((await t.db.select({ id: invitationTokens.id }).from(invitationTokens)).map((r) => r.id).sort()).toEqual(["invitation-expired-29-days", "invitation-pending"]);
    expect((await t.db.select({ email: signInAttempts.email }).from(signInAttempts)).map((r) => r.email)).toEqual(["recent@martin.example"]);

    expect((await t.db.select({ eventId: webhookEvents.eventId }).from(webhookEvents)).map((r) => r.eventId)).toEqual(["msg_recent"]);

    expect(await purgeExpiredRecords({ db: t.db, now })).toEqual({ sessions: 0, resetTokens: 0, invitations: 0, signInAttempts: 0, webhookEvents: 0, idempotencyKeys: 0, rateLimitWindows: 0 });
  });
});
