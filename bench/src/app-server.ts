import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { stopProcess } from "@accord/core/testing/processes";

/** An app's production server running on its own process. */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Ends the server: SIGTERM, then SIGKILL after 5 s. */
  stop: () => Promise<void>;
}

/**
 * Starts an app's production server (`server.ts` in `cwd`, with `env` over this process's environment and
 * `nodeArgs` before it) and resolves once its /healthz answers at `url` (180 s at most, as `npm start`
 * waits: two shared cores busy with other work start an app slowly).
 */
export async function startAppServer(options: { name: string; cwd: string; url: string; env: Record<string, string>; nodeArgs?: string[] }): Promise<AppProcess> {
  const { name, url } = options;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: options.cwd,
    // Production requires the inbound e-mail endpoint's secret; no bench posts to it.
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ACCORD_DEV: "", INBOUND_EMAIL_SECRET: process.env.INBOUND_EMAIL_SECRET || "accord-bench-inbound", ...options.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => stopProcess(child);
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the ${name} did not answer /healthz within 180 s`);
}

export { stopProcess };

/**
 * An app's production build (`appDir`: apps/<app>): ACCORD_BUILD_DIR when set (built there if missing);
 * else a fresh build of the current tree in a folder of this run (a stale build/ would measure old code),
 * removed afterwards. Returns the folder name for the server and the cleanup.
 */
export async function appBuild(appDir: string, log: (line: string) => void): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const app = path.relative(path.dirname(path.dirname(appDir)), appDir);
  if (shared && !process.env.ACCORD_BUILD_DIR) {
    await (shared.turbo ??= turboBuild(path.dirname(path.dirname(appDir)), shared.log));
    return { dir: "build", cleanup: async () => {} };
  }
  const given = process.env.ACCORD_BUILD_DIR;
  const dir = given || `build-bench-${process.pid}`;
  const cleanup = given ? async () => {} : () => rm(path.join(appDir, dir), { recursive: true, force: true });
  if (given && (await stat(path.join(appDir, dir, "server", "index.js")).then(() => true, () => false))) {
    log(`${app} build: ${app}/${dir} (reused)`);
    return { dir, cleanup };
  }
  log(`building ${app} into ${app}/${dir} (react-router build)…`);
  const child = spawn("npx", ["react-router", "build"], { cwd: appDir, env: { ...process.env, ACCORD_BUILD_DIR: dir }, stdio: ["ignore", "ignore", "inherit"] });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) {
    await cleanup();
    throw new Error(`react-router build failed (exit ${code})`);
  }
  return { dir, cleanup };
}

let shared: { log: (line: string) => void; turbo?: Promise<void> } | null = null;

/**
 * While `work` runs (the smoke run), every scenario's {@link appBuild} is the apps' ordinary build
 * (`build/`), made or brought up to date once by `turbo run build --filter=./apps/*` — the step
 * `npm start` runs, replayed from turbo's cache when the sources did not change — instead of a build
 * of their own per scenario. ACCORD_BUILD_DIR, when set, still wins.
 */
export async function shareAppBuilds<T>(log: (line: string) => void, work: () => Promise<T>): Promise<T> {
  shared = { log };
  try {
    return await work();
  } finally {
    shared = null;
  }
}

async function turboBuild(root: string, log: (line: string) => void): Promise<void> {
  log("building the apps once for this run (turbo run build --filter=./apps/*)…");
  const started = performance.now();
  const child = spawn("npx", ["turbo", "run", "build", "--filter=./apps/*", "--output-logs=errors-only"], { cwd: root, env: process.env, stdio: ["ignore", "ignore", "inherit"] });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`turbo run build failed (exit ${code})`);
  log(`apps built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
