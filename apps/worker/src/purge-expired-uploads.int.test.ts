import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createFileStore, PURGE_EXPIRED_UPLOADS_TASK, STAGED_UPLOAD_LIFETIME_MS, stageUpload } from "@accord/core";
import { createCustomer, customerActor } from "@accord/core/testing";
import { stagedUploads } from "@accord/db";
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
  dir = await mkdtemp(join(tmpdir(), "accord-worker-files-"));
});
afterAll(async () => {
  await worker?.stop();
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1");

describe("purge_expired_uploads", () => {
  it("is scheduled every 15 minutes, and removes expired staged uploads with their unused bytes", async () => {
    expect(CRON_ITEMS).toContainEqual(expect.objectContaining({ task: PURGE_EXPIRED_UPLOADS_TASK, match: "*/15 * * * *" }));
    const env = parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: join(dir, "mailbox"), FILE_STORE_DIR: join(dir, "files") });
    expect(env.FILE_STORE_DIR).toBe(join(dir, "files"));
    worker = await startWorker(env, { log: () => {} });
    // The running worker knows the schedule.
    const known = await waitUntil("the worker to register its crontab", async () => {
      const rows = await t.sql<{ identifier: string }[]>`select identifier from graphile_worker._private_known_crontabs`;
      return rows.some((r) => r.identifier === PURGE_EXPIRED_UPLOADS_TASK) ? rows : undefined;
    });
    expect(known.map((r) => r.identifier)).toContain(PURGE_EXPIRED_UPLOADS_TASK);

    const store = createFileStore(env.FILE_STORE_DIR);
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const temp = await store.writeTemp(Readable.from([PDF]), { maxBytes: 1e6 });
    if (!temp.ok) throw new Error("unexpected refusal");
    const longAgo = new Date(Date.now() - STAGED_UPLOAD_LIFETIME_MS - 60_000);
    const staged = await stageUpload({ db: t.db, actor, input: { ...temp, fileName: "oublié.pdf" }, store, now: longAgo });
    expect(await store.has(staged.sha256)).toBe(true);

    await worker.runner.addJob(PURGE_EXPIRED_UPLOADS_TASK, {});
    await waitUntil("the expired staged upload to be purged", async () => ((await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, staged.id))).length === 0 ? true : undefined));
    await waitUntil("its unused bytes to leave the file store", async () => ((await store.has(staged.sha256)) ? undefined : true));
    expect(await store.has(staged.sha256)).toBe(false);
  });
});
