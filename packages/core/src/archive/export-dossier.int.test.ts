/** The dossier export: a ZIP that standard tools verify, holding the evidence byte for byte; the export is recorded in the chain. */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { caseEvents, evidence, messages, storedFiles } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { verifyChain } from "@accord/domain";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createFileStore } from "../files/file-store";
import { rejection } from "../testing/fixtures";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { verifyCaseChain } from "../audit/verify-case-chain";
import { exportDossier } from "./export-dossier";

const t = useTestDb();
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-dossier-files-")));
const work = mkdtempSync(path.join(tmpdir(), "accord-dossier-out-"));
const big = randomBytes(3 * 1024 * 1024 + 17);
const small = Buffer.from("Bon de livraison n° 42 — palettes humides\n", "utf8");
let opened: Awaited<ReturnType<typeof openReceivedCase>>;

async function storeEvidence(caseId: string, fileName: string, bytes: Buffer, visibility: "public" | "internal") {
  const written = await store.writeTemp(Readable.from([bytes]), { maxBytes: 100 * 1024 * 1024 });
  if (!written.ok) throw new Error("not written");
  await store.commit(written.tempKey, written.sha256);
  await t.db.insert(storedFiles).values({ sha256: written.sha256, sizeBytes: bytes.length, contentType: "application/octet-stream", refCount: 1 }).onConflictDoNothing();
  await t.db.insert(evidence).values({ caseId, sha256: written.sha256, sizeBytes: bytes.length, contentType: "application/octet-stream", fileName, uploadedByKind: "system", visibility });
}

async function exportTo(file: string, args: Parameters<typeof exportDossier>[0]) {
  const dossier = await exportDossier(args);
  await pipeline(dossier.stream, createWriteStream(file));
  return dossier;
}

beforeAll(async () => {
  opened = await openReceivedCase(t.db);
  await storeEvidence(opened.row.id, "Photo palette (1).bin", big, "public");
  await storeEvidence(opened.row.id, "bon-de-livraison.txt", small, "internal");
  await t.db.insert(messages).values([
    { caseId: opened.row.id, authorKind: "customer", authorId: opened.contact.id, visibility: "public", body: "Les palettes sont arrivées humides." },
    { caseId: opened.row.id, authorKind: "system", visibility: "internal", body: "Note interne : vérifier le transporteur." },
  ]);
});

