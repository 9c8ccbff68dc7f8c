/**
 * The real back-office queue page for the queue benchmark: the back-office's production build served
 * by its own server process (`node --import tsx apps/backoffice/server.ts`, the same `createAppServer`
 * as in production) on a free loopback port, pointed at one dataset's database, and a signed-in staff
 * session (a session row created by @accord/auth, as sign-in does, sent as the session cookie).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSession, invalidateSession, sessionCookie } from "@accord/auth";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";
import type { Db } from "@accord/db";
import { findFreePort } from "@accord/db/embedded";
import { appBuild, startAppServer, type AppProcess } from "../app-server";

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
const backofficeDir = path.join(repoRoot, "apps/backoffice");

/** The back-office's production build (see {@link appBuild}). */
export function backofficeBuild(log: (line: string) => void): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  return appBuild(backofficeDir, log);
}

export type BackofficeProcess = AppProcess;

/** The back-office server on its own process and a free port, on `databaseUrl`; resolves once /healthz answers. */
export async function startBackoffice(options: { databaseUrl: string; buildDir: string; sqlLog?: string }): Promise<BackofficeProcess> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  return startAppServer({
    name: "back-office",
    cwd: backofficeDir,
    url,
    // BENCH_SERVER_NODE_ARGS: extra Node options for the page's server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    nodeArgs: (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
    env: {
      DATABASE_URL: options.databaseUrl,
      BACKOFFICE_PORT: String(port),
      BACKOFFICE_URL: url,
      ACCORD_BUILD_DIR: options.buildDir,
      ACCORD_SQL_LOG: options.sqlLog ?? "",
      // Required in production (ADR 0036); the page never reads it, the bench never posts inbound e-mail.
      INBOUND_EMAIL_SECRET: process.env.INBOUND_EMAIL_SECRET || "accord-bench-inbound-secret",
    },
  });
}

/** A back-office session of `staffId` (as sign-in creates it): the Cookie header, and its removal. */
export async function staffSession(db: Db, staffId: string): Promise<{ cookie: string; end: () => Promise<void> }> {
  const { token } = await createSession(db, { userKind: "staff", userId: staffId, userAgent: "accord-bench" }, new Date());
  return {
    cookie: `${sessionCookie("backoffice").name}=${encodeURIComponent(token)}`,
    end: () => invalidateSession(db, token),
  };
}

/**
 * One GET of the page: the server's own time from its `Server-Timing: app;dur=` header (the time to
 * the response's head: session, loader, render of the shell), else the round trip on loopback; the
 * body is read to its end either way. Anything but a 200 (a redirect to /login…) is an error.
 */
export async function timePage(url: string, cookie: string): Promise<{ ms: number; source: "server-timing" | "round-trip" }> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const body = await response.text();
  const roundTrip = performance.now() - start;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  const match = /(?:^|,)\s*app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
  return match ? { ms: Number(match[1]), source: "server-timing" } : { ms: roundTrip, source: "round-trip" };
}

/**
 * Every statement the page sends for each query string, with its parameters: read from a second
 * server process of the same build that logs its SQL (`ACCORD_SQL_LOG`, slow, so never the measured
 * one). Each page is asked once to warm up, then once with an empty log.
 */
export async function capturePageStatements(options: {
  databaseUrl: string;
  buildDir: string;
  cookie: string;
  queries: Record<string, string>;
}): Promise<Record<string, { query: string; params: unknown[] }[]>> {
  const dir = await mkdtemp(path.join(tmpdir(), "accord-bench-sql-"));
  const sqlLog = path.join(dir, "statements.jsonl");
  const server = await startBackoffice({ databaseUrl: options.databaseUrl, buildDir: options.buildDir, sqlLog });
  try {
    const captured: Record<string, { query: string; params: unknown[] }[]> = {};
    for (const [name, query] of Object.entries(options.queries)) {
      await timePage(`${server.url}/?${query}`, options.cookie);
      await writeFile(sqlLog, "");
      await timePage(`${server.url}/?${query}`, options.cookie);
      const lines = (await readFile(sqlLog, "utf8")).split("\n").filter(Boolean);
      captured[name] = lines.map((line) => JSON.parse(line) as { query: string; params: unknown[] });
      if (captured[name].length === 0) throw new Error(`the page ${query} sent no SQL: is ACCORD_SQL_LOG read?`);
    }
    return captured;
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
