import { KPI_PANELS, loadKpiSettings, resolveKpiScope } from "@accord/core";
import { createDb } from "@accord/db";
import { benchServer, datasetDatabase } from "../queue/database";
import { accountId, GENERATED_AT, teamId } from "../queue/generate";
import { parseDatasetArgs, SIZES } from "../dataset-args";
import { ratioResult, report, type BenchResult } from "../report";
import { baselineQueries } from "./baselines";

/** A panel's p95 may cost at most this many times its hand-written aggregate query's p95. */
const PANEL_GOAL = 1.3;
/** 24 months ending the month before the dataset's instant (2026-06-15). */
const PERIOD = { from: "2024-06-01", to: "2026-05-31" };

/** The filter sets: none, then a change of each filter the issue names (type, team, customer). */
const FILTER_SETS: Record<string, Record<string, string>> = {
  none: {},
  type: { type: "quality" },
  team: { team: teamId(1) },
  customer: { account: accountId(0) },
};

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArgs(args: string[]) {
  let panels: string[] | null = null;
  let filters = Object.keys(FILTER_SETS);
  const options = parseDatasetArgs(
    args,
    { iterations: 30, smokeIterations: 5, usage: "--sizes 10k,100k,1m --iterations N --panels a,b --filters none,type,team,customer --fresh --explain --smoke" },
    (arg, value) => {
      if (arg === "--panels") panels = value().split(",").filter(Boolean);
      else if (arg === "--filters") filters = value().split(",").filter(Boolean);
      else return false;
      return true;
    },
  );
  for (const name of filters) if (!FILTER_SETS[name]) throw new Error(`unknown filter set ${name} (${Object.keys(FILTER_SETS).join(", ")})`);
  const chosen: string[] = panels ?? Object.keys(KPI_PANELS);
  for (const panel of chosen) if (!KPI_PANELS[panel]) throw new Error(`unknown panel ${panel} (${Object.keys(KPI_PANELS).join(", ")})`);
  return { ...options, filters, panels: chosen };
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

/**
 * `npm run bench -- dashboard`: for each dataset size, filter set and KPI panel over 24 months, the
 * p95 of the panel (its function in-process, as `getKpiDashboard` calls it, one SQL statement) against
 * the p95 of the panel's hand-written aggregate query over the same rows (`baselines.ts`) through
 * postgres.js on the same database; panel and query alternate, sizes turn by turn.
 */
export async function dashboardScenario(args: string[]): Promise<BenchResult[]> {
  const options = parseArgs(args);
  const server = await benchServer(log);
  const results: BenchResult[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const sizes = [];
    for (const size of options.sizes) {
      const url = await datasetDatabase(server.url, SIZES[size]!, { fresh: options.fresh, log });
      const handle = createDb(url, { max: 2, applicationName: "accord-bench" });
      cleanups.unshift(() => handle.close());
      const settings = await loadKpiSettings(handle.db);
      sizes.push({ size, handle, settings });
    }
    for (const filters of options.filters) {
      const input = FILTER_SETS[filters]!;
      const runs = [];
      for (const { size, handle, settings } of sizes) {
        const { scope } = await resolveKpiScope(handle.db, { ...PERIOD, ...input }, GENERATED_AT);
        const baselines = baselineQueries(handle.sql, scope, settings);
        for (const panel of options.panels) {
          const run = KPI_PANELS[panel]!;
          const baseline = baselines[panel]!;
          if (options.explain) {
            const plan = await handle.sql.unsafe(`explain (analyze, buffers, costs off) ${await baselineText(baseline)}`).catch(() => null);
            if (plan) log(`--- ${size} ${filters} ${panel} (baseline)\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
          }
          const timed = async (work: () => Promise<unknown>) => {
            const start = performance.now();
            await work();
            return performance.now() - start;
          };
          runs.push({
            size,
            panel,
            server: () => timed(() => run({ db: handle.db, scope, settings, language: "fr" })),
            sql: () => timed(() => baseline().values()),
            agree: panel === "corrective" ? () => correctiveAgrees(`${size} ${filters}`, run({ db: handle.db, scope, settings, language: "fr" }), baseline().values()) : undefined,
            serverSamples: [] as number[],
            sqlSamples: [] as number[],
          });
        }
      }
      for (const run of runs) {
        await run.server();
        await run.sql();
        await run.agree?.();
      }
      for (let i = 0; i < options.iterations; i++) {
        for (const run of runs) {
          for (const side of i % 2 === 0 ? (["server", "sql"] as const) : (["sql", "server"] as const)) {
            if (side === "server") run.serverSamples.push(await run.server());
            else run.sqlSamples.push(await run.sql());
          }
        }
      }
      for (const run of runs) {
        const value = p95(run.serverSamples);
        const baseline = p95(run.sqlSamples);
        log(`${run.size} ${filters} ${run.panel}: panel p95 ${value.toFixed(2)} ms, hand-written SQL p95 ${baseline.toFixed(2)} ms`);
        results.push(ratioResult(`dashboard/${run.size}/${filters}/${run.panel}`, "panel_p95_vs_sql_p95", value, baseline, PANEL_GOAL, `<= ${PANEL_GOAL}x the hand-written aggregate's p95`));
        report(results.at(-1)!);
      }
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    await server.stop();
  }
  return results;
}

/**
 * The corrective panel's baseline is not the panel's correlated shape but a one-pass query of its own
 * (ADR 0053): before timing them, check once per size and filter set that both give every action the
 * same before and after counts.
 */
async function correctiveAgrees(label: string, panel: Promise<unknown>, baseline: Promise<unknown[][]>): Promise<void> {
  const actions = (await panel as { actions: { id: string; before: number; after: number }[] }).actions;
  const expected = actions.map((a) => `${a.id} ${a.before} ${a.after}`).sort();
  const actual = (await baseline).map(([id, before, after]) => `${String(id)} ${Number(before)} ${Number(after)}`).sort();
  if (expected.join("\n") !== actual.join("\n"))
    throw new Error(`${label} corrective: the hand-written query disagrees with the panel (${actual.length} rows against ${expected.length} actions)`);
  log(`${label} corrective: ${expected.length} actions, the hand-written query agrees`);
}

/** The text of a baseline with its parameters inlined, for EXPLAIN (postgres.js's `describe` gives the statement). */
async function baselineText(query: () => ReturnType<ReturnType<typeof baselineQueries>[string]>): Promise<string> {
  const q = query();
  const described = await q.describe();
  const params = (q as unknown as { parameters?: unknown[] }).parameters ?? [];
  return described.string.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `'${text.replace(/'/g, "''")}'`;
  });
}
