import type { Db } from "@accord/db";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { sql } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppDatabase, dbContext, kpiDbContext, type AppDatabase } from "./db";
import { parseEnv } from "./env";

/** Issue 17: KPI_DATABASE_URL points the dashboard's reads at a read replica; unset, they read the one database. */
let primary: TestDb;
let replica: TestDb;
beforeAll(async () => {
  [primary, replica] = await Promise.all([createTestDb(), createTestDb()]);
  process.env.DATABASE_URL ??= primary.url;
});
afterAll(async () => {
  await primary?.close();
  await replica?.close();
});

async function contextOf(app: AppDatabase): Promise<RouterContextProvider> {
  const context = new RouterContextProvider();
  const args = { context, request: new Request("http://localhost/dashboard"), params: {}, unstable_pattern: "/dashboard" } as unknown as Parameters<AppDatabase["dbMiddleware"]>[0];
  await app.dbMiddleware(args, async () => new Response(null));
  return context;
}

async function databaseName(db: Db): Promise<string> {
  const rows = (await db.execute(sql`select current_database() as name, current_setting('application_name') as app`)) as unknown as { name: string; app: string }[];
  return `${rows[0]!.name} ${rows[0]!.app}`;
}

describe("the dashboard's database", () => {
  it("is KPI_DATABASE_URL's when it is set: its own pool, named accord-<app>-kpi, closed with the app's", async () => {
    const app = createAppDatabase("backoffice", () => ({ database: primary.url, kpi: replica.url }));
    try {
      const context = await contextOf(app);
      expect(await databaseName(context.get(dbContext))).toBe(`${primary.name} accord-backoffice`);
      expect(await databaseName(context.get(kpiDbContext))).toBe(`${replica.name} accord-backoffice-kpi`);
    } finally {
      await app.closeDatabase();
    }
    const left = await replica.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = ${replica.name} and application_name = 'accord-backoffice-kpi'`;
    expect(left[0]!.n).toBe(0);
  });

  it("is the app's own database when KPI_DATABASE_URL is unset", async () => {
    const app = createAppDatabase("backoffice", () => ({ database: primary.url, kpi: null }));
    try {
      const context = await contextOf(app);
      expect(context.get(kpiDbContext)).toBe(context.get(dbContext));
      expect(await databaseName(context.get(kpiDbContext))).toBe(`${primary.name} accord-backoffice`);
    } finally {
      await app.closeDatabase();
    }
  });

  it("refuses a KPI_DATABASE_URL that is not a PostgreSQL connection string, naming the variable; empty means unset", () => {
    const base = { NODE_ENV: "test", DATABASE_URL: primary.url };
    expect(() => parseEnv({ ...base, KPI_DATABASE_URL: "mysql://replica/accord" })).toThrow(/KPI_DATABASE_URL: a PostgreSQL connection string/);
    expect(parseEnv({ ...base, KPI_DATABASE_URL: "  " }).KPI_DATABASE_URL).toBeNull();
    expect(parseEnv({ ...base, KPI_DATABASE_URL: "postgres://reader@replica:5432/accord" }).KPI_DATABASE_URL).toBe("postgres://reader@replica:5432/accord");
  });
});
