import { shareAppBuilds } from "./app-server";
import { dashboardScenario } from "./dashboard/scenario";
import { dossierExportBench } from "./dossier-export";
import { intakeScenario } from "./intake/scenario";
import { shareBenchServer } from "./queue/database";
import { emailRenderBench } from "./email-render";
import { queueScenario } from "./queue/scenario";
import type { BenchResult } from "./report";
import { slaSweepScenario } from "./sla-sweep/scenario";
import { startScenario } from "./start";
import { benchTable } from "./table";
import { uploadBench } from "./upload";

/**
 * The scenarios: one line each, `name: run`. `run(args)` measures, prints its JSON lines (report.ts)
 * and returns them; it must accept `--smoke` (10 k cases at most, few iterations: the smoke run
 * below runs every scenario of this table in turn) and leave no server, process or data behind.
 */
const scenarios: Record<string, (args: string[]) => Promise<BenchResult[]>> = {
  upload: uploadBench,
  queue: queueScenario,
  "dossier-export": dossierExportBench,
  intake: intakeScenario,
  start: startScenario,
  "email-render": emailRenderBench,
  dashboard: dashboardScenario,
  "sla-sweep": slaSweepScenario,
};

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `npm run bench -- <scenario> [options]`: one scenario; exits 1 when a goal is missed.
 * `npm run bench -- [<scenario>] --smoke`: that scenario (or every one, in turn) at 10 k with few
 * iterations; goals are reported, not enforced: exits 0 unless the harness itself breaks (a
 * scenario throws). The apps are built once and the bench's PostgreSQL opened once for the whole run
 * (`shareAppBuilds`, `shareBenchServer`), so the 10 k dataset is generated at most once.
 */
async function main(argv: string[]) {
  const smoke = argv.includes("--smoke");
  const known = Object.keys(scenarios);
  // `--smoke --skip <scenario>` (repeatable): every scenario but those (CI runs `start` apart, ADR 0055).
  const skipped = argv.flatMap((arg, index) => (argv[index - 1] === "--skip" ? [arg] : []));
  const unknownSkip = skipped.find((skip) => !scenarios[skip]);
  const [name, ...args] = argv.filter((arg, index) => arg !== "--smoke" && arg !== "--skip" && argv[index - 1] !== "--skip");
  if (name === "table") {
    console.log(await benchTable(args));
    return;
  }
  if (smoke && name === undefined && unknownSkip === undefined) {
    process.exitCode = await smokeRun(known.filter((scenario) => !skipped.includes(scenario)), []);
    return;
  }
  if (!name || !scenarios[name] || unknownSkip !== undefined || (skipped.length > 0 && name !== undefined)) {
    console.error(
      `Usage: npm run bench -- <scenario> [options] [--smoke]  |  npm run bench -- --smoke [--skip <scenario>]…  |  npm run bench -- table <results.jsonl>…\nScenarios: ${known.join(", ")}`,
    );
    if (unknownSkip !== undefined) console.error(`--skip ${unknownSkip}: no such scenario`);
    process.exitCode = name || skipped.length > 0 ? 1 : 0;
    return;
  }
  if (smoke) {
    process.exitCode = await smokeRun([name], args);
    return;
  }
  const results = await scenarios[name](args);
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}

/** Runs these scenarios with `--smoke` one after the other; 1 when one of them threw, else 0 (missed goals only reported). */
async function smokeRun(names: string[], extra: string[]): Promise<number> {
  const started = performance.now();
  const outcomes: { name: string; seconds: number; metrics: number; missed: number; error?: string }[] = [];
  await shareBenchServer(() => shareAppBuilds(log, async () => {
    for (const name of names) {
      const begun = performance.now();
      log(`smoke: ${name}`);
      try {
        const results = await scenarios[name]!([...extra, "--smoke"]);
        outcomes.push({ name, seconds: (performance.now() - begun) / 1000, metrics: results.length, missed: results.filter((r) => !r.pass).length });
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`smoke: ${name} broke: ${message}`);
        outcomes.push({ name, seconds: (performance.now() - begun) / 1000, metrics: 0, missed: 0, error: message.split("\n")[0] });
      }
    }
  }));
  log(`smoke: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const o of outcomes) {
    log(`  ${o.name.padEnd(16)} ${o.seconds.toFixed(0).padStart(4)} s  ${o.error ? `BROKEN: ${o.error}` : `${o.metrics} metrics, ${o.missed} goal(s) missed (reported, not enforced)`}`);
  }
  return outcomes.some((o) => o.error !== undefined) ? 1 : 0;
}

void main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
