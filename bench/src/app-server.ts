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
 * `nodeArgs` before it) and resolves once its /healthz answers at `url` (60 s at most).
 */
export async function startAppServer(options: { name: string; cwd: string; url: string; env: Record<string, string>; nodeArgs?: string[] }): Promise<AppProcess> {
  const { name, url } = options;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    cwd: options.cwd,
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ACCORD_DEV: "", ...options.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => stopProcess(child);
  const deadline = Date.now() + 60_000;
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
  throw new Error(`the ${name} did not answer /healthz within 60 s`);
}

export { stopProcess };

/**
 * An app's production build (`appDir`: apps/<app>): ACCORD_BUILD_DIR when set (built there if missing);
 * else a fresh build of the current tree in a folder of this run (a stale build/ would measure old code),
 * removed afterwards. Returns the folder name for the server and the cleanup.
 */
export async function appBuild(appDir: string, log: (line: string) => void): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const app = path.relative(path.dirname(path.dirname(appDir)), appDir);
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
