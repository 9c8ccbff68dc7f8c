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
  stop: () => Promise<void>;
}

/**
 * The server the benchmark runs on: `BENCH_DATABASE_URL` / `DATABASE_URL` (a server where we may
 * create databases), else an embedded PostgreSQL whose data directory persists between runs
 * (`BENCH_DATA_DIR`, by default in the OS temporary directory), so a generated million is reused.
 */
export async function benchServer(log: (line: string) => void): Promise<BenchServer> {
  const external = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) return { url: external, stop: async () => {} };
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), "accord-bench", "postgres");
  log(`embedded PostgreSQL in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir });
  return { url: server.url, stop: server.stop };
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
