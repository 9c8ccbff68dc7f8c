export { createDb, type Db, type DbHandle, type DbOrTx, type Schema, type Sql, type Tx } from "./client";
export * as schema from "./schema";
export * from "./schema";
export { runMigrations } from "./migrate";
export { isDatabaseUnavailable } from "./unavailable";
