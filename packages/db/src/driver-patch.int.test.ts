import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, waitUntil, type TestDb } from "./testing";

/**
 * The fixes of patches/postgres+3.4.9.patch (ADR 0018), on a real server. A pool of ONE connection, so
 * that the next query runs on the very connection the server cut.
 */
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe("postgres.js 3.4.9 as patched", () => {
  it("a FATAL that cut a query (the server shutting down: 57P01) does not fail the first query of the next connection", async () => {
    const sql = postgres(t.url, { max: 1, onnotice: () => {}, connection: { application_name: "accord-driver-patch" } });
    try {
      const sleeping = sql`select pg_sleep(60)`.then(
        () => "finished",
        (error: { code?: string }) => error.code ?? "failed",
      );
      const pid = await waitUntil("the sleeping query to show in pg_stat_activity", async () => {
        const [row] = await t.sql<{ pid: number }[]>`
          select pid from pg_stat_activity where application_name = 'accord-driver-patch' and query like 'select pg_sleep%' and state = 'active'`;
        return row?.pid;
      });
      // What a fast shutdown does to each backend: FATAL 57P01 "terminating connection due to administrator command".
      await t.sql`select pg_terminate_backend(${pid})`;
      expect(await sleeping).not.toBe("finished");
      // Unpatched, the connection kept that FATAL and failed the next query with it, long after the server was back.
      const [row] = await sql<{ one: number }[]>`select 1 as one`;
      expect(row?.one).toBe(1);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
