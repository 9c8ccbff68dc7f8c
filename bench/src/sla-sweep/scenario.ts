import { runSlaSweeps, type SlaSweepReport } from "@accord/core";
import { createDb, schema, type Db } from "@accord/db";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { benchServer, datasetDatabase } from "../queue/database";
import { GENERATED_AT } from "../queue/generate";
import { parseDatasetArgs, SIZES } from "../dataset-args";
import { ratioResult, report, type BenchResult } from "../report";
import { DUE_CASES, OPEN_DATASET } from "./generate-open";

/** One sweep may cost at most this many times its own statements replayed alone. */
const SQL_GOAL = 3;
/** The sweep at the largest size may cost at most this many times the sweep at 10 k. */
const SCALE_GOAL = 1.5;
const URLS = { portalUrl: "http://portal.bench.invalid", backofficeUrl: "http://backoffice.bench.invalid" };

const log = (line: string) => process.stderr.write(`${line}\n`);

type Statement = { query: string; params: unknown[] };

const parseArgs = (args: string[]) =>
  parseDatasetArgs(args, { iterations: 9, smokeIterations: 1, usage: "--sizes 10k,100k,1m --iterations N --fresh --explain --smoke" });

const median = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * What a sweep changes on the due cases, kept aside once (`bench_sla_due`) and put back before every
 * sweep and every replay, so each does the same work: the notices, e-mails and their jobs removed, the
 * breach events (every event after the reception) removed, the cases' priority, SLA instant, activity
 * and version restored. Then `VACUUM` so the dead rows of the last run weigh on no measure.
 */
