import { readdir } from "node:fs/promises";
import path from "node:path";
import { hashToken } from "@accord/auth";
import { createFileStore, type FileStore } from "@accord/core";
import { canMountSmallDisk, createCustomer, mountSmallDisk, type SmallDisk } from "@accord/core/testing";
import { apiKeys, cases, evidence, stagedUploads, storedFiles } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiHandler } from "./handler";

/**
 * `POST /api/v1/uploads` with the file store on a disk that fills up (a real 1 MiB tmpfs, the
 * kernel's ENOSPC): a 507 problem naming the file field, in French or English, never a 500.
 */
const t = useTestDb();
const KEY = "accord_live_fulldisk_test";
const now = new Date("2026-11-23T09:00:00Z");
let disk: SmallDisk;
let store: FileStore;

beforeAll(async () => {
  const account = await insertCustomerAccount(t.db, { name: "Disque Plein SARL" });
  const user = await createCustomer(t.db, { accountId: account.id, role: "admin" });
  await t.db.insert(apiKeys).values({ accountId: account.id, name: "ERP", prefix: KEY.slice(0, 12), keyHash: hashToken(KEY), actingUserId: user.id, createdByCustomerId: user.id });
  if (!canMountSmallDisk) return;
  disk = mountSmallDisk(1024);
  store = createFileStore(disk.dir);
});
afterAll(() => disk?.close());

const pdf = (size: number) => {
  const head = Buffer.from("%PDF-1.4\n%plein\n", "latin1");
  return Buffer.concat([head, Buffer.alloc(size - head.length - 6, 0x20), Buffer.from("\n%%EOF", "latin1")]);
};
function upload(bytes: Buffer, language: string, idempotencyKey?: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "bon de livraison.pdf");
  return new Request("http://portal.test/api/v1/uploads", {
    method: "POST",
    headers: { Authorization: `Bearer ${KEY}`, "Accept-Language": language, ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}) },
    body: form,
  });
}
const rows = async () => [
  (await t.db.select({ n: count() }).from(stagedUploads))[0]!.n,
  (await t.db.select({ n: count() }).from(storedFiles))[0]!.n,
  (await t.db.select({ n: count() }).from(evidence))[0]!.n,
  (await t.db.select({ n: count() }).from(cases))[0]!.n,
];

describe.skipIf(!canMountSmallDisk)("API v1: uploads on a full disk", () => {
  it("answers 507 naming the field `file` in French or English, leaves no partial file and no row, and the same upload (same key) works once space is freed", async () => {
    const api = createApiHandler({ db: t.db, portalUrl: "http://portal.test", backofficeUrl: "http://b.test", store, maxFileBytes: 4 * 1024 * 1024, rateLimitPerMinute: 1_000, now: () => now });
    const before = await rows();
    await disk.fill(64 * 1024);
    const bytes = pdf(300 * 1024);

    const fr = await api(upload(bytes, "fr", "upload-1"));
    expect([fr.status, fr.headers.get("content-type")]).toEqual([507, expect.stringMatching(/problem\+json/)]);
    expect(await fr.json()).toMatchObject({
      status: 507,
      title: "Espace de stockage insuffisant",
      errors: [{ field: "file", code: "insufficient_storage", message: expect.stringContaining("« bon de livraison.pdf » n'a pas pu être enregistré") }],
    });
    const en = await api(upload(bytes, "en"));
    expect(await en.json()).toMatchObject({ status: 507, title: "Insufficient storage", errors: [{ field: "file", message: expect.stringContaining("“bon de livraison.pdf” could not be saved: the storage is full") }] });
    expect(await readdir(path.join(disk.dir, "tmp")).catch(() => [])).toEqual([]);
    expect(await rows()).toEqual(before);

    await disk.release();
    const after = await api(upload(bytes, "fr", "upload-1"));
    expect(after.status).toBe(201);
    expect(after.headers.get("idempotent-replayed")).toBeNull();
    expect(((await after.json()) as { uploads: { fileName: string; sizeBytes: number }[] }).uploads).toEqual([expect.objectContaining({ fileName: "bon de livraison.pdf", sizeBytes: bytes.length })]);
  });
});
