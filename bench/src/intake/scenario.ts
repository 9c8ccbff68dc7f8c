/**
 * `npm run bench -- intake [--size 1m] [--seconds 20] [--rounds 2] [--fresh] [--smoke]`: claim intake
 * through the public API (P1 of issue 17), see bench/README.md and ADR 0048.
 *
 * - Data: a copy (`create database … template`) of the queue generator's dataset of that size, so
 *   the claims filed here never change the dataset; dropped at the end.
 * - Measured: `POST /api/v1/claims` on the portal (production build, own process), 32 connections
 *   (`autocannon` as a library), a body of 3 invoice lines and no file, each request with its own
 *   Idempotency-Key and one of 64 API keys of the largest customer in turn.
 * - Baseline: the statements one such request sends (captured from a second portal process logging its
 *   SQL, ACCORD_SQL_LOG), replayed in one transaction per request through postgres.js behind a bare
 *   node:http server (replay-server.ts), hit the same way. Rounds alternate the two.
 * - Goals: throughput ≥ 0.5 × the baseline's, p99 ≤ 3 × the baseline's p99, no error.
 * - Reported without goal: a bare server doing one INSERT (the floor), and the portal's claim form
 *   (`POST /claims/new`, intent=submit) with 8 signed-in customers, each post with its own one-time key.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createSession, hashToken, sessionCookie } from "@accord/auth";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";
import { createDb } from "@accord/db";
import { findFreePort } from "@accord/db/embedded";
import { withDatabase } from "@accord/db/testing";
import postgres from "postgres";
import { appBuild, startAppServer, stopProcess, type AppProcess } from "../app-server";
import { benchServer, datasetDatabase } from "../queue/database";
import { accountId, customerUserId } from "../queue/generate";
import { report, type BenchResult } from "../report";
import { runLoad, type LoadRequest, type LoadResult } from "./load";
import type { ReplayPlan, Statement } from "./replay-server";

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
const portalDir = path.join(repoRoot, "apps/portal");
const SIZES: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const CONNECTIONS = 32;
const FORM_USERS = 8;
const KEY_COUNT = 64;
const THROUGHPUT_GOAL = 0.5;
const P99_GOAL = 3;

const log = (line: string) => process.stderr.write(`bench intake: ${line}\n`);

function parseArgs(args: string[]) {
  let size = "1m";
  let seconds = 20;
  let rounds = 2;
  let fresh = false;
  let smoke = false;
  let connections = CONNECTIONS;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => args[++i] ?? "";
    if (arg === "--size") size = value().toLowerCase();
    else if (arg === "--seconds") seconds = Number(value());
    else if (arg === "--rounds") rounds = Number(value());
    else if (arg === "--fresh") fresh = true;
    else if (arg === "--smoke") smoke = true;
    else if (arg === "--connections") connections = Number(value());
    else throw new Error(`unknown argument ${arg} (use --size 10k|100k|1m --seconds N --rounds N --connections N --fresh --smoke)`);
  }
  if (smoke) {
    size = "10k";
    seconds = 4;
    rounds = 1;
  }
  if (!SIZES[size]) throw new Error(`unknown size ${size} (10k, 100k, 1m)`);
  if (!Number.isInteger(seconds) || seconds < 2) throw new Error("--seconds must be an integer ≥ 2");
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be an integer ≥ 1");
  if (!Number.isInteger(connections) || connections < 1) throw new Error("--connections must be a positive integer");
  return { size, seconds, rounds, fresh, smoke, connections };
}

export async function intakeScenario(args: string[]): Promise<BenchResult[]> {
  const options = parseArgs(args);
  const cleanups: (() => Promise<unknown>)[] = [];
  const server = await benchServer(log);
  cleanups.push(server.stop);
  try {
    const source = await datasetDatabase(server.url, SIZES[options.size]!, { fresh: options.fresh, log });
    // A copy of the dataset: the claims filed here never change it.
    const copyName = `accord_bench_intake_${process.pid}`;
    const admin = postgres(server.url, { max: 1, onnotice: () => {} });
    cleanups.unshift(async () => {
      await admin.unsafe(`drop database if exists ${copyName} with (force)`);
      await admin.end({ timeout: 5 });
    });
    const copyStart = performance.now();
    await admin.unsafe(`create database ${copyName} template ${new URL(source).pathname.slice(1)} strategy file_copy`);
    const url = withDatabase(server.url, copyName);
    log(`${options.size}: dataset copied into ${copyName} in ${((performance.now() - copyStart) / 1000).toFixed(0)} s`);

    const fixture = await prepareFixture(url);
    cleanups.unshift(() => fixture.sql.end({ timeout: 5 }));
    const work = await mkdtemp(path.join(tmpdir(), "accord-bench-intake-"));
    cleanups.unshift(() => rm(work, { recursive: true, force: true }));
    const build = await appBuild(portalDir, log);
    cleanups.unshift(build.cleanup);

    // The statements of one claim creation, from a second portal process that logs its SQL.
    const sqlLog = path.join(work, "statements.jsonl");
    // Both portals start together (the measured one idles while the other is captured).
    const starting = [startPortal({ databaseUrl: url, buildDir: build.dir, work, sqlLog }), startPortal({ databaseUrl: url, buildDir: build.dir, work })] as const;
    const [captureStart, portalStart] = await Promise.allSettled(starting);
    if (portalStart.status === "fulfilled") cleanups.unshift(portalStart.value.stop);
    if (captureStart.status === "rejected" || portalStart.status === "rejected") {
      if (captureStart.status === "fulfilled") await captureStart.value.stop();
      throw captureStart.status === "rejected" ? captureStart.reason : (portalStart as PromiseRejectedResult).reason;
    }
    const capture = captureStart.value;
    const portal = portalStart.value;
    let captured: { statements: Statement[]; plan: ReplayPlan["captured"] };
    try {
      await postClaim(capture.url, fixture.keys[0]!.key, fixture.apiBody(0), crypto.randomUUID());
      await writeFile(sqlLog, "");
      const idempotencyKey = crypto.randomUUID();
      const reference = await postClaim(capture.url, fixture.keys[0]!.key, fixture.apiBody(1), idempotencyKey);
      const statements = (await readFile(sqlLog, "utf8"))
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Statement);
      const [row] = await fixture.sql<{ id: string; submissionKey: string | null }[]>`select id, submission_key as "submissionKey" from cases where reference = ${reference}`;
      if (!row) throw new Error(`the captured claim ${reference} is not in the database`);
      const [email] = await fixture.sql<{ id: string }[]>`select id from email_messages where case_id = ${row.id}`;
      captured = {
        statements,
        plan: { keyHash: fixture.keys[0]!.keyHash, keyId: fixture.keys[0]!.keyId, idempotencyKey, reference, caseId: row.id, submissionKey: row.submissionKey, emailId: email?.id ?? null },
      };
      log(`one claim creation sends ${statements.length} statements (captured from ${reference})`);
      if (process.env.BENCH_INTAKE_DUMP) await writeFile(process.env.BENCH_INTAKE_DUMP, JSON.stringify(captured, null, 1));
    } finally {
      await capture.stop();
    }

    const keyMap = Object.fromEntries(fixture.keys.map((k) => [k.key, { keyHash: k.keyHash, keyId: k.keyId }]));
    const replay = await startReplayServer({ mode: "replay", databaseUrl: url, statements: captured.statements, captured: captured.plan, keys: keyMap });
    cleanups.unshift(replay.stop);
    await fixture.sql`create table bench_intake_floor (id bigserial primary key, body text not null, created_at timestamptz not null default now())`;
    const floor = await startReplayServer({ mode: "insert", databaseUrl: url, statements: [], captured: captured.plan, keys: {} });
    cleanups.unshift(floor.stop);
    log(`portal on ${portal.url} (pid ${portal.child.pid}), replay on ${replay.url}, floor on ${floor.url}`);

    let n = 0;
    const apiRequest = (): LoadRequest => {
      const i = n++;
      return {
        method: "POST",
        path: "/api/v1/claims",
        headers: { "content-type": "application/json", authorization: `Bearer ${fixture.keys[i % KEY_COUNT]!.key}`, "idempotency-key": crypto.randomUUID() },
        body: fixture.apiBody(i),
      };
    };
    // autocannon stops at the deadline without waiting for the requests in flight: the server finishes
    // them meanwhile, so each run waits until the database has no busy session of the copy left.
    const load = async (base: string, next: () => LoadRequest, seconds: number, connections = options.connections) => {
      const result = await runLoad({ url: base, connections, seconds, next });
      await drained(fixture.sql);
      return result;
    };
    const describe = (name: string, r: LoadResult) =>
      `${name}: ${r.throughput.toFixed(1)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ok} 2xx, ${r.redirects} 3xx, ${r.non2xx - r.redirects} 4xx/5xx, ${r.errors} errors, ${r.timeouts} timeouts${r.firstFailure ? ` (first: ${r.firstFailure})` : ""}`;

    // Warm-up of both sides (JIT, pools, caches), then rounds alternating API and baseline.
    const warm = options.smoke ? 1 : 3;
    log(describe("warm-up api", await load(portal.url, apiRequest, warm)));
    log(describe("warm-up replay", await load(replay.url, apiRequest, warm)));
    const api: LoadResult[] = [];
    const baseline: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      api.push(await load(portal.url, apiRequest, options.seconds));
      log(describe(`round ${round + 1} api`, api.at(-1)!));
      baseline.push(await load(replay.url, apiRequest, options.seconds));
      log(describe(`round ${round + 1} replay`, baseline.at(-1)!));
    }
    const floorResult = await load(floor.url, apiRequest, options.seconds);
    log(describe("floor (one INSERT)", floorResult));
    let f = 0;
    const formRequest = (): LoadRequest => {
      const i = f++;
      const user = fixture.formUsers[i % FORM_USERS]!;
      return {
        method: "POST",
        path: "/claims/new",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie, origin: portal.url },
        body: user.form(crypto.randomUUID(), i),
      };
    };
    log(describe("warm-up form", await load(portal.url, formRequest, warm, FORM_USERS)));
    const form = await load(portal.url, formRequest, options.seconds, FORM_USERS);
    log(describe("portal form (8 users)", form));
    const formFailures = form.non2xx - form.redirects + form.errors + form.timeouts;
    if (form.redirects === 0) throw new Error(`the portal form filed no claim: ${form.firstFailure ?? "no redirect"}`);

    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const apiThroughput = mean(api.map((r) => r.throughput));
    const baseThroughput = mean(baseline.map((r) => r.throughput));
    const apiP99 = mean(api.map((r) => r.p99));
    const baseP99 = mean(baseline.map((r) => r.p99));
    const apiFailures = api.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    const baseFailures = baseline.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0);
    // A failing baseline is the harness's business (its answers are 201 or a 500 naming the error; a
    // timeout is a request still queued after 10 s): reported, so that a ratio against it is read with care.
    if (baseFailures > 0) log(`the baseline failed ${baseFailures} requests: ${baseline.find((r) => r.firstFailure)?.firstFailure ?? "timeouts or socket errors"}`);
    const scenario = `intake/${options.size}`;
    const results: BenchResult[] = [
      { scenario, metric: "throughput", value: round(apiThroughput), unit: "req/s", baseline: round(baseThroughput), ratio: round(apiThroughput / baseThroughput), goal: `>= ${THROUGHPUT_GOAL}x the replayed statements' throughput`, pass: apiThroughput / baseThroughput >= THROUGHPUT_GOAL },
      { scenario, metric: "p99", value: round(apiP99), unit: "ms", baseline: round(baseP99), ratio: round(apiP99 / baseP99), goal: `<= ${P99_GOAL}x the replayed statements' p99`, pass: apiP99 / baseP99 <= P99_GOAL },
      { scenario, metric: "errors", value: apiFailures, unit: "requests", baseline: null, ratio: null, goal: "0 (non-2xx, socket errors, timeouts)", pass: apiFailures === 0 },
      { scenario, metric: "baseline_errors", value: baseFailures, unit: "requests", baseline: null, ratio: null, goal: "reported (the replay's failures and timeouts)", pass: true },
      { scenario, metric: "floor_throughput", value: round(floorResult.throughput), unit: "req/s", baseline: null, ratio: null, goal: "reported (a bare server doing one INSERT)", pass: true },
      { scenario, metric: "floor_p99", value: round(floorResult.p99), unit: "ms", baseline: null, ratio: null, goal: "reported (a bare server doing one INSERT)", pass: true },
      { scenario, metric: "form_throughput", value: round(form.throughput), unit: "req/s", baseline: null, ratio: null, goal: `reported (portal form, ${FORM_USERS} users)`, pass: true },
      { scenario, metric: "form_p99", value: round(form.p99), unit: "ms", baseline: null, ratio: null, goal: `reported (portal form, ${FORM_USERS} users)`, pass: true },
      { scenario, metric: "form_errors", value: formFailures, unit: "requests", baseline: null, ratio: null, goal: `reported (portal form, ${FORM_USERS} users)`, pass: true },
    ];
    for (const result of results) report(result);
    return results;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Waits (60 s at most) until no other session of this database is running a statement or inside a transaction. */
