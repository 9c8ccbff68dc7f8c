import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFileStore, type FileStore } from "@accord/core";
import { createCustomer, customerActor } from "@accord/core/testing";
import { stagedUploads } from "@accord/db";
import { createTestDb, type TestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { discardResponse, preparseMultipart, readFormWithUploads, readMultipartForm, uploadResponse, type MultipartForm } from "./uploads";

let t: TestDb;
let dir: string;
let store: FileStore;
beforeAll(async () => {
  t = await createTestDb();
  dir = await mkdtemp(path.join(tmpdir(), "accord-web-uploads-"));
  store = createFileStore(dir);
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "latin1");
const now = new Date("2026-11-23T09:00:00Z");
const MAX = 10 * 1024 * 1024;
const translate = (key: string, params?: Record<string, unknown>) => `${key}${params ? ` ${JSON.stringify(params)}` : ""}`;
const temps = async () => readdir(path.join(dir, "tmp")).catch(() => []);

function multipart(parts: [string, string | Blob, string?][]) {
  const form = new FormData();
  for (const [name, value, fileName] of parts) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, fileName);
  }
  return new Request("http://localhost/uploads", { method: "POST", body: form });
}
const file = (bytes: Buffer | string, type = "application/octet-stream") => new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type });

describe("readMultipartForm", () => {
  it("streams each file to the store's temporary area with its hash, and keeps the text fields", async () => {
    const form = await readMultipartForm(
      multipart([
        ["description", "Palette abîmée"],
        ["files", file(PDF), "bon de livraison é.pdf"],
        ["files", file(""), ""],
        ["files", file("x".repeat(2000)), "gros.txt"],
      ]),
      { store, maxFileBytes: 1000 },
    );
    expect(form.fields.get("description")).toBe("Palette abîmée");
    expect(form.fields.has("files")).toBe(false);
    expect(form.files).toHaveLength(2);
    expect(form.files[0]).toMatchObject({ status: "received", fileName: "bon de livraison é.pdf", sizeBytes: PDF.length });
    expect(form.files[1]).toEqual({ status: "too_large", fieldName: "files", fileName: "gros.txt", maxBytes: 1000 });
    expect(await temps()).toHaveLength(1);
    if (form.files[0]!.status === "received") await store.removeTemp(form.files[0]!.tempKey);
  });

  it("reads a form without files too", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: new URLSearchParams({ a: "1" }) });
    const form = await readMultipartForm(request, { store, maxFileBytes: MAX });
    expect(form.fields.get("a")).toBe("1");
    expect(form.files).toEqual([]);
  });
});

describe("readFormWithUploads", () => {
  it("stages the good files, names the refused ones with their reason, and keeps the ids sent before", async () => {
    const user = await createCustomer(t.db, { role: "member" });
    const actor = await customerActor(t.db, user.id);
    const earlier = await uploadResponse(multipart([["files", file(Buffer.concat([PDF, Buffer.from("earlier")])), "avant.pdf"]]), { db: t.db, actor, t: translate, now, store, maxFileBytes: MAX });
    const earlierId = ((await earlier.json()) as { uploads: { id: string }[] }).uploads[0]!.id;

    const result = await readFormWithUploads(
      multipart([
        ["description", "Lot 42"],
        ["uploadIds", earlierId],
        ["files", file(PDF), "facture.pdf"],
        ["files", file("ceci n'est pas un PDF"), "faux.pdf"],
      ]),
      { db: t.db, actor, now, store, maxFileBytes: MAX },
    );
    expect(result.refused).toEqual([{ fileName: "faux.pdf", messageKey: "uploads.error.type", params: { fileName: "faux.pdf" } }]);
    expect(result.uploads.map((u) => u.fileName)).toEqual(["avant.pdf", "facture.pdf"]);
    expect(result.uploadIds).toEqual(result.uploads.map((u) => u.id));
    expect(result.fields.getAll("uploadIds")).toEqual(result.uploadIds);
    expect(result.fields.get("description")).toBe("Lot 42");
    expect(await temps()).toEqual([]);
  });

  it("refuses a viewer's files and keeps nothing of them", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db, { role: "viewer" })).id);
    await expect(readFormWithUploads(multipart([["files", file(PDF), "a.pdf"]]), { db: t.db, actor, now, store, maxFileBytes: MAX })).rejects.toMatchObject({ code: "forbidden" });
    expect(await temps()).toEqual([]);
  });
});

