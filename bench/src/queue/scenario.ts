import { loadStaffActor } from "@accord/auth";
import { listCaseQueue } from "@accord/core";
import { createDb, schema, type Sql } from "@accord/db";
import { drizzle } from "drizzle-orm/postgres-js";
import { parseDatasetArgs, SIZES } from "../dataset-args";
import { report, type BenchResult } from "../report";
import { benchServer, datasetDatabase } from "./database";
import { accountId, GENERATED_AT, staffId, teamId } from "./generate";
import { backofficeBuild, capturePageStatements, startBackoffice, staffSession, timePage, type BackofficeProcess } from "./page";

/** The page's server time may cost at most this many times the SQL it runs. */
const SERVER_GOAL = 3;
/** p95 at the largest size may be at most this many times p95 at 10 k. */
const SCALE_GOAL = 1.5;

/**
 * The filter sets of issue 6's "Done when", as the page's query string reads them
 * (`caseQueueQuerySchema`: `status` repeats; `scope=all`, the SLA sort and page 1 are the defaults).
 */
const FILTER_SETS: Record<string, Record<string, string | string[]>> = {
  none: {},
  "status+team": { status: ["investigating", "awaiting_customer"], team: teamId(1) },
  // The largest customer: its page is full (50 rows) at every size.
  "one-customer": { account: accountId(0) },
  "sla-breached": { sla: "breached" },
  "amount-range": { amountMin: "1000", amountMax: "5000" },
};

/** The page's query string for a filter set: `scope=all&status=…&team=…`. */
export function queueQueryString(filters: Record<string, string | string[]>): string {
  const params = new URLSearchParams({ scope: "all" });
  for (const [key, value] of Object.entries(filters)) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  return params.toString();
}

type Statement = { query: string; params: unknown[] };

const log = (line: string) => process.stderr.write(`${line}\n`);

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

function parseArgs(args: string[]) {
  let direct = false;
  const options = parseDatasetArgs(
    args,
    { iterations: 300, smokeIterations: 20, usage: "--sizes 10k,100k,1m --iterations N --fresh --explain --direct --smoke" },
    (arg) => (arg === "--direct" ? (direct = true) : false),
  );
  if (options.iterations < 20) throw new Error("--iterations must be an integer ≥ 20");
  return { ...options, direct, warmup: options.smoke ? 5 : 30 };
}

/**
 * `npm run bench -- queue`: for each dataset size and filter set, the p95 of the queue page's server
 * time — `GET /?scope=all&<filters>` on the real back-office server (its own process, production
 * build, signed-in agent), read from its `Server-Timing: app;dur=` header — against the p95 of the
 * SQL the queue runs (`listCaseQueue`, page 1 of 50 by SLA deadline), captured from drizzle's logger
 * then executed alone through postgres.js on the same database; and, across sizes, p95 at the
 * largest size against p95 at 10 k. `--direct` times the use case `listCaseQueue` in-process instead.
 */
