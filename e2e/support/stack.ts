import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";
import { expect } from "@playwright/test";
import { freePorts } from "./ports";

export const repoRoot = findRepoRoot(import.meta.dirname);

/** A whole Accord started as `npm start` starts it (both apps, the worker), on free ports and temporary folders. */
export interface Accord {
  portal: string;
  backoffice: string;
  dataDir: string;
  mailbox: string;
  child: ChildProcess;
  output(): string;
  /** The pid `npm start` gave for an app ("portal", "backoffice", "worker"); the latest after a restart. */
  pidOf(name: string): number;
  /** Ctrl-C, then waits for the exit; the data folder goes too unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts Accord with `apps/cli start` (the builds of apps/* must exist). Without `databaseUrl`, the
 * embedded PostgreSQL keeps its data in the temporary data folder.
 */
export async function startAccord({
  databaseUrl = "",
  env = {},
  dataDir = newDataDir(),
  ports = freePorts(),
}: {
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Give the same folder (and ports) to start again on the data of an earlier run; `stop` then keeps it. */
  dataDir?: string;
  ports?: { portal: number; backoffice: number };
} = {}): Promise<Accord> {
  const ownsDataDir = !existsSync(path.join(dataDir, "pg"));
  const portal = `http://localhost:${ports.portal}`;
  const backoffice = `http://localhost:${ports.backoffice}`;
  const mailbox = path.join(dataDir, "mailbox");
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      ACCORD_DATA_DIR: dataDir,
      MAILBOX_DIR: mailbox,
      FILE_STORE_DIR: path.join(dataDir, "files"),
      PORTAL_PORT: String(ports.portal),
      BACKOFFICE_PORT: String(ports.backoffice),
      PORTAL_URL: portal,
      BACKOFFICE_URL: backoffice,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await expect.poll(() => output, { message: "npm start to say Accord is ready", timeout: 400_000, intervals: [250] }).toMatch(/Accord est prêt/);
  return {
    portal,
    backoffice,
    dataDir,
    mailbox,
    child,
    output: () => output,
    pidOf(name) {
      const pids = [...output.matchAll(new RegExp(`${name} : démarré / started \\(pid (\\d+)\\)`, "g"))].map((m) => Number(m[1]));
      if (pids.length === 0) throw new Error(`npm start did not say the pid of ${name}`);
      return pids.at(-1)!;
    },
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      await exited;
      if (ownsDataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new temporary data folder that the embedded PostgreSQL (the `postgres` user, as root) can reach. */
export function newDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), "accord-stack-"));
  chmodSync(dataDir, 0o755);
  return dataDir;
}

/** The status of GET url (0 when nothing answers). */
export async function statusOf(url: string, init?: RequestInit): Promise<number> {
  try {
    const response = await fetch(url, { redirect: "manual", ...init });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Signs in with a demo login and gives the session cookie. */
export async function signIn(app: string, email: string, password = "accord-demo"): Promise<string> {
  const response = await fetch(`${app}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: app, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers.getSetCookie().find((c) => /^accord_(portal|backoffice)_session=/.test(c));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in of ${email} on ${app} answered ${response.status}`);
  return cookie.split(";")[0]!;
}
