import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The worker runs this package through tsx from apps/worker, and tsx applies a
 * tsconfig only to the files it includes: without the pragma, a template is
 * compiled with the classic runtime and fails with "React is not defined".
 */
describe("every TSX file of the e-mail package", () => {
  it("declares the automatic JSX runtime itself", async () => {
    const dir = join(import.meta.dirname);
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".tsx"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const head = (await readFile(join(dir, file), "utf8")).split("\n", 1)[0];
      expect(head, file).toBe("/** @jsxRuntime automatic @jsxImportSource react */");
    }
  });
});
