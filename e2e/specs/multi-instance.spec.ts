import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, emailMessages, evidence } from "@accord/db";
import { findFreePort, startEmbeddedPostgres } from "@accord/db/embedded";
import { stopProcess } from "@accord/core/testing/processes";
import { startLocalS3 } from "@accord/core/testing/s3-server";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { newDataDir, repoRoot, signIn } from "../support/stack";

const API_KEY = "accord_demo_martin";
const CLAIMS = 6;

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** One process of an app (its production server) or of the worker, with the shared settings. */
function startProcess(name: string, cwd: string, args: string[], env: Record<string, string>, url = ""): Instance {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd,
    env: { ...process.env, NODE_ENV: "test", HOST: "127.0.0.1", ACCORD_DEV: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { name, url, child, output: () => output };
}

async function healthy(instance: Instance): Promise<number> {
  if (instance.child.exitCode !== null) throw new Error(`${instance.name} exited (${instance.child.exitCode}): ${instance.output()}`);
  try {
    return (await fetch(`${instance.url}/healthz`)).status;
  } catch {
    return 0;
  }
}

/** The database: a new one on TEST_DATABASE_URL's server when set, else an ephemeral embedded PostgreSQL. */
async function database(): Promise<{ url: string; release: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `accord_multi_${process.pid}_${Date.now()}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      release: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 5 });
      },
    };
  }
  const dir = newDataDir();
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true });
  return {
    url: embedded.url,
    release: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const REPLICA_TEAM = "Équipe lue sur la réplique";

/** A copy of the database at `url` (CREATE DATABASE … TEMPLATE, from the server's template1: nobody may be connected to the copied one). */
async function cloneDatabase(url: string): Promise<{ url: string; release: () => Promise<void> }> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  const name = `${source}_kpi_replica`;
  const maintenance = new URL(url);
  maintenance.pathname = "/template1";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${source}"`);
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return {
    url: copy.toString(),
    release: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await admin.end({ timeout: 5 });
    },
  };
}

