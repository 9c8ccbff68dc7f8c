import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import type { FileStore } from "./file-store";

/** What the contract needs of a backend besides the store: the names in its temporary area. */
export interface ContractSubject {
  store: FileStore;
  temporaryNames(): Promise<string[]>;
}

const sha = (value: string | Buffer) => createHash("sha256").update(value).digest("hex");

/** A stream of `count` chunks of `size` bytes, produced on demand (nothing held whole). */
export function chunks(count: number, size: number, byte = 0x61): Readable {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < count ? Buffer.alloc(size, byte) : null);
    },
  });
}

/**
 * The file store's contract (file-store.ts), run against every backend: the local folder and the
 * S3-compatible bucket. `subject` is called in each test, after the backend's own `beforeAll`.
 */
export function fileStoreContract(backend: string, subject: () => ContractSubject): void {
  describe(`file store contract: ${backend}`, () => {
    it("streams to a temporary object while hashing, then commits it under its hash and streams it back", async () => {
      const { store, temporaryNames } = subject();
      const result = await store.writeTemp(Readable.from([Buffer.from("bonjour "), Buffer.from("le monde")]), { maxBytes: 100 });
      expect(result).toMatchObject({ ok: true, sha256: sha("bonjour le monde"), sizeBytes: 16 });
      if (!result.ok) throw new Error("unreachable");
      expect(await temporaryNames()).toHaveLength(1);
      expect(await text(await store.openTemp(result.tempKey))).toBe("bonjour le monde");
      await store.commit(result.tempKey, result.sha256);
      expect(await temporaryNames()).toEqual([]);
      expect(await store.has(result.sha256)).toBe(true);
      expect(await text(await store.openRead(result.sha256))).toBe("bonjour le monde");
    });

    it("drops the temporary object when the content is already stored, and removes a content once", async () => {
      const { store, temporaryNames } = subject();
      const first = await store.writeTemp(Readable.from([Buffer.from("même contenu")]), { maxBytes: 100 });
      const second = await store.writeTemp(Readable.from([Buffer.from("même contenu")]), { maxBytes: 100 });
      if (!first.ok || !second.ok) throw new Error("unexpected refusal");
      expect(second.sha256).toBe(first.sha256);
      expect(second.tempKey).not.toBe(first.tempKey);
      await store.commit(first.tempKey, first.sha256);
      await store.commit(second.tempKey, second.sha256);
      expect(await temporaryNames()).toEqual([]);
      expect(await store.has(first.sha256)).toBe(true);
      await store.remove(first.sha256);
      expect(await store.has(first.sha256)).toBe(false);
      await store.remove(first.sha256); // already gone: no error
      await expect(store.openRead(first.sha256)).rejects.toMatchObject({ code: "ENOENT" });
    });

    it("stops past the limit, removes the temporary object and drains the source", async () => {
      const { store, temporaryNames } = subject();
      const source = chunks(40, 1024);
      let ended = false;
      source.on("end", () => (ended = true));
      const result = await store.writeTemp(source, { maxBytes: 10 * 1024 });
      expect(result).toEqual({ ok: false, reason: "too_large", maxBytes: 10 * 1024 });
      expect(await temporaryNames()).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(ended).toBe(true);
    });

    it("accepts a file of exactly the limit", async () => {
      const { store, temporaryNames } = subject();
      const result = await store.writeTemp(chunks(10, 1024), { maxBytes: 10 * 1024 });
      expect(result).toMatchObject({ ok: true, sizeBytes: 10 * 1024 });
      if (result.ok) await store.removeTemp(result.tempKey);
      expect(await temporaryNames()).toEqual([]);
    });

    it("streams a file larger than one multipart part, its hash computed on the way in", async () => {
      const { store } = subject();
      // 12 MiB: three parts of S3's 5 MiB minimum; the same bytes hashed here independently.
      const expected = createHash("sha256");
      for (let i = 0; i < 12; i += 1) expected.update(Buffer.alloc(1024 * 1024, 0x62));
      const result = await store.writeTemp(chunks(12 * 16, 64 * 1024, 0x62), { maxBytes: 20 * 1024 * 1024 });
      expect(result).toMatchObject({ ok: true, sha256: expected.digest("hex"), sizeBytes: 12 * 1024 * 1024 });
      if (!result.ok) throw new Error("unreachable");
      await store.commit(result.tempKey, result.sha256);
      const back = createHash("sha256");
      let size = 0;
      for await (const chunk of await store.openRead(result.sha256)) {
        back.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect({ sha256: back.digest("hex"), size }).toEqual({ sha256: result.sha256, size: 12 * 1024 * 1024 });
      await store.remove(result.sha256);
    });

    it("removes the temporary object when the source fails (e.g. the browser went away)", async () => {
      const { store, temporaryNames } = subject();
      const source = new PassThrough();
      const pending = store.writeTemp(source, { maxBytes: 1e6 });
      source.write(Buffer.alloc(1000));
      setImmediate(() => source.destroy(new Error("Unexpected end of form")));
      await expect(pending).rejects.toThrow("Unexpected end of form");
      expect(await temporaryNames()).toEqual([]);
    });

    it("never builds a name from anything but a hash or its own temporary names", async () => {
      const { store } = subject();
      await expect(store.has("../../etc/passwd")).rejects.toThrow(/SHA-256/);
      await expect(store.openRead("A".repeat(64))).rejects.toThrow(/SHA-256/);
      await expect(store.commit("../outside.txt", sha("x"))).rejects.toThrow(/temporary/);
      await expect(store.removeTemp("tmp/../../x.part")).rejects.toThrow(/temporary/);
    });

    it("removes the temporary objects of interrupted uploads, and only those older than the cut-off", async () => {
      const { store, temporaryNames } = subject();
      const written = await store.writeTemp(Readable.from([Buffer.from("interrompu")]), { maxBytes: 100 });
      if (!written.ok) throw new Error("unreachable");
      expect(await store.removeStaleTemps(new Date(Date.now() - 60 * 60 * 1000))).toBe(0);
      expect(await temporaryNames()).toHaveLength(1);
      expect(await store.removeStaleTemps(new Date(Date.now() + 60 * 1000))).toBe(1);
      expect(await temporaryNames()).toEqual([]);
    });
  });
}
