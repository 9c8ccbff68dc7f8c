/** The CLI itself, spawned as `npm run accord` runs it, on a test database: audit:verify's exit codes and messages, export:dossier. */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { caseEvents } from "@accord/db";
import { insertCase, insertCustomerAccount, insertCustomerUser, useTestDb, withDatabase } from "@accord/db/testing";
import { appendCaseEvents } from "@accord/core/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";

const t = useTestDb();
const main = path.resolve(import.meta.dirname, "../main.ts");
const files = mkdtempSync(path.join(tmpdir(), "accord-cli-files-"));

function accord(args: string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FILE_STORE_DIR: files, ACCORD_LANG: "", LANG: "fr_FR.UTF-8", LC_ALL: "", ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let reference = "";

beforeAll(async () => {
  const account = await insertCustomerAccount(t.db);
  const contact = await insertCustomerUser(t.db, { accountId: account.id });
  const row = await insertCase(t.db, { accountId: account.id, customerContactId: contact.id, receivedAt: new Date("2026-11-23T08:00:00Z") });
  reference = row.reference;
  for (let n = 1; n <= 3; n += 1) {
    await t.db.transaction((tx) =>
      appendCaseEvents(tx, { caseId: row.id, actor: { kind: "system", id: null }, at: new Date("2026-11-23T08:00:00Z"), events: [{ type: "note", visibility: "internal", payload: { n } }] }),
    );
  }
});

describe("npm run accord -- audit:verify", () => {
  it("an intact database exits 0 and says how many events and chains it checked", () => {
    const run = accord(["audit:verify"], { DATABASE_URL: t.url });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Chaînes intactes : \d+ événements vérifiés dans \d+ chaînes/);
  });

  it("a changed event exits non-zero and names the case and the event", async () => {
    const [second] = await t.db.select().from(caseEvents).where(eq(caseEvents.seq, 2));
    await t.sql`alter table case_events disable trigger all`;
    await t.sql`update case_events set payload = '{"n": 9}'::jsonb where id = ${second!.id}`;
    try {
      const run = accord(["audit:verify"], { DATABASE_URL: t.url });
      expect(run.code).toBe(1);
      expect(run.err).toContain(`dossier ${reference}, événement id ${second!.id} (séquence 2)`);
      const english = accord(["audit:verify"], { DATABASE_URL: t.url, ACCORD_LANG: "en" });
      expect(english.code).toBe(1);
      expect(english.err).toContain(`case ${reference}, event id ${second!.id} (sequence 2)`);
    } finally {
      await t.sql`update case_events set payload = ${JSON.stringify(second!.payload)}::jsonb where id = ${second!.id}`;
      await t.sql`alter table case_events enable trigger all`;
    }
  });

  it("a database without the schema: a clear message, non-zero, no stack", async () => {
    const name = `accord_empty_${randomBytes(4).toString("hex")}`;
    await t.sql.unsafe(`create database "${name}"`);
    try {
      const url = withDatabase(inject("accordTestServerUrl"), name);
      const run = accord(["audit:verify"], { DATABASE_URL: url });
      expect(run.code).toBe(2);
      expect(run.err).toContain("ne contient pas le schéma d'Accord");
      expect(run.err).not.toMatch(/\n\s+at /);
      const english = accord(["audit:verify"], { DATABASE_URL: url, LANG: "en_GB.UTF-8" });
      expect(english.err).toContain("holds no Accord schema");
    } finally {
      await t.sql.unsafe(`drop database if exists "${name}" with (force)`);
    }
  });
});

describe("npm run accord -- export:dossier", () => {
  it("writes the dossier's ZIP, and refuses an unknown case", () => {
    const zip = path.join(mkdtempSync(path.join(tmpdir(), "accord-cli-zip-")), "dossier.zip");
    const run = accord(["export:dossier", reference, zip], { DATABASE_URL: t.url });
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("Dossier exporté");
    const listing = spawnSync("unzip", ["-l", zip], { encoding: "utf8" }).stdout;
    for (const name of ["manifest.json", "manifest.sig", "SHA256SUMS", "public-key.pem", "LISEZMOI.txt", "case.pdf", "events.json"]) expect(listing).toContain(name);
    const missing = accord(["export:dossier", "LIT-2026-999999", zip], { DATABASE_URL: t.url });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("Aucun dossier LIT-2026-999999");
  });
});
