/**
 * Issue 13's "Done when": the real worker, in production mode, sends through a fake Resend server
 * (RESEND_BASE_URL) that fails with 500s for a while, then answers 429 with Retry-After, then
 * recovers. Every e-mail ends delivered exactly once (the fake counts the idempotency keys), and the
 * one to an address Resend refuses (422) ends undelivered on its case, tried once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getStaffCase, queueEmail } from "@accord/core";
import { emailMessages } from "@accord/db";
import { createTestDb, insertCase, insertCustomerAccount, insertCustomerUser, insertStaffUser, waitUntil, type TestDb } from "@accord/db/testing";
import { rateLimited, serverError, startFakeResend, type FakeResend } from "@accord/email/testing";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffActor } from "@accord/core/testing";
import { parseEnv } from "./env";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let fake: FakeResend;
let dir: string;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestDb();
  fake = await startFakeResend();
  dir = await mkdtemp(join(tmpdir(), "accord-worker-resend-"));
});
afterAll(async () => {
  await worker?.stop();
  await fake.close();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("worker against a Resend outage (fake server)", () => {
  it("delivers every e-mail exactly once after 500s and a 429, and a 422 ends undelivered on the case", async () => {
    const account = await insertCustomerAccount(t.db);
    const contact = await insertCustomerUser(t.db, { accountId: account.id, email: "contact@martin.example" });
    const caseRow = await insertCase(t.db, { accountId: account.id, customerContactId: contact.id });

    // The outage: the first five requests get a 500, the sixth a 429 asking for 1 s; then Resend recovers.
    fake.failNext(serverError(500), serverError(502), serverError(500), serverError(503), serverError(500), rateLimited(1));
    fake.refuse("refused@invalid.example");

    const recipients = ["achats@martin.example", "compta@martin.example", "direction@martin.example", "refused@invalid.example"];
    const ids: string[] = [];
    await t.db.transaction(async (tx) => {
      for (const [i, to] of recipients.entries()) {
        const { id } = await queueEmail(tx, {
          to,
          template: "password-reset",
          language: i % 2 === 0 ? "fr" : "en",
          props: { name: "Claire Dupont", resetUrl: `http://localhost:3000/reset-password?token=t${i}` },
          idempotencyKey: `outage:${i}`,
          caseId: caseRow.id,
        });
        ids.push(id);
      }
    });

    const env = parseEnv({
      DATABASE_URL: t.url,
      NODE_ENV: "production",
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: fake.url,
      MAILBOX_DIR: join(dir, "mailbox"),
      FILE_STORE_DIR: join(dir, "files"),
      EMAIL_RETRY_BASE_MS: "200",
    });
    worker = await startWorker(env, { log: () => {} });
    expect(worker.transportName).toBe("resend");

    const rows = await waitUntil(
      "every e-mail sent or undelivered",
      async () => {
        const found = await t.db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
        return found.every((row) => row.state === "sent" || row.state === "undelivered") ? found : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );

    const byTo = new Map(rows.map((row) => [row.to[0]!, row]));
    for (const to of recipients.slice(0, 3)) expect(byTo.get(to)).toMatchObject({ state: "sent", lastError: null, nextAttemptAt: null });
    expect(byTo.get("refused@invalid.example")).toMatchObject({ state: "undelivered", undeliveredReason: "refused", attempts: 1 });

    // Exactly once each: the fake accepted each key once, and every failure was retried with the same key.
    expect([...fake.accepted.entries()].sort()).toEqual([
      [byTo.get("achats@martin.example")!.idempotencyKey, 1],
      [byTo.get("compta@martin.example")!.idempotencyKey, 1],
      [byTo.get("direction@martin.example")!.idempotencyKey, 1],
    ].sort());
    expect(fake.requests.filter((r) => r.status >= 500)).toHaveLength(5);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.to.includes("refused@invalid.example"))).toHaveLength(1);
    // Some e-mails needed more than one attempt.
    expect(rows.reduce((sum, row) => sum + row.attempts, 0)).toBe(4 + 6);

    // The case page says it.
    const supervisor = await insertStaffUser(t.db, { roles: ["supervisor"] });
    const actor = await staffActor(t.db, supervisor.id);
    const page = await getStaffCase({ db: t.db, actor, input: { reference: caseRow.reference }, now: new Date() });
    expect(page.undeliveredEmails).toMatchObject([{ to: ["refused@invalid.example"], reason: "refused", state: "undelivered" }]);
    expect(page.timeline.filter((e) => e.type === "email_undelivered")).toHaveLength(1);
  });
});
