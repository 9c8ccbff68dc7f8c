/**
 * P6 e-mail render (issue 17): what the outbox does per e-mail — `renderEmail`, the subject, HTML and
 * plain text that `deliverEmail` sends — against react-dom's `renderToString` of the same tree
 * (`emailElement`), for every registered template in French and in English, from its preview sample.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { report, type BenchResult } from "./report";

/** The outbox's render may cost at most this many times react-dom's renderToString of the same tree. */
const GOAL = 2;

const log = (line: string) => process.stderr.write(`${line}\n`);

function parseArgs(args: string[]) {
  let iterations = 1000;
  let warmup = 200;
  let batch = 1;
  let smoke = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--smoke") smoke = true;
    else if (arg === "--iterations") iterations = Number(args[++i]);
    else if (arg.startsWith("--iterations=")) iterations = Number(arg.slice(13));
    else if (arg === "--batch") batch = Number(args[++i]);
    else if (arg.startsWith("--batch=")) batch = Number(arg.slice(8));
    else throw new Error(`unknown argument ${arg} (use --smoke, --iterations N, --batch N)`);
  }
  if (smoke) {
    iterations = Math.min(iterations, 50);
    warmup = 20;
  }
  if (!Number.isInteger(iterations) || iterations < 20) throw new Error("--iterations must be an integer ≥ 20");
  if (!Number.isInteger(batch) || batch < 1 || batch > 1000) throw new Error("--batch must be an integer from 1 to 1000");
  return { iterations, warmup, batch };
}

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

type Samples = { name: string; language: string; outbox: number[]; baseline: number[] };

/**
 * `npm run bench -- email-render [--smoke] [--iterations N] [--batch N]`: the samples come from a child
 * process (email-render-samples.ts) run with NODE_ENV=production, as the worker is; per template and
 * language, `iterations` samples of each side, each the mean of `batch` renders in a row; the p50 and
 * p95 of the outbox's render against those of renderToString (goal ≤ 2× on each).
 */
export async function emailRenderBench(args: string[]): Promise<BenchResult[]> {
  const { iterations, warmup, batch } = parseArgs(args);
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "email-render-samples.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, String(iterations), String(warmup), String(batch)], {
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = once(child, "exit") as Promise<[number | null]>;
  const results: BenchResult[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line.trim()) continue;
    const samples = JSON.parse(line) as Samples;
    const summary: string[] = [];
    for (const [metric, q] of [
      ["p50", 0.5],
      ["p95", 0.95],
    ] as const) {
      const value = quantile(samples.outbox, q);
      const baseline = quantile(samples.baseline, q);
      const ratio = value / baseline;
      results.push({
        scenario: `email-render/${samples.name}/${samples.language}`,
        metric: `outbox_${metric}_vs_render_to_string_${metric}`,
        value: round(value),
        unit: "ms",
        baseline: round(baseline),
        ratio: Math.round(ratio * 1000) / 1000,
        goal: `<= ${GOAL}x renderToString's ${metric}`,
        pass: ratio <= GOAL,
      });
      report(results.at(-1)!);
      summary.push(`${metric} ${value.toFixed(3)} ms vs ${baseline.toFixed(3)} ms (${ratio.toFixed(2)}×)`);
    }
    log(`${samples.name} ${samples.language}: ${summary.join(", ")}`);
  }
  const [code] = await exited;
  if (code !== 0) throw new Error(`the e-mail render samples exited with code ${code}`);
  return results;
}
