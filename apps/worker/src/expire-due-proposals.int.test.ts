import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXPIRE_DUE_PROPOSALS_TASK } from "@accord/core";
import { caseEvents, cases, proposals } from "@accord/db";
import { createTestDb, insertCase, insertCustomerAccount, insertCustomerUser, waitUntil, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { CRON_ITEMS, startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let dir: string;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), "accord-worker-proposals-"));
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("expire_due_proposals", () => {
  it("is scheduled every hour, and the worker expires an offered proposal past its last day: the case goes back to the agent", async () => {
    expect(CRON_ITEMS).toContainEqual(expect.objectContaining({ task: EXPIRE_DUE_PROPOSALS_TASK, match: "5 * * * *" }));
    const account = await insertCustomerAccount(t.db);
    const contact = await insertCustomerUser(t.db, { accountId: account.id, email: "julie@client.example", role: "member" });
    const row = await insertCase(t.db, { accountId: account.id, customerContactId: contact.id, receivedAt: new Date("2026-01-05T09:00:00Z"), type: "quality", disputedAmountCents: 10_000, title: "Granulés" });
    await t.db.update(cases).set({ status: "negotiating" }).where(eq(cases.id, row.id));
    const [proposal] = await t.db
      .insert(proposals)
      .values({ caseId: row.id, number: 1, kind: "credit_note", status: "offered", amountCents: 5_000, expiresOn: "2026-01-20", authorCustomerId: contact.id, offeredAt: new Date("2026-01-06T09:00:00Z") })
      .returning();
    const [live] = await t.db
      .insert(proposals)
      .values({ caseId: (await insertCase(t.db, { accountId: account.id, customerContactId: contact.id, receivedAt: new Date(), type: "quality", disputedAmountCents: 10_000, title: "Autre" })).id, number: 1, kind: "refund", status: "offered", amountCents: 1_000, expiresOn: "2999-12-31", authorCustomerId: contact.id })
      .returning();

    worker = await startWorker(parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: join(dir, "mailbox"), FILE_STORE_DIR: join(dir, "files") }), { log: () => {} });
    await worker.runner.addJob(EXPIRE_DUE_PROPOSALS_TASK, {});
    await waitUntil("the proposal past its last day to expire", async () =>
      (await t.db.select().from(proposals).where(eq(proposals.id, proposal!.id)))[0]?.status === "expired" ? true : undefined,
    );
    expect((await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, row.id)))[0]!.status).toBe("investigating");
    expect((await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id))).map((e) => e.type)).toContain("proposal_expired");
    expect((await t.db.select().from(proposals).where(eq(proposals.id, live!.id)))[0]!.status).toBe("offered");
  });
});
