import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileStore, fileStoreDir, type LocalFileStore } from "./file-store";
import { fileStoreContract } from "./file-store-contract";

let dir: string;
let store: LocalFileStore;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "accord-store-"));
  store = createFileStore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

fileStoreContract("local folder", () => ({ store, temporaryNames: () => readdir(path.join(dir, "tmp")).catch(() => []) }));

describe("local file store", () => {
  it("keeps temporary files in its own tree and commits them by rename to <dir>/ab/cd/<sha256>", async () => {
    const result = await store.writeTemp(Readable.from([Buffer.from("bonjour le monde")]), { maxBytes: 100 });
    if (!result.ok) throw new Error("unreachable");
    expect(path.dirname(result.tempKey)).toBe(path.join(dir, "tmp"));
    await store.commit(result.tempKey, result.sha256);
    const stored = path.join(dir, result.sha256.slice(0, 2), result.sha256.slice(2, 4), result.sha256);
    expect(store.pathOf(result.sha256)).toBe(stored);
    expect(result.sha256).toBe(createHash("sha256").update("bonjour le monde").digest("hex"));
    expect(await readFile(stored, "utf8")).toBe("bonjour le monde");
  });

  it("never builds a path from anything but a hash", () => {
    expect(() => store.pathOf("../../etc/passwd")).toThrow();
    expect(() => store.pathOf("A".repeat(64))).toThrow();
  });

  it("lives in FILE_STORE_DIR, else in <repo>/.data/files", () => {
    expect(fileStoreDir({ FILE_STORE_DIR: "/srv/accord/files" }, "/repo")).toBe("/srv/accord/files");
    expect(fileStoreDir({}, "/repo")).toBe("/repo/.data/files");
    expect(fileStoreDir({ FILE_STORE_DIR: "" }, "/repo")).toBe("/repo/.data/files");
  });
});