async function drained(sql: postgres.Sql): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [row] = await sql<{ busy: number }[]>`
      select count(*)::int as busy from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state is not null and state <> 'idle'`;
    if (row!.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the servers were still busy 60 s after the load stopped");
}

/** The contested line's quantity: one unit, in the API's number and the form's French decimal text. */
const CONTESTED = 1;

/**
 * In the copy: 64 API keys of the largest customer (account 0) acting as its admin, its invoices of
 * 3 lines (each request contests the 3 lines of one of them, in turn), and 8 signed-in customers
 * (the admins of accounts 0–7) with an invoice of 3 lines each for the form.
 */
async function prepareFixture(url: string) {
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  const keys: { key: string; keyHash: string; keyId: string }[] = [];
  for (let i = 0; i < KEY_COUNT; i++) {
    const key = `accord_live_bench${String(i).padStart(4, "0")}${crypto.randomUUID().replaceAll("-", "")}`;
    const keyHash = hashToken(key);
    const [row] = await sql<{ id: string }[]>`
      insert into api_keys (account_id, name, prefix, key_hash, acting_user_id, created_by_customer_id)
      values (${accountId(0)}, ${`bench ${i + 1}`}, ${key.slice(0, 16)}, ${keyHash}, ${customerUserId(0, 0)}, ${customerUserId(0, 0)})
      returning id`;
    keys.push({ key, keyHash, keyId: row!.id });
  }
  const threeLineInvoices = (account: string, limit: number) => sql<{ number: string; lineIds: string[] }[]>`
    select i.number, array_agg(l.id order by l.line_no) as "lineIds"
    from invoices i join invoice_lines l on l.invoice_id = i.id
    where i.account_id = ${account}
    group by i.id, i.number
    having count(*) = 3
    order by i.number
    limit ${limit}`;
  const invoices = await threeLineInvoices(accountId(0), 64);
  if (invoices.length === 0) throw new Error("the dataset's largest customer has no invoice of 3 lines");
  const apiBody = (i: number) =>
    JSON.stringify({
      type: "quality",
      title: `Lot non conforme ${i}`,
      description: "Trois lignes de la facture contestées (banc d'essai).",
      desiredOutcome: "credit_note",
      quality: { product: "Farine T55 25 kg", lotNumber: `L-${i}` },
      lines: [1, 2, 3].map((lineNo) => ({ invoiceNumber: invoices[i % invoices.length]!.number, lineNo, contestedQuantity: CONTESTED })),
    });

  const formUsers: { cookie: string; form: (submissionKey: string, i: number) => string }[] = [];
  const handle = createDb(url, { max: 1 });
  try {
    for (let a = 0; a < FORM_USERS; a++) {
      const [invoice] = await threeLineInvoices(accountId(a), 1);
      if (!invoice) throw new Error(`account ${a} has no invoice of 3 lines`);
      const { token } = await createSession(handle.db, { userKind: "customer", userId: customerUserId(a, 0), userAgent: "accord-bench" }, new Date());
      formUsers.push({
        cookie: `${sessionCookie("portal").name}=${encodeURIComponent(token)}`,
        form: (submissionKey, i) => {
          const fields = new URLSearchParams({ type: "quality", title: `Lot non conforme ${i}`, description: "Trois lignes contestées (banc d'essai).", desiredOutcome: "credit_note", "quality.product": "Farine T55 25 kg", "quality.lotNumber": `L-${i}`, submissionKey, intent: "submit" });
          for (const [index, lineId] of invoice.lineIds.entries()) {
            fields.append(`lines[${index}].invoiceLineId`, lineId);
            fields.append(`lines[${index}].contestedQuantity`, String(CONTESTED));
          }
          return fields.toString();
        },
      });
    }
  } finally {
    await handle.close();
  }
  return { sql, keys, apiBody, formUsers };
}