export async function queueScenario(args: string[]): Promise<BenchResult[]> {
  const options = parseArgs(args);
  const server = await benchServer(log);
  const results: BenchResult[] = [];
  const handles: {
    size: string;
    handle: ReturnType<typeof createDb>;
    actor: NonNullable<Awaited<ReturnType<typeof loadStaffActor>>>;
    page: { process: BackofficeProcess; cookie: string; statements: Record<string, Statement[]> } | null;
  }[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const sources = new Set<string>();
  try {
    const build = options.direct ? null : await backofficeBuild(log);
    if (build) cleanups.unshift(build.cleanup);
    for (const size of options.sizes) {
      const url = await datasetDatabase(server.url, SIZES[size]!, { fresh: options.fresh, log });
      const handle = createDb(url, { max: 4, applicationName: "accord-bench" });
      cleanups.unshift(() => handle.close());
      // Agent 2 of the first team (role agent): "all" is every case of the dataset.
      const actor = await loadStaffActor(handle.db, staffId(1));
      if (!actor) throw new Error("the dataset has no bench agent");
      let page = null;
      if (build) {
        const process = await startBackoffice({ databaseUrl: url, buildDir: build.dir });
        cleanups.unshift(process.stop);
        const session = await staffSession(handle.db, actor.userId);
        cleanups.unshift(session.end);
        log(`${size}: back-office on ${process.url} (pid ${process.child.pid})`);
        const queries = Object.fromEntries(Object.entries(FILTER_SETS).map(([name, filters]) => [name, queueQueryString(filters)]));
        const statements = await capturePageStatements({ databaseUrl: url, buildDir: build.dir, cookie: session.cookie, queries });
        log(`${size}: the page's SQL captured (${Object.entries(statements).map(([name, list]) => `${name} ${list.length}`).join(", ")} statements)`);
        page = { process, cookie: session.cookie, statements };
      }
      handles.push({ size, handle, actor, page });
    }
    // Each server answers every filter set 30 times before anything is measured: the first filter set
    // was otherwise measured on a server still loading and compiling its code (its p95 came out ≈ 2×
    // the other sets' on the same SQL).
    for (let i = 0; i < 30; i++) {
      for (const { page } of handles) {
        if (page) for (const input of Object.values(FILTER_SETS)) await timePage(`${page.process.url}/?${queueQueryString(input)}`, page.cookie);
      }
    }
    for (const [filters, input] of Object.entries(FILTER_SETS)) {
      // Every size is measured in the same loop, turn by turn, so a busy moment of the (shared)
      // machine weighs on all sizes alike; server and SQL alternate for the same reason.
      const runs = await Promise.all(
        handles.map(async ({ size, handle, actor, page }) => {
          // The page asks at the real clock; the use case alone at the dataset's instant.
          const now = page ? new Date() : GENERATED_AT;
          // The baseline: every statement the page sends (session, staff, filter choices, views, the
          // queue), executed alone one after the other; with --direct, the use case's own statements.
          const statements = page ? page.statements[filters]! : await captureStatements(handle.sql, actor, input, now);
          if (options.explain) await explain(handle.sql, size, filters, statements);
          const timed = async (work: () => Promise<unknown>) => {
            const start = performance.now();
            await work();
            return performance.now() - start;
          };
          const pageUrl = page ? `${page.process.url}/?${queueQueryString(input)}` : "";
          const server = page
            ? () =>
                timePage(pageUrl, page.cookie).then(({ ms, source }) => {
                  sources.add(source);
                  return ms;
                })
            : () => timed(() => listCaseQueue({ db: handle.db, actor, input, now }));
          const sql = () =>
            timed(async () => {
              for (const s of statements) await handle.sql.unsafe(s.query, s.params as never[]).values();
            });
          const rows = (await listCaseQueue({ db: handle.db, actor, input, now })).cases.length;
          return { size, server, sql, statements: statements.length, rows, serverSamples: [] as number[], sqlSamples: [] as number[] };
        }),
      );
      for (let i = 0; i < options.warmup; i++) for (const run of runs) await run.server().then(run.sql);
      for (let i = 0; i < options.iterations; i++) {
        for (let k = 0; k < runs.length; k++) {
          const run = runs[(i + k) % runs.length]!;
          for (const side of i % 2 === 0 ? (["server", "sql"] as const) : (["sql", "server"] as const)) {
            if (side === "server") run.serverSamples.push(await run.server());
            else run.sqlSamples.push(await run.sql());
          }
        }
      }
      const baseRun = runs.find((run) => run.size === "10k");
      for (const run of runs) {
        const server95 = p95(run.serverSamples);
        const sql95 = p95(run.sqlSamples);
        log(
          `${run.size} ${filters}: ${run.rows} rows on page 1, ${options.direct ? "use case" : "page"} p95 ${server95.toFixed(2)} ms (${[...sources].join(", ") || "in-process"}), SQL p95 ${sql95.toFixed(2)} ms (${run.statements} statements)`,
        );
        results.push(p95Against(`queue/${run.size}/${filters}`, "server_p95_vs_sql_p95", server95, sql95, SERVER_GOAL, `<= ${SERVER_GOAL}x the SQL's p95`));
        report(results.at(-1)!);
      }
      const largest = runs.at(-1)!;
      if (baseRun && largest !== baseRun) {
        const scenario = `queue/${largest.size}/${filters}`;
        results.push(p95Against(scenario, "server_p95_vs_10k_p95", p95(largest.serverSamples), p95(baseRun.serverSamples), SCALE_GOAL, `<= ${SCALE_GOAL}x the p95 at 10k`));
        report(results.at(-1)!);
      }
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    await server.stop();
  }
  return results;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A p95 in milliseconds against its baseline: it passes at `limit` times the baseline or less. */
function p95Against(scenario: string, metric: string, value: number, baseline: number, limit: number, goal: string): BenchResult {
  const ratio = value / baseline;
  return { scenario, metric, value: round(value), unit: "ms", baseline: round(baseline), ratio: round(ratio), goal, pass: ratio <= limit };
}

/** Every statement the use case sends, with its parameters, from drizzle's own logger. */
async function captureStatements(sql: Sql, actor: Parameters<typeof listCaseQueue>[0]["actor"], input: Record<string, unknown>, now: Date): Promise<Statement[]> {
  const statements: Statement[] = [];
  const logged = drizzle(sql, { schema, logger: { logQuery: (query, params) => statements.push({ query, params }) } });
  await listCaseQueue({ db: logged, actor, input, now });
  return statements;
}

async function explain(sql: Sql, size: string, filters: string, statements: Statement[]) {
  const [queue] = statements;
  if (!queue) return;
  const plan = await sql.unsafe(`explain (analyze, buffers, costs off) ${queue.query}`, queue.params as never[]);
  log(`--- ${size} ${filters}\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
}
