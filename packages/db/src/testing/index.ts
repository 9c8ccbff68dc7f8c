import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type DbHandle } from "../client";
import { withDatabase } from "./urls";
import "./provided-context";

export { withDatabase } from "./urls";
export * from "./factories";

export type TestDb = DbHandle & { url: string; name: string };

/**
 * A fresh database cloned from the migrated template (CREATE DATABASE … TEMPLATE …).
 * Call once per test file, in beforeAll, and close it in afterAll.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = inject("accordTestServerUrl");
  const template = inject("accordTemplateDatabase");
  const name = `accord_test_${template.split("_")[2]}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = withDatabase(serverUrl, name);
  const handle = createDb(url, { max: 5, applicationName: "accord-test" });
  return {
    ...handle,
    url,
    name,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        // A pool that has just been ended (graphile-worker's node-postgres pool resolves `end()` before
        // its sockets close) may still have connections on their way out. `with (force)` would terminate
        // them, and the FATAL it sends reaches a client with no error listener left: an unhandled error
        // that fails the test file. So the drop waits (boundedly) for them to leave by themselves; only
        // connections a test leaked are still there after that, and `force` ends them.
        await waitUntil(
          `the connections to ${name} to close`,
          async () => ((await cleanup`select count(*)::int as n from pg_stat_activity where datname = ${name}`)[0]!.n === 0 ? true : undefined),
          { timeoutMs: 5_000, intervalMs: 20 },
        ).catch(() => undefined);
        await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end({ timeout: 5 });
      }
    },
  };
}

/**
 * The test file's own database ({@link createTestDb}): created before the file's first test and
 * dropped after its last. Call it once at the top of the file (`const t = useTestDb();`); its fields
 * (`t.db`, `t.sql`, `t.url`) are read when a hook or a test runs, never while the file loads.
 */
export function useTestDb(): TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestDb, {
    get(_, field) {
      if (!current) throw new Error("useTestDb: the database exists only in the file's hooks and tests");
      return Reflect.get(current, field);
    },
  });
}

/**
 * Polls `probe` until it gives a value. Gives up only after a generous bound (60 s by default: the
 * machines are shared and may be loaded) and then says what it waited for. Never a timing assertion.
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, { timeoutMs = 60_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
