import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStore, fileStoreDir, type FileStore } from "./file-store";

let dir: string;
let store: FileStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "accord-store-"));
  store = createFileStore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (value: string | Buffer) => createHash("sha256").update(value).digest("hex");

/** A stream of `count` chunks of `size` bytes, produced on demand (nothing held whole). */
function chunks(count: number, size: number, byte = 0x61) {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < count ? Buffer.alloc(size, byte) : null);
    },
  });
}

describe("file store", () => {
  it("streams to a temporary file in its own tree while hashing, then commits by rename", async () => {
    const result = await store.writeTemp(Readable.from([Buffer.from("bonjour "), Buffer.from("le monde")]), { maxBytes: 100 });
    expect(result).toMatchObject({ ok: true, sha256: sha("bonjour le monde"), sizeBytes: 16 });
    if (!result.ok) throw new Error("unreachable");
    expect(path.dirname(result.tempPath)).toBe(path.join(dir, "tmp"));
    await store.commit(result.tempPath, result.sha256);
    const stored = path.join(dir, result.sha256.slice(0, 2), result.sha256.slice(2, 4), result.sha256);
    expect(store.pathOf(result.sha256)).toBe(stored);
    expect(await readFile(stored, "utf8")).toBe("bonjour le monde");
    expect(await readdir(path.join(dir, "tmp"))).toEqual([]);
    expect(await text(await store.openRead(result.sha256))).toBe("bonjour le monde");
  });

  it("drops the temporary file when the content is already stored", async () => {
    const first = await store.writeTemp(Readable.from([Buffer.from("même contenu")]), { maxBytes: 100 });
    const second = await store.writeTemp(Readable.from([Buffer.from("même contenu")]), { maxBytes: 100 });
    if (!first.ok || !second.ok) throw new Error("unexpected refusal");
    expect(second.sha256).toBe(first.sha256);
    await store.commit(first.tempPath, first.sha256);
    await store.commit(second.tempPath, second.sha256);
    expect(await readdir(path.join(dir, "tmp"))).toEqual([]);
    expect(await store.has(first.sha256)).toBe(true);
    await store.remove(first.sha256);
    expect(await store.has(first.sha256)).toBe(false);
    await store.remove(first.sha256); // already gone: no error
    await expect(store.openRead(first.sha256)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("stops past the limit, removes the temporary file and drains the source", async () => {
    const source = chunks(40, 1024);
    let ended = false;
    source.on("end", () => (ended = true));
    const result = await store.writeTemp(source, { maxBytes: 10 * 1024 });
    expect(result).toEqual({ ok: false, reason: "too_large", maxBytes: 10 * 1024 });
    expect(await readdir(path.join(dir, "tmp"))).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(true);
  });

  it("accepts a file of exactly the limit", async () => {
    const result = await store.writeTemp(chunks(10, 1024), { maxBytes: 10 * 1024 });
    expect(result).toMatchObject({ ok: true, sizeBytes: 10 * 1024 });
    if (result.ok) await store.removeTemp(result.tempPath);
  });

  it("removes the temporary file when the source fails (e.g. the browser went away)", async () => {
    const source = new PassThrough();
    const pending = store.writeTemp(source, { maxBytes: 1e6 });
    source.write(Buffer.alloc(1000));
    setImmediate(() => source.destroy(new Error("Unexpected end of form")));
    await expect(pending).rejects.toThrow("Unexpected end of form");
    expect(await readdir(path.join(dir, "tmp"))).toEqual([]);
  });

  it("never builds a path from anything but a hash", async () => {
    expect(() => store.pathOf("../../etc/passwd")).toThrow();
    expect(() => store.pathOf("A".repeat(64))).toThrow();
    const outside = path.join(dir, "outside.txt");
    await writeFile(outside, "x");
    await expect(store.commit(outside, sha("x"))).rejects.toThrow(/temporary/);
  });

  it("lives in FILE_STORE_DIR, else in <repo>/.data/files", () => {
    expect(fileStoreDir({ FILE_STORE_DIR: "/srv/accord/files" }, "/repo")).toBe("/srv/accord/files");
    expect(fileStoreDir({}, "/repo")).toBe("/repo/.data/files");
    expect(fileStoreDir({ FILE_STORE_DIR: "" }, "/repo")).toBe("/repo/.data/files");
  });
});