describe("exporting a dossier", () => {
  it("produces a ZIP that sha256sum -c and openssl verify, with the evidence byte for byte, and records the export", async () => {
    const { actor } = await staffWith(t.db, ["agent"]);
    const zip = path.join(work, "dossier.zip");
    const dossier = await exportTo(zip, { db: t.db, actor, input: { reference: opened.reference }, now: later(60), files: store });
    const size = (await readFile(zip)).length;
    expect(dossier.sizeBytes).toBe(size);

    const dir = path.join(work, "unzipped");
    execFileSync("unzip", ["-q", zip, "-d", dir]);
    const sums = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: dir, encoding: "utf8" });
    expect(sums.status, sums.stdout + sums.stderr).toBe(0);
    const verified = spawnSync("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "public-key.pem", "-rawin", "-in", "manifest.json", "-sigfile", "manifest.sig"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(verified.status, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain("Signature Verified Successfully");

    const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as { reference: string; files: { path: string; size: number; sha256: string }[] };
    expect(manifest.reference).toBe(opened.reference);
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["LISEZMOI.txt", "public-key.pem", "case.json", "case.pdf", "events.json", "messages.json", "evidence/001-Photo_palette_1_.bin", "evidence/002-bon-de-livraison.txt"]),
    );
    expect(await readFile(path.join(dir, "evidence/001-Photo_palette_1_.bin"))).toEqual(big);
    expect(await readFile(path.join(dir, "evidence/002-bon-de-livraison.txt"))).toEqual(small);
    expect((await readFile(path.join(dir, "case.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
    const readme = await readFile(path.join(dir, "LISEZMOI.txt"), "utf8");
    expect(readme).toContain("sha256sum -c SHA256SUMS");
    expect(readme).toContain("openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig");
    expect(readme).toContain("CE QUE CELA NE PROUVE PAS");

    // The case's reply token (its inbound secret, ADR 0036) stays out of the dossier.
    const caseJson = JSON.parse(await readFile(path.join(dir, "case.json"), "utf8")) as { case: Record<string, unknown> };
    expect(caseJson.case).toHaveProperty("reference");
    expect(caseJson.case).not.toHaveProperty("replyToken");

    const notes = JSON.parse(await readFile(path.join(dir, "messages.json"), "utf8")) as { messages: { visibility: string; internal: boolean; body: string }[] };
    expect(notes.messages).toEqual(expect.arrayContaining([expect.objectContaining({ visibility: "internal", internal: true, body: "Note interne : vérifier le transporteur." })]));

    // events.json holds the events before the export, each with its hash; the export itself is the next event.
    const events = JSON.parse(await readFile(path.join(dir, "events.json"), "utf8")) as { events: ({ seq: number; hash: string; prevHash: string } & Record<string, unknown>)[] };
    // An auditor can re-verify the chain from events.json alone: the hashed fields are there as hashed.
    const recomputed = events.events.map(({ caseId, seq, type, actorKind, actorId, at, visibility, payload, prevHash, hash }) => ({ caseId, seq, type, actorKind, actorId, at, visibility, payload, prevHash, hash }));
    expect(verifyChain(recomputed)).toMatchObject({ intact: true, count: recomputed.length });
    const stored = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.row.id)).orderBy(asc(caseEvents.seq));
    expect(events.events.map((e) => e.hash)).toEqual(stored.slice(0, -1).map((e) => e.hash));
    const exported = stored.at(-1)!;
    const manifestSha = createHash("sha256").update(await readFile(path.join(dir, "manifest.json"))).digest("hex");
    expect(exported).toMatchObject({ type: "dossier_exported", actorKind: "staff", actorId: actor.userId, visibility: "internal", payload: { manifestSha256: manifestSha } });
    expect(dossier.manifestSha256).toBe(manifestSha);
    expect(await verifyCaseChain({ db: t.db, actor, input: { reference: opened.reference }, now: later(61) })).toMatchObject({ intact: true });
  });

  it("every export of the instance is signed with the same key", async () => {
    const { actor } = await staffWith(t.db, ["supervisor"]);
    const a = path.join(work, "a.zip");
    await exportTo(a, { db: t.db, actor, input: { reference: opened.reference }, now: later(70), files: store });
    const b = path.join(work, "b.zip");
    await exportTo(b, { db: t.db, actor: null, operator: true, input: { reference: opened.reference }, now: later(80), files: store });
    const key = (zip: string) => execFileSync("unzip", ["-p", zip, "public-key.pem"], { encoding: "utf8" });
    expect(key(a)).toBe(key(b));
    expect(key(a)).toContain("BEGIN PUBLIC KEY");
  });

  it("a case the staff member may not see is not_found, and nothing is recorded", async () => {
    const { actor } = await staffWith(t.db, ["mediator"]);
    const before = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.row.id));
    expect(await rejection(exportDossier({ db: t.db, actor, input: { reference: opened.reference }, now: later(90), files: store }))).toMatchObject({ code: "not_found" });
    expect(await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, opened.row.id))).toHaveLength(before.length);
  });

  it("a stored file that changed on disk makes the ZIP fail instead of holding other bytes", async () => {
    const other = await openReceivedCase(t.db);
    const bytes = Buffer.from("original content of the file\n");
    await storeEvidence(other.row.id, "piece.txt", bytes, "public");
    const sha = createHash("sha256").update(bytes).digest("hex");
    const { writeFile, chmod } = await import("node:fs/promises");
    await chmod(store.pathOf(sha), 0o644);
    await writeFile(store.pathOf(sha), "tampered content of the file\n");
    const { actor } = await staffWith(t.db, ["agent"]);
    const failed = await rejection(exportTo(path.join(work, "bad.zip"), { db: t.db, actor, input: { reference: other.reference }, now: later(100), files: store }));
    expect(String(failed)).toContain("changed");
  });
});
