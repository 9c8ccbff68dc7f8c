import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@accord/db/embedded";
import postgres from "postgres";
import { dataDir, databaseUrlFile, embeddedDataDir } from "./paths";

export type DatabaseLease = {
  url: string;
  /** "env" (DATABASE_URL), "running" (an embedded server another Accord process started) or "embedded" (started here; with `ephemeral`, in a temporary directory). */
  source: "env" | "running" | "embedded";
  release: () => Promise<void>;
};

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * The database every command uses: DATABASE_URL when set; else the embedded server that is already
 * running (its URL is in .data/database-url); else an embedded PostgreSQL started here, on a free
 * port, with its data in .data/pg (it survives restarts).
 */
export async function acquireDatabase(
  envUrl: string | undefined,
  options: { ephemeral?: boolean; log?: (line: string) => void } = {},
): Promise<DatabaseLease> {
  const log = options.log ?? (() => {});
  if (envUrl) return { url: envUrl, source: "env", release: async () => {} };
  if (options.ephemeral) {
    // A throw-away server for the end-to-end tests: its own temporary directory, deleted when stopped.
    const dir = await mkdtemp(path.join(tmpdir(), "accord-e2e-pg-"));
    await chmod(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true, onLog: log });
    return {
      url: server.url,
      source: "embedded",
      release: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (existsSync(databaseUrlFile)) {
    const url = (await readFile(databaseUrlFile, "utf8")).trim();
    if (url && (await answers(url))) return { url, source: "running", release: async () => {} };
    await rm(databaseUrlFile, { force: true });
  }
  await mkdir(dataDir, { recursive: true });
  const server = await startEmbeddedPostgres({ dataDir: embeddedDataDir, onLog: log });
  await writeFile(databaseUrlFile, `${server.url}\n`);
  return {
    url: server.url,
    source: "embedded",
    release: async () => {
      await rm(databaseUrlFile, { force: true });
      await server.stop();
    },
  };
}
