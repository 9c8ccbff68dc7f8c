import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations as runWorkerMigrations } from "graphile-worker";
import postgres from "postgres";

const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
const silentLogger = new Logger(() => () => {});

/**
 * Brings a database up to date: our drizzle SQL migrations first, then graphile-worker's own
 * schema (it owns `graphile_worker.*`). Runs on its own single connection, before any app starts.
 */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
  await runWorkerMigrations({ connectionString: url, logger: silentLogger });
}