/** The mailbox's files per e-mail id (`<sentAt>_<id>.json`): a second delivery would be a second file. */
function deliveriesById(mailbox: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(mailbox).filter((file) => file.endsWith(".json"))) {
    const id = name.slice(name.indexOf("_") + 1, -".json".length);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Several instances (issue 17, ADR 0043): 2 portals, 2 back-offices and 2 workers on one database and
 * one S3-compatible store, as behind a load balancer. An upload sent to one portal is used by a claim
 * submitted to the other; a session opened on one instance is honoured by the other (both apps); the
 * evidence written by one portal is downloaded from the other back-office; the dashboard reads its
 * read replica (KPI_DATABASE_URL) and the queue the primary; and every e-mail the claims queued is
 * delivered exactly once by the two workers.
 */
test("2 portals, 2 back-offices and 2 workers on one database and one S3 store: any request may reach any instance, every e-mail goes once", async () => {
  // Six processes start beside the rest of the suite: generous bounds, which say what they waited for.
  test.setTimeout(900_000);
  const started = Date.now();
  const cleanups: (() => Promise<unknown>)[] = [];
  const instances: Instance[] = [];
  try {
    const db = await database();
    cleanups.unshift(db.release);
    const s3 = await startLocalS3({ bucket: "accord-multi" });
    cleanups.unshift(() => s3.close());
    const mailbox = mkdtempSync(path.join(tmpdir(), "accord-multi-mailbox-"));
    cleanups.push(async () => rmSync(mailbox, { recursive: true, force: true }));

    const ports = { portal: [await findFreePort(), await findFreePort()], backoffice: [await findFreePort(), await findFreePort()] };
    // The load balancer's public addresses: the first instance of each (links in e-mails).
    const shared = {
      DATABASE_URL: db.url,
      MAILBOX_DIR: mailbox,
      PORTAL_URL: `http://127.0.0.1:${ports.portal[0]}`,
      BACKOFFICE_URL: `http://127.0.0.1:${ports.backoffice[0]}`,
      ...s3.env("evidence"),
    };

    // Migrations and demo data once, by the command line, before any instance starts.
    for (const command of ["migrate", "seed"]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", command], { cwd: repoRoot, env: { ...process.env, NODE_ENV: "test", ...shared }, encoding: "utf8" });
      expect(run.status, `accord ${command}: ${run.stdout}${run.stderr}`).toBe(0);
    }

    // The dashboard's read replica (KPI_DATABASE_URL), made before any instance connects: a copy of the seeded
    // database, one of whose teams has a name that the primary does not have, so that a page shows which one it read.
    const replica = await cloneDatabase(db.url);
    cleanups.unshift(replica.release);
    const replicaSql = postgres(replica.url, { max: 1, onnotice: () => {} });
    const [original] = await replicaSql<{ name: string }[]>`select name from teams order by name limit 1`;
    const [renamed] = await replicaSql<{ name: string }[]>`update teams set name = ${REPLICA_TEAM} where id = (select id from teams order by name limit 1) returning name`;
    await replicaSql.end({ timeout: 5 });
    expect(renamed?.name).toBe(REPLICA_TEAM);
    for (const [i, port] of ports.portal.entries()) {
      instances.push(startProcess(`portal ${i + 1}`, path.join(repoRoot, "apps/portal"), ["server.ts"], { ...shared, PORTAL_PORT: String(port), API_RATE_LIMIT_PER_MINUTE: "1000" }, `http://127.0.0.1:${port}`));
    }
    for (const [i, port] of ports.backoffice.entries()) {
      instances.push(
        startProcess(`back-office ${i + 1}`, path.join(repoRoot, "apps/backoffice"), ["server.ts"], { ...shared, BACKOFFICE_PORT: String(port), KPI_DATABASE_URL: replica.url }, `http://127.0.0.1:${port}`),
      );
    }
    const workers = [1, 2].map((i) => startProcess(`worker ${i}`, path.join(repoRoot, "apps/worker"), ["src/index.ts"], { ...shared, SLA_SWEEP_SCHEDULE: "off" }));
    instances.push(...workers);
    for (const instance of instances.filter((each) => each.url)) {
      await expect.poll(() => healthy(instance), { message: `${instance.name} to answer /healthz`, timeout: 400_000, intervals: [250] }).toBe(200).catch((error: Error) => {
        throw new Error(`${error.message}\n${instance.name} said:\n${instance.output()}`);
      });
    }
    for (const worker of workers) {
      await expect.poll(() => worker.output(), { message: `${worker.name} to start`, timeout: 300_000, intervals: [250] }).toMatch(/worker: started/);
    }
    const ready = Math.round((Date.now() - started) / 1000);
    const [portalA, portalB, backofficeA, backofficeB] = instances as [Instance, Instance, Instance, Instance];

    // Uploads to portal A, claims to portal B (the staged upload is in the database, its bytes in S3).
    const filed: { reference: string; sha256: string }[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const pdf = Buffer.from(`%PDF-1.4\n%multi-instance ${i} ${started}\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), `bon-${i}.pdf`);
      const [uploadTo, claimTo] = i % 2 === 0 ? [portalA, portalB] : [portalB, portalA];
      const uploaded = await fetch(`${uploadTo.url}/api/v1/uploads`, { method: "POST", headers: { Authorization: `Bearer ${API_KEY}` }, body: form });
      expect(uploaded.ok, `upload: ${uploaded.status} ${await uploaded.clone().text()}`).toBe(true);
      const uploadIds = ((await uploaded.json()) as { uploads: { id: string }[] }).uploads.map((upload) => upload.id);
      const created = await fetch(`${claimTo.url}/api/v1/claims`, {
        method: "POST",
        headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json", "Idempotency-Key": `multi-${started}-${i}` },
        body: JSON.stringify({
          type: "quality",
          title: `Farine humide (plusieurs instances ${i})`,
          description: "Sacs humides à la réception.",
          desiredOutcome: "credit_note",
          quality: { product: "Farine de blé T65 — sac de 25 kg", lotNumber: "L2026-0917" },
          lines: [{ invoiceNumber: "FA-2026-10412", lineNo: 1, contestedQuantity: 1 }],
          uploadIds,
        }),
      });
      expect(created.ok, `claim: ${created.status} ${await created.clone().text()}`).toBe(true);
      filed.push({ reference: ((await created.json()) as { reference: string }).reference, sha256: createHash("sha256").update(pdf).digest("hex") });
    }
    const { reference, sha256 } = filed[0]!;

    // Portal: signed in on A, the case read on B.
    const customer = await signIn(portalA.url, "admin@martin.example");
    const customerPage = await fetch(`${portalB.url}/cases/${reference}`, { headers: { Cookie: customer }, redirect: "manual" });
    expect(customerPage.status).toBe(200);
    expect(await customerPage.text()).toContain(reference);

    // Back-office: signed in on A, the case read on B, and its evidence (written by portal A, in S3) downloaded from B.
    const staff = await signIn(backofficeA.url, "admin@accord.example");
    const staffPage = await fetch(`${backofficeB.url}/cases/${reference}`, { headers: { Cookie: staff }, redirect: "manual" });
    expect(staffPage.status).toBe(200);
    expect(await staffPage.text()).toContain(reference);
    const handle = createDb(db.url, { max: 2 });
    cleanups.unshift(() => handle.close());
    const [file] = await handle.db.select({ id: evidence.id }).from(evidence).where(eq(evidence.sha256, sha256));
    expect(file).toBeDefined();
    const download = await fetch(`${backofficeB.url}/cases/${reference}/evidence/${file!.id}`, { headers: { Cookie: staff } });
    expect(download.status).toBe(200);
    expect(createHash("sha256").update(Buffer.from(await download.arrayBuffer())).digest("hex")).toBe(sha256);

    // The dashboard (its panels and filter choices) and the monthly review read the replica; the queue, the primary.
    const supervisor = await signIn(backofficeB.url, "superviseur@accord.example");
    for (const page of ["/dashboard", "/dashboard/review"]) {
      const read = await fetch(`${backofficeA.url}${page}`, { headers: { Cookie: supervisor }, redirect: "manual" });
      expect(read.status, page).toBe(200);
      expect(await read.text(), `${page} reads KPI_DATABASE_URL`).toContain(REPLICA_TEAM);
    }
    const queue = await fetch(`${backofficeA.url}/`, { headers: { Cookie: supervisor }, redirect: "manual" });
    expect(queue.status).toBe(200);
    const queueHtml = await queue.text();
    expect(queueHtml, "the queue reads DATABASE_URL").toContain(original!.name);
    expect(queueHtml, "the queue reads DATABASE_URL").not.toContain(REPLICA_TEAM);

    // Every e-mail queued is sent, by one worker or the other, and written to the mailbox once.
    const rows = () => handle.db.select({ id: emailMessages.id, state: emailMessages.state }).from(emailMessages);
    await expect
      .poll(async () => (await rows()).filter((row) => row.state !== "sent").length, { message: "every queued e-mail sent", timeout: 300_000, intervals: [500] })
      .toBe(0);
    const sent = await rows();
    expect(sent.length).toBeGreaterThanOrEqual(CLAIMS);
    const deliveries = deliveriesById(mailbox);
    expect(sent.map((row) => deliveries.get(row.id) ?? 0)).toEqual(sent.map(() => 1));
    expect([...deliveries.keys()].sort()).toEqual(sent.map((row) => row.id).sort());
    console.log(`multi-instance: ${instances.length} processes, ${CLAIMS} claims, ${sent.length} e-mails each delivered once, ${Math.round((Date.now() - started) / 1000)} s (${ready} s to start them)`);
  } finally {
    await Promise.all(instances.map((instance) => stopProcess(instance.child)));
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
});
