/**
 * `npm run bench -- dossier-export [--evidence-mb 300] [--files 3] [--smoke]`: exports the dossier of a case
 * holding that much evidence (issue 12: ≥ 300 MB, memory growth ≤ 64 MB).
 *
 * - A throw-away database (as the upload scenario: TEST_DATABASE_URL / DATABASE_URL, else an
 *   ephemeral embedded PostgreSQL), migrated; one case with `--files` evidence files of
 *   deterministic bytes, written into a file store under .data/ (the repository's disk).
 * - The export runs in this process, as the CLI's `export:dossier` does: the use case `exportDossier`
 *   piped to a ZIP file on the same disk. A first, small export (one 1 MB file) loads every module.
 * - peak_rss_growth: this process's peak resident memory during the export (VmHWM after resetting it
 *   through /proc/self/clear_refs, and VmRSS sampled every 10 ms) minus its resident memory just
 *   before. Absolute goal (baseline and ratio null): at most 64 MB.
 */
import { createCipheriv } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createFileStore, exportDossier, type FileStore } from "@accord/core";
import { appendCaseEvents } from "@accord/core/testing";
import { repoRoot as findRepoRoot } from "@accord/core/repo-root";
import { createDb, evidence, runMigrations, storedFiles, type Db } from "@accord/db";
import { insertCase, insertCustomerAccount, insertCustomerUser } from "@accord/db/testing";
import { report, type BenchResult } from "./report";
import { readStatus, throwAwayDatabase } from "./upload";

const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
const MB = 1_000_000;
const MIB = 1024 * 1024;
const RSS_GOAL_MB = 64;

export async function dossierExportBench(args: string[]): Promise<BenchResult[]> {
  const option = (name: string, fallback: number) => {
    const index = args.indexOf(name);
    const value = index >= 0 ? Number(args[index + 1]) : fallback;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number`);
    return value;
  };
  // --smoke: 16 MB in 2 files, to check that the harness works.
  const smoke = args.includes("--smoke");
  const evidenceMb = option("--evidence-mb", smoke ? 16 : 300);
  const fileCount = Math.round(option("--files", smoke ? 2 : 3));
  const log = (line: string) => console.error(`bench dossier-export: ${line}`);

  await mkdir(path.join(repoRoot, ".data"), { recursive: true });
  const workDir = await mkdtemp(path.join(repoRoot, ".data", "bench-dossier-"));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
  try {
    const database = await throwAwayDatabase(log);
    cleanups.unshift(database.release);
    await runMigrations(database.url);
    const handle = createDb(database.url, { max: 3 });
    cleanups.unshift(handle.close);
    const store = createFileStore(path.join(workDir, "store"));

    const warmup = await caseWithEvidence(handle.db, store, [MIB]);
    const perFile = Math.ceil((evidenceMb * MIB) / fileCount);
    const big = await caseWithEvidence(handle.db, store, Array.from({ length: fileCount }, () => perFile));
    log(`${fileCount} evidence files of ${(perFile / MB).toFixed(1)} MB in the store`);

    await exportTo(handle.db, store, warmup, path.join(workDir, "warmup.zip"));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const rssBefore = await readStatus(process.pid, "VmRSS");
    await writeFile("/proc/self/clear_refs", "5").catch(() => log("cannot reset VmHWM; sampling VmRSS only"));
    let sampledPeak = rssBefore;
    const sampler = setInterval(() => {
      void readStatus(process.pid, "VmRSS").then(
        (rss) => (sampledPeak = Math.max(sampledPeak, rss)),
        () => {},
      );
    }, 10);
    const zip = path.join(workDir, "dossier.zip");
    const started = performance.now();
    const expected = await exportTo(handle.db, store, big, zip).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    const peak = Math.max(sampledPeak, await readStatus(process.pid, "VmHWM"));
    const { size } = await stat(zip);
    if (expected !== null && size !== expected) throw new Error(`the ZIP has ${size} bytes, ${expected} announced`);
    const growthMb = (peak - rssBefore) / MB;
    log(`ZIP of ${(size / MB).toFixed(1)} MB written in ${seconds.toFixed(1)} s (${(size / MB / seconds).toFixed(1)} MB/s), RSS +${growthMb.toFixed(1)} MB`);

    const results: BenchResult[] = [
      { scenario: "dossier-export", metric: "peak_rss_growth", value: Math.round(growthMb * 100) / 100, unit: "MB", baseline: null, ratio: null, goal: `<= ${RSS_GOAL_MB} MB`, pass: growthMb <= RSS_GOAL_MB },
    ];
    for (const result of results) report(result);
    return results;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

async function exportTo(db: Db, store: FileStore, reference: string, file: string): Promise<number | null> {
  const dossier = await exportDossier({ db, actor: null, operator: true, input: { reference }, now: new Date(), files: store });
  await pipeline(dossier.stream, createWriteStream(file));
  return dossier.sizeBytes;
}

/** A case with one event and evidence files of these sizes (deterministic bytes: AES-CTR of zeros, a different key per file). */
async function caseWithEvidence(db: Db, store: FileStore, sizes: number[]): Promise<string> {
  const account = await insertCustomerAccount(db);
  const contact = await insertCustomerUser(db, { accountId: account.id });
  const row = await insertCase(db, { accountId: account.id, customerContactId: contact.id, receivedAt: new Date() });
  await db.transaction((tx) => appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at: new Date(), events: [{ type: "case_received", visibility: "public", payload: {} }] }));
  for (const [index, size] of sizes.entries()) {
    const written = await store.writeTemp(Readable.from(bytes(size, `${row.reference}-${index}`)), { maxBytes: size });
    if (!written.ok) throw new Error("evidence not written");
    await store.commit(written.tempKey, written.sha256);
    await db.insert(storedFiles).values({ sha256: written.sha256, sizeBytes: size, contentType: "application/octet-stream", refCount: 1 }).onConflictDoNothing();
    await db.insert(evidence).values({ caseId: row.id, sha256: written.sha256, sizeBytes: size, contentType: "application/octet-stream", fileName: `piece-${index + 1}.bin`, uploadedByKind: "system", visibility: "internal" });
  }
  return row.reference;
}

function* bytes(size: number, seed: string) {
  const key = Buffer.alloc(32);
  key.write(seed);
  const cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16, 1));
  const zeros = Buffer.alloc(MIB);
  for (let remaining = size; remaining > 0; remaining -= zeros.length) yield cipher.update(zeros.subarray(0, Math.min(remaining, zeros.length)));
}
