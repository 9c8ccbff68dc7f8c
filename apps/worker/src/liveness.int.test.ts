import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDb, waitUntil, type TestDb } from "@accord/db/testing";
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { LIVENESS_LOCK_CLASS, releaseDeadWorkers } from "./liveness";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDb;
let utils: WorkerUtils;
beforeAll(async () => {
  t = await createTestDb();
  utils = await makeWorkerUtils({ connectionString: t.url });
});
afterAll(async () => {
  await utils.release();
  await t.close();
});

/** A job as a worker that took it an hour ago left it. */
async function jobLockedBy(workerId: string, task = "accord_test_noop"): Promise<string> {
  const job = await utils.addJob(task, {}, { maxAttempts: 1 });
  await t.sql`update graphile_worker._private_jobs set locked_by = ${workerId}, locked_at = now() - interval '1 hour' where id = ${job.id}`;
  return job.id;
}

async function lockOf(jobId: string): Promise<string | null> {
  const [row] = await t.sql<{ lockedBy: string | null }[]>`select locked_by as "lockedBy" from graphile_worker._private_jobs where id = ${jobId}`;
  return row?.lockedBy ?? null;
}

describe("worker liveness", () => {
  it("releases the jobs of a worker that is gone, and leaves a live worker's jobs locked", async () => {
    const deadJob = await jobLockedBy("worker-crashed");
    const liveJob = await jobLockedBy("worker-alive");
    // Another process, alive: it holds its worker's liveness lock on its own connection.
    const other = postgres(t.url, { max: 1, onnotice: () => {} });
    try {
      await other`select pg_advisory_lock(${LIVENESS_LOCK_CLASS}, hashtext('worker-alive'))`;
      expect(await releaseDeadWorkers(t.sql)).toEqual(["worker-crashed"]);
      expect(await lockOf(deadJob)).toBeNull();
      expect(await lockOf(liveJob)).toBe("worker-alive");
    } finally {
      await other.end({ timeout: 5 });
    }
    // That process died: its connection is gone, so is its lock.
    expect(await releaseDeadWorkers(t.sql)).toEqual(["worker-alive"]);
    expect(await lockOf(liveJob)).toBeNull();
  });

  it("leaves alone a job locked a moment ago (its worker may not have registered yet)", async () => {
    const job = await utils.addJob("accord_test_noop", {});
    await t.sql`update graphile_worker._private_jobs set locked_by = 'worker-new', locked_at = now() where id = ${job.id}`;
    expect(await releaseDeadWorkers(t.sql)).toEqual([]);
    expect(await lockOf(job.id)).toBe("worker-new");
    await t.sql`update graphile_worker._private_jobs set locked_by = null, locked_at = null where id = ${job.id}`;
    await utils.completeJobs([job.id]);
  });

  it("a starting worker runs the job a crashed worker had locked, and its own workers count as alive", async () => {
    const dir = await mkdtemp(join(tmpdir(), "accord-liveness-"));
    const stranded = await jobLockedBy("worker-killed", "purge_expired_uploads");
    let worker: RunningWorker | undefined;
    const lines: string[] = [];
    try {
      worker = await startWorker(parseEnv({ DATABASE_URL: t.url, NODE_ENV: "test", MAILBOX_DIR: join(dir, "mailbox"), FILE_STORE_DIR: join(dir, "files") }), { log: (line) => lines.push(line) });
      expect(lines.join("\n")).toContain("worker-killed");
      await waitUntil("the stranded job to run and leave the queue", async () => {
        const [row] = await t.sql<{ count: number }[]>`select count(*)::int as count from graphile_worker._private_jobs where id = ${stranded}`;
        return row!.count === 0 ? true : undefined;
      });
      // The running worker's ids hold their liveness locks: nothing of theirs is released.
      const ids = await waitUntil("the running workers to register as alive", async () => {
        const rows = await t.sql<{ objid: number }[]>`select objid::int from pg_locks where locktype = 'advisory' and classid::bigint = ${LIVENESS_LOCK_CLASS} and granted`;
        return rows.length > 0 ? rows : undefined;
      });
      expect(ids.length).toBeGreaterThan(0);
    } finally {
      await worker?.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
