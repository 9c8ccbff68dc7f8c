import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema>;
/** A transaction handle: same API as Db. Use cases accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
export type Sql = postgres.Sql;

export type DbHandle = { db: Db; sql: Sql; close: () => Promise<void> };

/** Opens a postgres.js pool and a drizzle client over it. */
export function createDb(
  url: string,
  options: {
    max?: number;
    applicationName?: string;
    /** Called with every statement drizzle sends and its parameters (the queue benchmark's capture). */
    logQuery?: (query: string, params: unknown[]) => void;
  } = {},
): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "accord", TimeZone: "UTC" },
    // bigint columns are read with mode "number" by drizzle; keep postgres.js types default.
  });
  const db = options.logQuery ? drizzle(sql, { schema, logger: { logQuery: options.logQuery } }) : drizzle(sql, { schema });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
