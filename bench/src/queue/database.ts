import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { Sql } from "@accord/db";
import { startEmbeddedPostgres } from "@accord/db/embedded";
import { runMigrations } from "@accord/db/migrate";
import { generateDataset, GENERATOR_VERSION, SEED, type GenerationReport } from "./generate";

export interface BenchServer {
  /** Connection string of the server's maintenance database, to derive each dataset's URL from. */
  url: string;
  /** True under CI: the datasets made on it are dropped (external server) or the server removed (embedded) at `stop`. */
  throwaway: boolean;
  stop: () => Promise<void>;
}

/** The dataset databases made or reused on each external server, by its URL (dropped by its `stop` under CI). */
const datasetsOn = new Map<string, Set<string>>();

/**
 * The server the benchmark runs on: `BENCH_DATABASE_URL` / `DATABASE_URL` (a server where we may
 * create databases), else an embedded PostgreSQL whose data directory persists between runs
 * (`BENCH_DATA_DIR`, by default in the OS temporary directory), so a generated million is reused.
 * Under CI (`CI=true`) nothing is left behind: the datasets are dropped from the given server, or the
 * embedded server is a throw-away one in a temporary directory, removed when stopped.
 */
export async function benchServer(log: (line: string) => void): Promise<BenchServer> {
  if (sharedServer) {
    const server = await (sharedServer.server ??= openBenchServer(log));
    return { ...server, stop: async () => {} };
  }
  return openBenchServer(log);
}

let sharedServer: { server?: Promise<BenchServer> } | null = null;

/**
 * While `work` runs (the smoke run), every scenario's {@link benchServer} is one server, opened on
 * first use and stopped at the end: the datasets are generated once for the whole run.
 */
export async function shareBenchServer<T>(work: () => Promise<T>): Promise<T> {
  const session: { server?: Promise<BenchServer> } = {};
  sharedServer = session;
  try {
    return await work();
  } finally {
    sharedServer = null;
    if (session.server) await (await session.server).stop();
  }
}

async function openBenchServer(log: (line: string) => void): Promise<BenchServer> {
  const throwaway = process.env.CI === "true";
  const external = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    const datasets = new Set<string>();
    datasetsOn.set(external, datasets);
    const stop = async () => {
      if (!throwaway || datasets.size === 0) return;
      const admin = postgres(external, { max: 1, onnotice: () => {} });
      try {
        for (const name of datasets) await admin.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        datasetsOn.delete(external);
        await admin.end({ timeout: 5 });
      }
    };
    return { url: external, throwaway, stop };
  }
  if (throwaway) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "accord-bench-pg-"));
    await chmod(dir, 0o755);
    log(`throw-away embedded PostgreSQL in ${dir} (CI)`);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true });
    return {
      url: server.url,
      throwaway,
      stop: async () => {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), "accord-bench", "postgres");
  log(`embedded PostgreSQL in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir });
  return { url: server.url, throwaway, stop: server.stop };
}

/** A kind of dataset: its databases' name prefix, its generator and that generator's version. */
export interface DatasetKind {
  prefix: string;
  version: number;
  generate: (sql: Sql, size: number, log: (line: string) => void) => Promise<GenerationReport>;
}

/** The queue's dataset (~86 % of cases ended), also the dashboard's. */
export const QUEUE_DATASET: DatasetKind = { prefix: "accord_bench", version: GENERATOR_VERSION, generate: generateDataset };

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * The database of one dataset size: reused when it holds a complete dataset of this generator
 * version and seed, else (re)created, migrated, loaded by COPY with the secondary indexes built
 * after the load, and analysed.
 */
export async function datasetDatabase(
  serverUrl: string,
  size: number,
  options: { fresh: boolean; log: (line: string) => void; kind?: DatasetKind },
): Promise<string> {
  const { log } = options;
  const kind = options.kind ?? QUEUE_DATASET;
  const name = `${kind.prefix}_${size}`;
  const url = withDatabase(serverUrl, name);
  datasetsOn.get(serverUrl)?.add(name);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists && !options.fresh) {
      const db = postgres(url, { max: 1, onnotice: () => {} });
      try {
        const [meta] = await db<{ version: number; seed: number; size: number }[]>`
          select version, seed, size from bench_dataset where complete`.catch(() => []);
        if (meta && meta.version === kind.version && meta.seed === SEED && meta.size === size) {
          log(`dataset ${size}: reused (${name})`);
          return url;
        }
      } finally {
        await db.end({ timeout: 5 });
      }
    }
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  log(`dataset ${size}: migrating ${name}`);
  await runMigrations(url);
  const sql = postgres(url, { max: 12, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  try {
    const indexes = await dropSecondaryIndexes(sql);
    log(`dataset ${size}: generating (seed ${SEED})`);
    const report = await kind.generate(sql as unknown as Sql, size, log);
    log(`dataset ${size}: ${report.cases} cases, ${report.events} events, ${report.invoices} invoices, ${report.invoiceLines} lines in ${report.seconds.toFixed(0)} s; indexing`);
    const indexStart = performance.now();
    const reserved = await sql.reserve();
    try {
      await reserved`set maintenance_work_mem = '256MB'`;
      for (const definition of indexes) await reserved.unsafe(definition);
    } finally {
      reserved.release();
    }
    await sql`vacuum analyze`;
    log(`dataset ${size}: ${indexes.length} indexes built and analysed in ${((performance.now() - indexStart) / 1000).toFixed(0)} s`);
    await sql`create table bench_dataset (version integer not null, seed integer not null, size integer not null, complete boolean not null)`;
    await sql`insert into bench_dataset values (${kind.version}, ${SEED}, ${size}, true)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return url;
}

/** Drops the big tables' indexes that back no constraint, returning their definitions to rebuild them after the load. */
async function dropSecondaryIndexes(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ name: string; definition: string }[]>`
    select i.indexname as name, i.indexdef as definition
    from pg_indexes i
    where i.schemaname = 'public'
      and i.tablename in ('cases', 'case_events', 'invoices', 'invoice_lines', 'case_lines', 'case_decisions', 'case_surveys', 'time_entries', 'corrective_actions')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
  for (const row of rows) await sql.unsafe(`drop index "${row.name}"`);
  return rows.map((row) => row.definition);
}
