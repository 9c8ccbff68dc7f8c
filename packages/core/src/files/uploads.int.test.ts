import type { Actor } from "@accord/auth";
import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { stagedUploads, storedFiles } from "@accord/db";
import { insertCase, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "../testing/fixtures";
import { attachStagedUploads } from "./attach-staged-uploads";
import { discardStagedUpload } from "./discard-staged-upload";
import { createFileStore, type FileStore } from "./file-store";
import { listStagedUploads } from "./list-staged-uploads";
import { purgeExpiredUploads } from "./purge-expired-uploads";
import { STAGED_UPLOAD_LIFETIME_MS, stageUpload } from "./stage-upload";
import { PDF, PNG, TXT } from "./testing-fixtures";
import { parseInput } from "../errors";
import { stageUploadSchema } from "./stage-upload";

const t = useTestDb();
let dir: string;
let store: FileStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "accord-uploads-"));
  store = createFileStore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const now = new Date("2026-11-23T09:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

async function received(bytes: Buffer) {
  const result = await store.writeTemp(Readable.from([bytes]), { maxBytes: 1024 * 1024 });
  if (!result.ok) throw new Error("unexpected refusal");
  return result;
}

async function stage(actor: Actor, bytes: Buffer, fileName: string, at = now) {
  const temp = await received(bytes);
  return stageUpload({ db: t.db, actor, input: parseInput(stageUploadSchema, { ...temp, fileName }), store, now: at });
}

async function refCount(sha256: string) {
  const [row] = await t.db.select().from(storedFiles).where(eq(storedFiles.sha256, sha256));
  return row?.refCount ?? null;
}

const temps = async () => readdir(path.join(dir, "tmp")).catch(() => []);

describe("stageUpload", () => {
  it("records the upload for 24 h with the type read from the content, and moves the bytes into the store", async () => {
    const user = await createCustomer(t.db, { role: "member" });
    const actor = await customerActor(t.db, user.id);
    const staged = await stage(actor, PDF, "C:\\fakepath\\Bon de livraison.pdf");
    expect(staged).toMatchObject({ fileName: "Bon de livraison.pdf", contentType: "application/pdf", sizeBytes: PDF.length });
    expect(staged.expiresAt).toEqual(later(STAGED_UPLOAD_LIFETIME_MS));
    const [row] = await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, staged.id));
    expect(row).toMatchObject({ uploaderKind: "customer", uploaderId: user.id, accountId: user.accountId, sha256: staged.sha256 });
    expect(await refCount(staged.sha256)).toBe(1);
    expect(await store.has(staged.sha256)).toBe(true);
    expect(await temps()).toEqual([]);
  });

  it("refuses a file whose content is not what its name says, naming it, and leaves nothing behind", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const before = await t.db.select().from(stagedUploads);
    const error = await rejection(stage(actor, TXT, "facture.pdf"));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "validation", messageKey: "uploads.error.type", params: { fileName: "facture.pdf" } });
    expect(await t.db.select().from(stagedUploads)).toHaveLength(before.length);
    expect(await temps()).toEqual([]);
    expect(await rejection(stage(actor, Buffer.alloc(0), "vide.pdf"))).toMatchObject({ messageKey: "uploads.error.empty" });
    expect(await temps()).toEqual([]);
  });

  it("refuses a viewer (reads only) and removes the temporary file", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db, { role: "viewer" })).id);
    expect(await rejection(stage(actor, PDF, "facture.pdf"))).toMatchObject({ code: "forbidden" });
    expect(await temps()).toEqual([]);
  });

  it("stores the same content once and counts its references; staff uploads are staff's", async () => {
    const customer = await customerActor(t.db, (await createCustomer(t.db)).id);
    const agent = await staffActor(t.db, (await createStaff(t.db)).id);
    const bytes = Buffer.concat([PNG, Buffer.from("shared-1")]);
    const a = await stage(customer, bytes, "photo.png");
    const b = await stage(agent, bytes, "copie.png");
    expect(b.sha256).toBe(a.sha256);
    expect(await refCount(a.sha256)).toBe(2);
    const [row] = await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, b.id));
    expect(row).toMatchObject({ uploaderKind: "staff", accountId: null });
  });
});

describe("discardStagedUpload", () => {
  it("lets the uploader take back their file; the bytes go with the last reference", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const other = await customerActor(t.db, (await createCustomer(t.db)).id);
    const bytes = Buffer.concat([PDF, Buffer.from("discard-1")]);
    const first = await stage(actor, bytes, "a.pdf");
    const second = await stage(actor, bytes, "b.pdf");

    expect(await rejection(discardStagedUpload({ db: t.db, actor: other, input: { uploadId: first.id }, store }))).toMatchObject({ code: "not_found" });
    expect(await rejection(discardStagedUpload({ db: t.db, actor, input: { uploadId: "not-a-uuid" }, store }))).toMatchObject({ code: "not_found" });

    await discardStagedUpload({ db: t.db, actor, input: { uploadId: first.id }, store });
    expect(await refCount(first.sha256)).toBe(1);
    expect(await store.has(first.sha256)).toBe(true);

    await discardStagedUpload({ db: t.db, actor, input: { uploadId: second.id }, store });
    expect(await refCount(first.sha256)).toBeNull();
    expect(await store.has(first.sha256)).toBe(false);
    expect(await rejection(discardStagedUpload({ db: t.db, actor, input: { uploadId: second.id }, store }))).toMatchObject({ code: "not_found" });
  });
});

