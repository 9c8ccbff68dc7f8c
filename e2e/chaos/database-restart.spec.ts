import { mkdtempSync, chmodSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedServer } from "@accord/db/embedded";
import { expect, test } from "@playwright/test";
import { signIn, startAccord, statusOf } from "../support/stack";

/**
 * PostgreSQL restarts while both apps are under load: meanwhile /healthz says 503; once it answers
 * again, no request gets a 5xx, a signed-in user carries on, and the worker delivers e-mails again —
 * without restarting anything.
 */
test("PostgreSQL restarted under load: /healthz 503 meanwhile, no 5xx once it answers, the worker delivers again", async () => {
  test.setTimeout(900_000);
  const pgDir = mkdtempSync(path.join(tmpdir(), "accord-chaos-pg-"));
  chmodSync(pgDir, 0o755);
  const pgLog: string[] = [];
  const onLog = (line: string) => pgLog.push(`${Date.now()} ${line.trim()}`);
  let server: EmbeddedServer | undefined = await startEmbeddedPostgres({ dataDir: path.join(pgDir, "data"), onLog });
  const port = server.port;
  const accord = await startAccord({ databaseUrl: server.url });
  try {
    const session = await signIn(accord.portal, "admin@martin.example");
    const staffSession = await signIn(accord.backoffice, "agent@accord.example");
    const targets = [
      { url: `${accord.portal}/cases`, cookie: session },
      { url: `${accord.portal}/`, cookie: session },
      { url: `${accord.backoffice}/`, cookie: staffSession },
      { url: `${accord.portal}/login` },
      { url: `${accord.backoffice}/login` },
    ];
    // `sent`: when the request left; `at`: when its answer came. What is promised is about requests sent
    // once the database answers again (one sent during the outage may still be answering 503 after).
    type Hit = { sent: number; at: number; url: string; status: number };
    const hits: Hit[] = [];
    const health: Hit[] = [];
    let loading = true;
    // Bounded load: 4 clients, each at most 5,000 requests, stopped by the test.
    const clients = Array.from({ length: 4 }, async (_, client) => {
      for (let i = 0; loading && i < 5_000; i++) {
        const target = targets[(i + client) % targets.length]!;
        const sent = Date.now();
        const status = await statusOf(target.url, target.cookie ? { headers: { Cookie: target.cookie } } : undefined);
        hits.push({ sent, at: Date.now(), url: target.url, status });
      }
    });
    const probe = (async () => {
      for (let i = 0; loading && i < 5_000; i++) {
        for (const app of [accord.portal, accord.backoffice]) {
          const sent = Date.now();
          health.push({ sent, at: Date.now(), url: app, status: await statusOf(`${app}/healthz`) });
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();

    await expect.poll(() => hits.length, { message: "some load before the restart", timeout: 180_000 }).toBeGreaterThan(50);
    expect(hits.filter((h) => h.status >= 500)).toEqual([]);

    // The database goes away for a while, then comes back on the same port with the same data.
    const stoppedAt = Date.now();
    await server.stop();
    server = undefined;
    await expect
      .poll(() => health.filter((h) => h.status === 503).map((h) => h.url), { message: "/healthz to answer 503 on both apps while the database is down", timeout: 180_000 })
      .toEqual(expect.arrayContaining([accord.portal, accord.backoffice]));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const restartedAt = Date.now();
    server = await startEmbeddedPostgres({ dataDir: path.join(pgDir, "data"), port, onLog });

    const backSince = () => {
      const last503 = Math.max(0, ...health.filter((h) => h.status !== 200).map((h) => h.at));
      return health.filter((h) => h.at > last503 && h.status === 200);
    };
    await expect.poll(() => new Set(backSince().map((h) => h.url)).size, { message: "/healthz to answer 200 again on both apps", timeout: 300_000 }).toBe(2);
    const recoveredAt = Math.max(...[accord.portal, accord.backoffice].map((app) => backSince().find((h) => h.url === app)!.sent));
    const countAt = hits.length;
    await expect.poll(() => hits.length - countAt, { message: "load after the recovery", timeout: 180_000 }).toBeGreaterThan(200);
    loading = false;
    await Promise.all([...clients, probe]);

    // While it is down (sent once /healthz saw it gone, answered before it was started again), a page
    // says « momentanément indisponible » with 503 and Retry-After, never a 500.
    const downAt = Math.min(...health.filter((h) => h.sent > stoppedAt && h.status === 503).map((h) => h.sent));
    const during = hits.filter((h) => h.sent > downAt && h.at < restartedAt);
    console.log(`database restart: ${during.length} requests during the outage, by status ${JSON.stringify(countBy(during.map((h) => h.status)))}`);
    expect(during.length, "some requests while the database was down").toBeGreaterThan(0);
    expect(during.filter((h) => h.status === 500 || h.status === 0), `no 500 while the database is down; what the apps logged:\n${errorsIn(accord.output())}`).toEqual([]);
    const after = hits.filter((h) => h.sent > recoveredAt);
    if (after.some((h) => h.status >= 500)) console.log(`DIAG stoppedAt=${stoppedAt} downAt=${downAt} restartedAt=${restartedAt} recoveredAt=${recoveredAt}\nhealth:\n${health.filter((h) => h.sent > restartedAt - 2000).slice(0, 40).map((h) => `${h.sent} ${h.at} ${h.url} ${h.status}`).join("\n")}\npg:\n${pgLog.filter((l) => Number(l.slice(0, 13)) > stoppedAt - 1000).join("\n")}`);
    expect(after.filter((h) => h.status >= 500), `no 5xx once the database answers; what the apps logged:\n${errorsIn(accord.output())}`).toEqual([]);
    expect(after.filter((h) => h.url === `${accord.portal}/cases`).every((h) => h.status === 200)).toBe(true);

    // The worker is still at work: an e-mail asked for now is delivered.
    const asked = Date.now();
    expect(await statusOf(`${accord.portal}/forgot-password`, { method: "POST", headers: { Origin: accord.portal, "Content-Type": "application/x-www-form-urlencoded" }, body: "email=compta%40martin.example" })).toBeLessThan(500);
    await expect
      .poll(
        () =>
          readdirSync(accord.mailbox)
            .filter((name) => name.endsWith(".json"))
            .map((name) => JSON.parse(readFileSync(path.join(accord.mailbox, name), "utf8")) as { to: string[]; sentAt: string })
            .some((mail) => mail.to.includes("compta@martin.example") && Date.parse(mail.sentAt) >= asked - 1_000),
        { message: "the worker to deliver the reset e-mail after the restart", timeout: 300_000 },
      )
      .toBe(true);
    // Nothing was restarted to get there.
    expect(accord.output()).not.toMatch(/s'est arrêté \/ stopped/);
  } finally {
    await accord.stop();
    await server?.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
});

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * What the apps printed about errors: first, the 40 lines before each process that stopped (its crash and
 * stack), which the many « database unreachable » lines of the outage would otherwise push out; then
 * the lines around each error (the last 40 of them).
 */
function errorsIn(output: string): string {
  const lines = output.split("\n");
  const crashes = lines.flatMap((line, index) => (/s'est arrêté \/ stopped/.test(line) ? [...lines.slice(Math.max(0, index - 40), index + 1).filter((l) => !/database unreachable|^params: /.test(l)), "---"] : []));
  const picked = lines.flatMap((line, index) => (/error|unreachable/i.test(line) && !line.includes("[core]") ? lines.slice(index, index + 3) : []));
  return [...crashes, ...picked.slice(-40)].join("\n");
}