describe("POST /uploads", () => {
  it("refuses a body that is not multipart with a 400 naming the files field (issue 16: every refusal names its field)", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const form = new Request("http://localhost/uploads", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "files=a.pdf" });
    const response = await uploadResponse(form, { db: t.db, actor, t: translate, now, store, maxFileBytes: MAX });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "uploads.error.noFiles", fieldErrors: { files: ["uploads.error.noFiles"] } });
  });

  it("answers JSON: 200 with the staged files and the refused ones, 422 when all are refused, 401 for a visitor, 404 for a viewer", async () => {
    const actor = await customerActor(t.db, (await createCustomer(t.db)).id);
    const mixed = await uploadResponse(
      multipart([
        ["files", file(PDF), "ok.pdf"],
        ["files", file("texte"), "faux.png"],
      ]),
      { db: t.db, actor, t: translate, now, store, maxFileBytes: MAX },
    );
    expect(mixed.status).toBe(200);
    const body = (await mixed.json()) as { uploads: { id: string; fileName: string; sizeBytes: number; contentType: string }[]; refused: unknown[] };
    expect(body.uploads).toEqual([{ id: expect.any(String), fileName: "ok.pdf", sizeBytes: PDF.length, contentType: "application/pdf" }]);
    expect(body.refused).toEqual([{ fileName: "faux.png", message: 'uploads.error.type {"fileName":"faux.png"}' }]);

    const refused = await uploadResponse(multipart([["files", file("texte"), "faux.png"]]), { db: t.db, actor, t: translate, now, store, maxFileBytes: MAX });
    expect(refused.status).toBe(422);

    const visitor = await uploadResponse(multipart([["files", file(PDF), "ok.pdf"]]), { db: t.db, actor: null, t: translate, now, store, maxFileBytes: MAX });
    expect(visitor.status).toBe(401);
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { role: "viewer" })).id);
    expect((await uploadResponse(multipart([["files", file(PDF), "ok.pdf"]]), { db: t.db, actor: viewer, t: translate, now, store, maxFileBytes: MAX })).status).toBe(404);
    expect(await temps()).toEqual([]);

    // Discard: the uploader only; someone else gets 404.
    const id = body.uploads[0]!.id;
    const other = await customerActor(t.db, (await createCustomer(t.db)).id);
    expect((await discardResponse(id, { db: t.db, actor: other, t: translate, store })).status).toBe(404);
    expect((await discardResponse(id, { db: t.db, actor, t: translate, store })).status).toBe(204);
    expect(await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, id))).toEqual([]);
  });
});

describe("preparseMultipart", () => {
  it("parses a signed-in user's upload at the Node level; the action finds it; leftovers go when the response ends", async () => {
    const middleware = preparseMultipart({ sessionCookieNames: ["__Host-accord_portal_session", "accord_portal_session"], paths: ["/uploads"], store, maxFileBytes: MAX });
    const seen: { preparsed: boolean; form: MultipartForm | null }[] = [];
    const server = createServer((req: IncomingMessage, res) => {
      middleware(req, res, async () => {
        // What React Router does next: a web Request with the Node request's headers.
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
        const preparsed = headers.has("x-accord-preparsed-form");
        const form = preparsed ? await readMultipartForm(new Request("http://localhost/uploads", { method: "POST", headers }), { store }) : null;
        if (!preparsed) req.resume();
        seen.push({ preparsed, form });
        res.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = () => {
      const form = new FormData();
      form.append("note", "x");
      form.append("files", new Blob([new Uint8Array(PDF)]), "a.pdf");
      return form;
    };
    try {
      await fetch(`${base}/uploads`, { method: "POST", body: body(), headers: { cookie: "accord_portal_session=abc" } });
      await fetch(`${base}/uploads`, { method: "POST", body: body() }); // a visitor: not read
      await fetch(`${base}/elsewhere`, { method: "POST", body: body(), headers: { cookie: "accord_portal_session=abc" } });
      await fetch(`${base}/uploads`, { method: "POST", body: body(), headers: { "x-accord-preparsed-form": "forged" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen.map((s) => s.preparsed)).toEqual([true, false, false, false]);
    expect(seen[0]!.form!.fields.get("note")).toBe("x");
    expect(seen[0]!.form!.files).toMatchObject([{ status: "received", fileName: "a.pdf", sizeBytes: PDF.length }]);
    // Nobody staged the file: it is removed once the response has closed (the client may see the
    // response before the server's close handler has unlinked it, hence the poll).
    await expect.poll(temps).toEqual([]);
  });
});