async function prepareReset(sql: postgres.Sql) {
  // DDL takes no parameters: the instant is a constant of the generator.
  await sql.unsafe(`create table if not exists bench_sla_due as
    select id, priority, next_sla_at, last_activity_at, last_staff_activity_at, updated_at, version
    from cases where next_sla_at <= '${GENERATED_AT.toISOString()}'`);
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from bench_sla_due`;
  const count = row?.count ?? 0;
  if (count !== DUE_CASES) throw new Error(`the dataset has ${count} due cases, not ${DUE_CASES}`);
  return async () => {
    await sql.begin(async (tx) => {
      // The bench's own undo: case_events is append-only, its guard trigger is skipped for this transaction.
      await tx`set local session_replication_role = replica`;
      await tx`delete from sla_notices`;
      await tx`delete from email_messages`;
      await tx`delete from graphile_worker._private_jobs`;
      await tx`delete from case_events e using bench_sla_due d where e.case_id = d.id and e.seq > 1`;
      await tx`update cases c set priority = d.priority, next_sla_at = d.next_sla_at, last_activity_at = d.last_activity_at,
                 last_staff_activity_at = d.last_staff_activity_at, updated_at = d.updated_at, version = d.version
               from bench_sla_due d where c.id = d.id`;
    });
    await sql`vacuum cases, case_events, sla_notices, email_messages`;
  };
}

/** The sweep's work: every due case handled once (a warning or a breach), nothing failed. */
function checkReport(size: string, result: SlaSweepReport) {
  const handled = new Set([...result.resolution_warning, ...result.resolution_breach]).size;
  if (handled !== DUE_CASES || result.failed.length > 0) {
    throw new Error(`${size}: the sweep handled ${handled} due cases (expected ${DUE_CASES}), failed: ${result.failed.slice(0, 3).join("; ")}`);
  }
  const others = Object.entries(result).filter(([kind, list]) => !["resolution_warning", "resolution_breach", "failed"].includes(kind) && list.length > 0);
  if (others.length > 0) throw new Error(`${size}: the sweep did more than the due cases: ${others.map(([kind, list]) => `${kind} ${list.length}`).join(", ")}`);
}

/**
 * Every statement one sweep sends, `begin` and `commit` included, with its parameters, from
 * postgres.js's own debug hook on a connection of its own (never the measured one).
 */
async function captureSweep(url: string): Promise<Statement[]> {
  const statements: Statement[] = [];
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { TimeZone: "UTC" },
    debug: (_connection, query, params) => statements.push({ query, params }),
  });
  try {
    const db = drizzle(sql, { schema }) as unknown as Db;
    checkReport("capture", await runSlaSweeps({ db, now: GENERATED_AT, limit: DUE_CASES, ...URLS }));
  } finally {
    await sql.end({ timeout: 5 });
  }
  return statements;
}

/**
 * `npm run bench -- sla-sweep`: one run of the worker's `runSlaSweeps` (in-process, at the dataset's
 * instant, limit 1 000) over a dataset of open cases where the same 1 000 are due, at each size; its
 * median time against the median of its own statements (captured, `begin`/`commit` included) replayed
 * alone on one connection, and the largest size's median against 10 k's. The due cases are put back
 * before every sweep and replay.
 */
export async function slaSweepScenario(args: string[]): Promise<BenchResult[]> {
  const options = parseArgs(args);
  const server = await benchServer(log);
  const results: BenchResult[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const runs = [];
    for (const size of options.sizes) {
      const url = await datasetDatabase(server.url, SIZES[size]!, { fresh: options.fresh, log, kind: OPEN_DATASET });
      const handle = createDb(url, { max: 2, applicationName: "accord-bench" });
      cleanups.unshift(() => handle.close());
      const reset = await prepareReset(handle.sql);
      await reset();
      const statements = await captureSweep(url);
      log(`${size}: the sweep's SQL captured (${statements.length} statements, ${statements.filter((s) => /^begin\b/i.test(s.query.trim())).length} transactions)`);
      if (options.explain) await explainSelects(handle.sql, size, statements);
      const replay = await handle.sql.reserve();
      cleanups.unshift(async () => replay.release());
      const sweep = async () => {
        const start = performance.now();
        const result = await runSlaSweeps({ db: handle.db, now: GENERATED_AT, limit: DUE_CASES, ...URLS });
        const ms = performance.now() - start;
        checkReport(size, result);
        return ms;
      };
      const sql = async () => {
        const start = performance.now();
        for (const s of statements) await replay.unsafe(s.query, s.params as never[]);
        return performance.now() - start;
      };
      runs.push({ size, reset, sweep, sql, sweepSamples: [] as number[], sqlSamples: [] as number[] });
    }
    // Warm-up (not in the smoke run: it only shows that the harness works, in under 3 minutes for all the
    // scenarios), then every size turn by turn, sweep and replay alternating, so a busy moment of the
    // shared machine weighs on all alike.
    for (const run of options.smoke ? [] : runs) {
      await run.reset();
      await run.sweep();
      await run.reset();
      await run.sql();
    }
    for (let i = 0; i < options.iterations; i++) {
      for (const run of runs) {
        for (const side of i % 2 === 0 ? (["sweep", "sql"] as const) : (["sql", "sweep"] as const)) {
          await run.reset();
          if (side === "sweep") run.sweepSamples.push(await run.sweep());
          else run.sqlSamples.push(await run.sql());
        }
      }
      log(`iteration ${i + 1}/${options.iterations}: ${runs.map((r) => `${r.size} sweep ${r.sweepSamples.at(-1)!.toFixed(0)} ms, SQL ${r.sqlSamples.at(-1)!.toFixed(0)} ms`).join("; ")}`);
    }
    for (const run of runs) await run.reset();
    const base = runs.find((run) => run.size === "10k");
    for (const run of runs) {
      results.push(ratioResult(`sla-sweep/${run.size}`, "sweep_median_vs_sql_median", median(run.sweepSamples), median(run.sqlSamples), SQL_GOAL, `<= ${SQL_GOAL}x its statements replayed alone`));
      report(results.at(-1)!);
    }
    const largest = runs.at(-1)!;
    if (base && largest !== base) {
      results.push(ratioResult(`sla-sweep/${largest.size}`, "sweep_median_vs_10k_median", median(largest.sweepSamples), median(base.sweepSamples), SCALE_GOAL, `<= ${SCALE_GOAL}x the sweep at 10k`));
      report(results.at(-1)!);
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    await server.stop();
  }
  return results;
}

/** EXPLAIN ANALYZE of each distinct SELECT the sweep sends (the first of each text), read-only. */
async function explainSelects(sql: postgres.Sql, size: string, statements: Statement[]) {
  const seen = new Set<string>();
  for (const s of statements) {
    if (!/^\s*select/i.test(s.query) || seen.has(s.query) || /graphile_worker|for update/i.test(s.query)) continue;
    seen.add(s.query);
    const plan = await sql.unsafe(`explain (analyze, buffers, costs off) ${s.query}`, s.params as never[]);
    log(`--- ${size}: ${s.query.slice(0, 160)}\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
  }
}
