/**
 * Which graphile-worker workers are alive, without a heartbeat table: each worker process holds, on one
 * reserved connection, a session-level advisory lock per worker id it runs. A process that dies (even
 * `kill -9`) loses its connection, so PostgreSQL releases its locks at once. On start, a worker releases
 * the jobs still locked by workers whose lock nobody holds (`force_unlock_workers`): graphile-worker
 * alone would give them back only after 4 hours.
 */
import type { Sql } from "postgres";

/** The advisory-lock class of worker liveness (first key of the two-key form); the second is hashtext(worker id). */
export const LIVENESS_LOCK_CLASS = 0x41_43_43_44; // "ACCD"

/**
 * A job locked more recently than this is left alone even if its worker holds no lock yet: a worker
 * takes its first job a moment after it is created, before its liveness lock is registered.
 */
const GRACE_SECONDS = 30;

export interface Liveness {
  /** Marks a worker id as alive for as long as this process's liveness connection lives. */
  register(workerId: string): Promise<void>;
  close(): Promise<void>;
}

export async function holdLiveness(sql: Sql): Promise<Liveness> {
  const connection = await sql.reserve();
  let chain: Promise<unknown> = Promise.resolve();
  return {
    register(workerId) {
      const next = chain.then(() => connection`select pg_advisory_lock(${LIVENESS_LOCK_CLASS}, hashtext(${workerId}))`);
      chain = next.catch(() => undefined);
      return next.then(() => undefined);
    },
    async close() {
      await chain;
      connection.release();
    },
  };
}

/**
 * Releases the jobs locked by workers that are gone (no live process holds their liveness lock);
 * returns their ids. Safe to run while other workers run: a live worker's jobs stay locked.
 */
export async function releaseDeadWorkers(sql: Sql): Promise<string[]> {
  const lockers = await sql<{ lockedBy: string }[]>`
    select distinct locked_by as "lockedBy" from graphile_worker._private_jobs
    where locked_by is not null and locked_at < now() - make_interval(secs => ${GRACE_SECONDS})`;
  if (lockers.length === 0) return [];
  const probe = await sql.reserve();
  const dead: string[] = [];
  try {
    for (const { lockedBy } of lockers) {
      const [row] = await probe<{ free: boolean }[]>`select pg_try_advisory_lock(${LIVENESS_LOCK_CLASS}, hashtext(${lockedBy})) as free`;
      if (row?.free) {
        dead.push(lockedBy);
        await probe`select pg_advisory_unlock(${LIVENESS_LOCK_CLASS}, hashtext(${lockedBy}))`;
      }
    }
  } finally {
    probe.release();
  }
  if (dead.length > 0) await sql`select graphile_worker.force_unlock_workers(${dead}::text[])`;
  return dead;
}
