/**
 * `npm run bench -- start [--smoke]`: `npm start` to both apps healthy, on a warm install (node_modules
 * in place), in seconds, with the share spent building.
 *
 * - Runs the real `npm start -- --ephemeral` at the repository's root (`turbo run build
 *   --filter=./apps/*` then `accord start`): a throw-away embedded PostgreSQL in a temporary directory
 *   (DATABASE_URL is removed from its environment), migrated and seeded with the demo data as on a
 *   first start, the portal and the back-office on free ports, the dev mailbox and file store in a
 *   temporary directory. Its own process group, so that it is stopped whole (SIGINT, as Ctrl-C: the CLI stops
 *   the apps, the worker and the embedded server, which removes its directory).
 * - `start_to_healthy`: from the spawn to both `/healthz` answering 200 (polled every 100 ms).
 *   `build_seconds` and `build_share`: the build step's own duration (from the spawn to the CLI's
 *   first line, as the `&&` of the npm script hands over), and its share of the total.
 * - Baseline: none (`baseline` and `ratio` null, no goal): the issue asks for the figure itself.
 *   A warm run replays turbo's cache when the sources did not change; the first run after a change
 *   rebuilds the apps (each run says which in the log: turbo's "cached" count).
 */
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";
import { findFreePort } from "@accord/db/embedded";
import { report, type BenchResult } from "./report";

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The CLI's first line (after the build step): the database it took. */
const CLI_FIRST_LINE = /^Base de données \/ database:/;
const TIMEOUT_MS = 600_000;

export async function startScenario(args: string[]): Promise<BenchResult[]> {
  for (const arg of args) if (arg !== "--smoke") throw new Error(`unknown argument ${arg} (use --smoke)`);
  const log = (line: string) => process.stderr.write(`bench start: ${line}\n`);
  const dir = await mkdtemp(path.join(tmpdir(), "accord-bench-start-"));
  // Readable by the `postgres` system user the embedded server runs as when we are root.
  await chmod(dir, 0o755);
  const [portalPort, backofficePort] = [await findFreePort(), await findFreePort()];
  const urls = [`http://127.0.0.1:${portalPort}`, `http://127.0.0.1:${backofficePort}`];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTAL_PORT: String(portalPort),
    BACKOFFICE_PORT: String(backofficePort),
    PORTAL_URL: urls[0],
    BACKOFFICE_URL: urls[1],
    MAILBOX_DIR: path.join(dir, "mailbox"),
    FILE_STORE_DIR: path.join(dir, "files"),
    // The CLI's throw-away database goes into this run's directory, removed once the group has ended
    // even if the CLI's own removal lost a race with the server it stopped.
    TMPDIR: dir,
  };
  // A throw-away database, never one named by the environment.
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  delete env.ACCORD_BUILD_DIR;
  delete env.ACCORD_SQL_LOG;

  const started = performance.now();
  const child = spawn("npm", ["start", "--", "--ephemeral"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let buildEnd: number | null = null;
  const tail: string[] = [];
  const keep = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
  };
  createInterface({ input: child.stdout! }).on("line", (line) => {
    keep(line);
    if (buildEnd === null && CLI_FIRST_LINE.test(line)) buildEnd = performance.now();
    if (/Cached:|Tasks:/.test(line)) log(`turbo: ${line.trim()}`);
  });
  createInterface({ input: child.stderr! }).on("line", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  try {
    const healthy = new Set<string>();
    const deadline = Date.now() + TIMEOUT_MS;
    while (healthy.size < urls.length) {
      if (exitCode !== undefined) throw new Error(`npm start exited with code ${exitCode} before both apps were healthy:\n${tail.join("\n")}`);
      if (Date.now() > deadline) throw new Error(`npm start: the apps were not healthy within ${TIMEOUT_MS / 1000} s:\n${tail.join("\n")}`);
      for (const url of urls) {
        if (healthy.has(url)) continue;
        const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
          (response) => response.ok,
          () => false,
        );
        if (ok) healthy.add(url);
      }
      if (healthy.size < urls.length) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const total = (performance.now() - started) / 1000;
    if (buildEnd === null) throw new Error("npm start: the CLI's first line was not seen (has its wording changed?)");
    const build = ((buildEnd as number) - started) / 1000;
    log(`both apps healthy after ${total.toFixed(1)} s, of which ${build.toFixed(1)} s building (turbo) and ${(total - build).toFixed(1)} s starting (database, migrations, demo data, apps)`);
    const results: BenchResult[] = [
      { scenario: "start", metric: "start_to_healthy", value: round(total), unit: "s", baseline: null, ratio: null, goal: "reported (no goal)", pass: true },
      { scenario: "start", metric: "build_seconds", value: round(build), unit: "s", baseline: null, ratio: null, goal: "reported (no goal)", pass: true },
      { scenario: "start", metric: "build_share", value: round(build / total), unit: "fraction", baseline: null, ratio: null, goal: "reported (no goal)", pass: true },
    ];
    for (const result of results) report(result);
    return results;
  } finally {
    await stopGroup(child.pid!, exited);
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** SIGINT to the whole process group (npm, the CLI, the apps, the worker), as Ctrl-C sends it; SIGKILL after 20 s. */
async function stopGroup(pid: number, exited: Promise<unknown>): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGINT");
  const timer = setTimeout(() => signal("SIGKILL"), 20_000);
  await exited;
  // The CLI may still be shutting its children down after npm has gone: wait for the group to empty.
  for (let i = 0; i < 200 && groupAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  clearTimeout(timer);
  if (groupAlive(pid)) signal("SIGKILL");
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