describe("listStagedUploads", () => {
  it("lists the actor's own unexpired uploads among the ids, and nobody else's", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const other = await customerActor(t.db, (await createCustomer(t.db)).id);
    const mine = await stage(actor, Buffer.concat([PDF, Buffer.from("list-1")]), "mien.pdf");
    const theirs = await stage(other, Buffer.concat([PDF, Buffer.from("list-2")]), "autre.pdf");
    const ids = [mine.id, theirs.id, "not-a-uuid", mine.id];
    expect(await listStagedUploads({ db: t.db, actor, uploadIds: ids, now })).toEqual([
      { id: mine.id, fileName: "mien.pdf", sizeBytes: mine.sizeBytes, contentType: "application/pdf" },
    ]);
    expect(await listStagedUploads({ db: t.db, actor, uploadIds: ids, now: later(STAGED_UPLOAD_LIFETIME_MS) })).toEqual([]);
  });
});

describe("purgeExpiredUploads", () => {
  it("removes expired staged uploads, but never a content still used by evidence or another staged upload", async () => {
    const user = await createCustomer(t.db);
    const actor = await customerActor(t.db, user.id);
    const shared = Buffer.concat([PDF, Buffer.from("purge-shared")]);
    const alone = Buffer.concat([PDF, Buffer.from("purge-alone")]);
    const staying = Buffer.concat([PDF, Buffer.from("purge-staying")]);

    // `shared` is used by two cases (attached as evidence) and by an upload that expires.
    const caseA = await insertCase(t.db, { accountId: user.accountId, customerContactId: user.id });
    const caseB = await insertCase(t.db, { accountId: user.accountId, customerContactId: user.id });
    const forA = await stage(actor, shared, "a.pdf");
    const forB = await stage(actor, shared, "b.pdf");
    const uploader = { kind: "customer" as const, id: user.id };
    await t.db.transaction((tx) => attachStagedUploads(tx, { uploadIds: [forA.id], uploader, caseId: caseA.id, visibility: "public", now }));
    await t.db.transaction((tx) => attachStagedUploads(tx, { uploadIds: [forB.id], uploader, caseId: caseB.id, visibility: "public", now }));
    const expiring = await stage(actor, shared, "c.pdf");
    const lonely = await stage(actor, alone, "seul.pdf");
    // `staying` has an expired upload and a fresh one of the same content.
    const oldCopy = await stage(actor, staying, "ancien.pdf");
    const freshCopy = await stage(actor, staying, "nouveau.pdf", later(STAGED_UPLOAD_LIFETIME_MS - 60_000));
    expect(await refCount(forA.sha256)).toBe(3);

    const result = await purgeExpiredUploads({ db: t.db, store, now: later(STAGED_UPLOAD_LIFETIME_MS) });
    expect(result.purgedUploads).toBeGreaterThanOrEqual(3);

    const remaining = await t.db.select({ id: stagedUploads.id }).from(stagedUploads);
    const ids = remaining.map((r) => r.id);
    expect(ids).not.toContain(expiring.id);
    expect(ids).not.toContain(lonely.id);
    expect(ids).not.toContain(oldCopy.id);
    expect(ids).toContain(freshCopy.id);

    expect(await refCount(expiring.sha256)).toBe(2);
    expect(await store.has(expiring.sha256)).toBe(true);
    expect(await refCount(freshCopy.sha256)).toBe(1);
    expect(await store.has(freshCopy.sha256)).toBe(true);
    expect(await refCount(lonely.sha256)).toBeNull();
    expect(await store.has(lonely.sha256)).toBe(false);

    // Running again finds nothing more to do.
    expect(await purgeExpiredUploads({ db: t.db, store, now: later(STAGED_UPLOAD_LIFETIME_MS) })).toMatchObject({ purgedUploads: 0, removedFiles: 0 });
  });

  it("clears temporary files left by interrupted uploads after a day", async () => {
    await store.writeTemp(Readable.from([Buffer.from("x")]), { maxBytes: 10 }); // a temp nobody staged
    const [name] = await temps();
    const old = new Date(now.getTime() - 25 * 60 * 60 * 1000);
    await utimes(path.join(dir, "tmp", name!), old, old);
    await writeFile(path.join(dir, "tmp", "fresh.part"), "y");
    const result = await purgeExpiredUploads({ db: t.db, store, now });
    expect(result.removedTemps).toBe(1);
    expect(await temps()).toEqual(["fresh.part"]);
    await rm(path.join(dir, "tmp", "fresh.part"));
  });
});
