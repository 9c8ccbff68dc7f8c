#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration and end-to-end tests, scheduled for a 2-core machine.
//
// The end-to-end suite is the longest single task (one Accord, two Chromium workers): it starts first,
// at normal priority, as soon as both apps are built. Everything else (typecheck, lint, unit and
// integration tests) runs beside it under `nice`. Each side is detached, hence a session and a Linux
// autogroup of its own, and autogroups share the CPU equally: the nice value orders the processes within
// a side, not the two sides (ADR 0051 says why they are left with an equal share).
// One failure stops the whole run (like turbo's --continue=never) and the exit code says so.
//
// Extra arguments go to both turbo runs (e.g. `npm test -- --filter=@accord/core`).
// ACCORD_TEST_BESIDE="<command>" runs one more command beside them, niced too (.ci/run: the
// integration tests again on PostgreSQL 15).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const extra = process.argv.slice(2);
const turbo = ["node_modules/.bin/turbo", "run"];
const NICE = ["nice", "-n", "10"];

function run(name, argv, { niced = false } = {}) {
  const command = niced ? [...NICE, ...argv] : argv;
  const child = spawn(command[0], command.slice(1), { cwd: root, stdio: "inherit", detached: true, env: process.env });
  const done = new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), signal }));
    child.on("error", (error) => {
      console.error(`[test] ${name} could not start: ${error.message}`);
      resolve({ name, code: 1 });
    });
  });
  return { name, child, done };
}

function stop(task) {
  if (task.child.exitCode !== null || task.child.signalCode !== null) return;
  task.stopped = true;
  try {
    process.kill(-task.child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

const build = run("build", [...turbo, "build", "--filter=./apps/*", "--output-logs=errors-only"]);
const built = await build.done;
if (built.code !== 0) {
  console.error("[test] the apps do not build: no test ran");
  process.exit(built.code);
}

const tasks = [
  run("e2e", [...turbo, "test:e2e", "--continue=never", ...extra]),
  run("checks", [...turbo, "typecheck", "typecheck:packages", "lint", "test:unit", "test:integration", "--continue=never", "--concurrency=2", ...extra], { niced: true }),
];
if (process.env.ACCORD_TEST_BESIDE) tasks.push(run("beside", ["bash", "-c", process.env.ACCORD_TEST_BESIDE], { niced: true }));

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const task of tasks) stop(task);
    process.exit(130);
  });
}

let failed = null;
const pending = new Set(tasks);
while (pending.size > 0) {
  const result = await Promise.race([...pending].map((task) => task.done.then((r) => ({ task, ...r }))));
  pending.delete(result.task);
  const outcome = result.task.stopped ? "stopped (another side failed)" : result.code === 0 ? "passed" : `FAILED (exit ${result.code})`;
  console.log(`[test] ${result.name}: ${outcome}`);
  if (result.code !== 0 && !failed) {
    failed = result;
    for (const task of pending) stop(task);
  }
}
process.exit(failed ? failed.code || 1 : 0);
