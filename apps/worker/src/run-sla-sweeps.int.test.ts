import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RUN_SLA_SWEEPS_TASK } from "@accord/core";
import { cases, emailMessages, slaNotices } from "@accord/db";
import { createTestDb, insertCase, insertCustomerAccount, insertCustomerUser, insertStaffUser, waitUntil, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { CRON_ITEMS, startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let dir: string;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), "accord-worker-sla-"));
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("run_sla_sweeps", () => {
  it("is scheduled every 5 minutes, and the worker breaches a case past its first-response deadline: priority up, the assignee e-mailed with a link to the back-office", async () => {
    expect(CRON_ITEMS).toContainEqual(expect.objectContaining({ task: RUN_SLA_SWEEPS_TASK, match: "*/5 * * * *" }));
    const account = await insertCustomerAccount(t.db);
    const contact = await insertCustomerUser(t.db, { accountId: account.id, email: "julie@client.example", role: "member" });
    const agent = await insertStaffUser(t.db, { email: "nina@accord.example", roles: ["agent"], name: "Nina Leroy" });
    const past = new Date(Date.now() - 3_600_000);
    const row = await insertCase(t.db, { accountId: account.id, customerContactId: contact.id, receivedAt: new Date(Date.now() - 86_400_000), priority: "P4", assigneeId: agent.id });
    await t.db.update(cases).set({ firstResponseWarnAt: new Date(past.getTime() - 60_000), firstResponseDueAt: past, nextSlaAt: new Date(past.getTime() - 60_000) }).where(eq(cases.id, row.id));

    worker = await startWorker(
      parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: join(dir, "mailbox"), FILE_STORE_DIR: join(dir, "files"), BACKOFFICE_URL: "https://backoffice.accord.example" }),
      { log: () => {} },
    );
    await worker.runner.addJob(RUN_SLA_SWEEPS_TASK, {});
    const mail = await waitUntil("the breach e-mail to the assignee", async () => (await t.db.select().from(emailMessages).where(eq(emailMessages.template, "sla-breach")))[0]);
    expect(mail.to).toEqual(["nina@accord.example"]);
    expect(mail.props).toMatchObject({ reference: row.reference, priorityBefore: "P4", priorityAfter: "P3", caseUrl: `https://backoffice.accord.example/cases/${row.reference}` });
    expect((await t.db.select({ priority: cases.priority, next: cases.nextSlaAt }).from(cases).where(eq(cases.id, row.id)))[0]).toEqual({ priority: "P3", next: null });
    // The warning was passed by the breach: recorded, never sent late.
    expect((await t.db.select({ key: slaNotices.key, sent: slaNotices.sent }).from(slaNotices).orderBy(slaNotices.key)).map((n) => n.sent)).toEqual([true, false]);
  });
});
