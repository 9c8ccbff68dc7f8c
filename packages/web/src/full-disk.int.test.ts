import { readdir } from "node:fs/promises";
import path from "node:path";
import { createFileStore, type FileStore } from "@accord/core";
import { canMountSmallDisk, createCustomer, customerActor, mountSmallDisk, type SmallDisk } from "@accord/core/testing";
import { cases, evidence, stagedUploads, storedFiles } from "@accord/db";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { sharedMessages, type Language } from "@accord/ui/locales";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Translate } from "./i18n";
import { readFormWithUploads, uploadResponse } from "./uploads";

/**
 * The file store on a disk that fills up (a real 1 MiB tmpfs: the kernel answers ENOSPC, nothing is
 * injected): the uploader is told in their language, naming the file, and nothing is half-written.
 */
let t: TestDb;
let disk: SmallDisk;
let store: FileStore;
beforeAll(async () => {
  t = await createTestDb();
  if (!canMountSmallDisk) return;
  disk = mountSmallDisk(1024);
  store = createFileStore(disk.dir);
});
afterAll(async () => {
  await t?.close();
  disk?.close();
});

const now = new Date("2026-11-23T09:00:00Z");
const MAX = 10 * 1024 * 1024;
/** A PDF of `size` bytes (its content is checked, not its name). */
const pdf = (size: number, salt: string) => {
  const head = Buffer.from(`%PDF-1.4\n%${salt}\n`, "latin1");
  return Buffer.concat([head, Buffer.alloc(size - head.length - 6, 0x20), Buffer.from("\n%%EOF", "latin1")]);
};
function upload(fileName: string, bytes: Buffer, field = "files") {
  const form = new FormData();
  form.append("description", "Palette abîmée");
  form.append(field, new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), fileName);
  return new Request("http://localhost/uploads", { method: "POST", body: form });
}
/** The real catalogues (the shared strings both apps merge). */
const translator =
  (language: Language): Translate =>
  (key, params = {}) => {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], sharedMessages[language]);
    if (typeof template !== "string") throw new Error(`no string for ${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));
  };
const rows = async () => ({
  staged: (await t.db.select({ n: count() }).from(stagedUploads))[0]!.n,
  stored: (await t.db.select({ n: count() }).from(storedFiles))[0]!.n,
  evidence: (await t.db.select({ n: count() }).from(evidence))[0]!.n,
  cases: (await t.db.select({ n: count() }).from(cases))[0]!.n,
});
const temps = async () => readdir(path.join(disk.dir, "tmp")).catch(() => []);

describe.skipIf(!canMountSmallDisk)("uploads on a full disk", () => {
  it("POST /uploads answers 507 with the file named in French or English, removes the partial file, writes no row; once space is freed the same upload works", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const before = await rows();
    await disk.fill(64 * 1024);
    const big = pdf(300 * 1024, "plein");

    const fr = await uploadResponse(upload("bon de livraison.pdf", big), { db: t.db, actor, t: translator("fr"), now, store, maxFileBytes: MAX });
    expect(fr.status).toBe(507);
    expect(await fr.json()).toEqual({
      uploads: [],
      refused: [{ fileName: "bon de livraison.pdf", message: expect.stringContaining("« bon de livraison.pdf » n'a pas pu être enregistré : l'espace de stockage est plein") }],
    });
    const en = await uploadResponse(upload("delivery note.pdf", big), { db: t.db, actor, t: translator("en"), now, store, maxFileBytes: MAX });
    expect(en.status).toBe(507);
    expect(((await en.json()) as { refused: { message: string }[] }).refused[0]!.message).toContain("“delivery note.pdf” could not be saved: the storage is full");
    expect(await temps()).toEqual([]);
    expect(await rows()).toEqual(before);

    await disk.release();
    const after = await uploadResponse(upload("bon de livraison.pdf", big), { db: t.db, actor, t: translator("fr"), now, store, maxFileBytes: MAX });
    expect(after.status).toBe(200);
    const staged = ((await after.json()) as { uploads: { fileName: string; sizeBytes: number }[] }).uploads;
    expect(staged).toEqual([expect.objectContaining({ fileName: "bon de livraison.pdf", sizeBytes: big.length })]);
    expect((await rows()).staged).toBe(before.staged + 1);
  });

  it("a claim form posted with its files on a full disk gets the refusal beside its uploader, keeps the files that fitted, and files nothing", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    await disk.fill(64 * 1024);
    const before = await rows();
    const form = new FormData();
    form.append("title", "Farine humide");
    form.append("files", new Blob([new Uint8Array(pdf(8 * 1024, "petit"))], { type: "application/pdf" }), "petit.pdf");
    form.append("files", new Blob([new Uint8Array(pdf(400 * 1024, "gros"))], { type: "application/pdf" }), "photos.pdf");
    const result = await readFormWithUploads(new Request("http://localhost/claims/new", { method: "POST", body: form }), { db: t.db, actor, now, store, maxFileBytes: MAX });
    expect(result.refused).toEqual([{ fileName: "photos.pdf", messageKey: "uploads.error.noSpace", params: { fileName: "photos.pdf" } }]);
    expect(result.uploads.map((u) => u.fileName)).toEqual(["petit.pdf"]);
    expect(result.fields.get("title")).toBe("Farine humide");
    expect(await temps()).toEqual([]);
    // The action answers the refusal before any use case: no case, no evidence.
    expect(await rows()).toEqual({ ...before, staged: before.staged + 1, stored: before.stored + 1 });
    await disk.release();
  });

  it("a disk out of inodes when the file is moved into place: refused the same way, and the rows just written go again", async () => {
    // Root, tmp/ and the temporary file take 3; the content's folder ab/ the 4th; ab/cd/ finds none.
    const tiny = mountSmallDisk(1024, { inodes: 4 });
    try {
      const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
      const before = await rows();
      const response = await uploadResponse(upload("bon.pdf", pdf(4 * 1024, "inodes")), { db: t.db, actor, t: translator("fr"), now, store: createFileStore(tiny.dir), maxFileBytes: MAX });
      expect(response.status).toBe(507);
      expect(((await response.json()) as { refused: { fileName: string }[] }).refused).toEqual([{ fileName: "bon.pdf", message: expect.stringContaining("l'espace de stockage est plein") }]);
      expect(await rows()).toEqual(before);
      expect(await readdir(path.join(tiny.dir, "tmp"))).toEqual([]);
    } finally {
      tiny.close();
    }
  });
});
