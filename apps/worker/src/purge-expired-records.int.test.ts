import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { PURGE_EXPIRED_RECORDS_TASK } from "@accord/core";
import { sessions } from "@accord/db";
import { createTestDb, waitUntil, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { CRON_ITEMS, startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let dir: string;
let worker: RunningWorker | undefined;
beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(join(tmpdir(), "accord-worker-records-"));
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe("purge_expired_records", () => {
  it("is scheduled every night, and the worker removes an expired session while a live one stays", async () => {
    expect(CRON_ITEMS).toContainEqual(expect.objectContaining({ task: PURGE_EXPIRED_RECORDS_TASK, match: "17 3 * * *" }));
    const userId = randomUUID();
    await t.db.insert(sessions).values([
      { id: "expired-yesterday", userKind: "staff", userId, expiresAt: new Date(Date.now() - 86_400_000) },
      { id: "live", userKind: "staff", userId, expiresAt: new Date(Date.now() + 86_400_000) },
    ]);
    worker = await startWorker(parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: join(dir, "mailbox"), FILE_STORE_DIR: join(dir, "files") }), { log: () => {} });
    await waitUntil("the worker to register its nightly crontab", async () => {
      const rows = await t.sql<{ identifier: string }[]>`select identifier from graphile_worker._private_known_crontabs`;
      return rows.some((r) => r.identifier === PURGE_EXPIRED_RECORDS_TASK) ? true : undefined;
    });

    await worker.runner.addJob(PURGE_EXPIRED_RECORDS_TASK, {});
    await waitUntil("the expired session to be purged", async () =>
      (await t.db.select().from(sessions).where(eq(sessions.id, "expired-yesterday"))).length === 0 ? true : undefined,
    );
    expect((await t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id)).toEqual(["live"]);
  });
});
