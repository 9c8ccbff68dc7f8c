import { createTestDb, type TestDb } from "@accord/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppDatabase, type AppDatabase } from "./db";

/** Issue 16, what held: a dropped database connection is recovered without restarting the app. */
let t: TestDb;
let app: AppDatabase;
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.url;
  app = createAppDatabase("portal");
});
afterAll(async () => {
  await app?.closeDatabase();
  await t?.close();
});

describe("the app's database pool", () => {
  it("answers again after PostgreSQL has dropped every one of its connections", async () => {
    await app.pingDatabase();
    const killed = await t.sql<{ pid: number }[]>`
      select pg_terminate_backend(pid) as killed, pid from pg_stat_activity
      where application_name = 'accord-portal' and datname = ${t.name}`;
    expect(killed.length).toBeGreaterThan(0);
    // The first query after the drop may meet the dead socket; the pool opens a new connection by itself.
    await app.pingDatabase().catch(() => undefined);
    await expect(app.pingDatabase()).resolves.toBeUndefined();
    const [row] = await app.database().sql<{ one: number }[]>`select 1 as one`;
    expect(row?.one).toBe(1);
  });
});
