import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createFileStore, type FileStore } from "@accord/core";

let store: FileStore | null = null;

/** A file store in a temporary folder, for the tests of this package. */
export function testFileStore(): FileStore {
  store ??= createFileStore(mkdtempSync(path.join(tmpdir(), "accord-api-")));
  return store;
}

/** A small PDF (its content is checked, not its name). */
export const PDF = Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1");