/** The portal (production build, own process) on a free port, on `databaseUrl`, no rate limit to speak of. */
async function startPortal(options: { databaseUrl: string; buildDir: string; work: string; sqlLog?: string }): Promise<AppProcess> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  return startAppServer({
    name: "portal",
    cwd: portalDir,
    url,
    env: {
      DATABASE_URL: options.databaseUrl,
      PORTAL_PORT: String(port),
      PORTAL_URL: url,
      FILE_STORE_DIR: path.join(options.work, "files"),
      MAILBOX_DIR: path.join(options.work, "mailbox"),
      ACCORD_BUILD_DIR: options.buildDir,
      ACCORD_SQL_LOG: options.sqlLog ?? "",
      API_RATE_LIMIT_PER_MINUTE: "100000000",
    },
  });
}

/** One API claim creation; resolves with its reference (anything but a 201 is an error). */
async function postClaim(base: string, key: string, body: string, idempotencyKey: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/claims`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "idempotency-key": idempotencyKey },
    body,
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/v1/claims answered ${response.status}: ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { reference: string }).reference;
}

/** A baseline server (replay-server.ts) on its own process and a free port; resolves once it listens. */
async function startReplayServer(plan: Omit<ReplayPlan, "port">): Promise<{ url: string; child: ReturnType<typeof spawn>; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(path.dirname(fileURLToPath(import.meta.url)), "replay-server.ts")], {
    env: { ...process.env, NODE_ENV: "production", INTAKE_REPLAY_PLAN: JSON.stringify({ ...plan, port }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => line === "ready" && resolve());
    void once(child, "exit").then(([code]) => reject(new Error(`the ${plan.mode} server exited with code ${String(code)}`)));
  });
  await ready;
  return { url: `http://127.0.0.1:${port}`, child, stop: () => stopProcess(child) };
}
