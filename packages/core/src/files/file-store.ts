import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { collectYoungGarbage } from "./young-garbage";

/**
 * The content-addressed file store: every distinct content lives once, at `<dir>/ab/cd/<sha256>`
 * (its SHA-256 in lowercase hex). A file name given by a user never becomes a path: the path is only
 * ever the hash. Uploads are first streamed to `<dir>/tmp/` (the same folder tree, so committing one
 * is a rename on the same file system) while their SHA-256 and size are computed; nothing is ever
 * held whole in memory.
 *
 * The database (`stored_files`, with its reference count) says which contents are in use; the use
 * cases in this folder keep the two in step (see docs/decisions/0009-file-store-and-uploads.md).
 */
export interface FileStore {
  /** The store's root folder (absolute). */
  readonly dir: string;
  /**
   * Streams `source` to a new temporary file while hashing it. Past `maxBytes` the copy stops, the
   * temporary file is removed, the rest of `source` is drained (so a multipart parser moves on to the
   * next part) and `{ ok: false, reason: "too_large" }` is returned. When the disk is full (ENOSPC,
   * EDQUOT) the same clean-up happens and `StoreFullError` is thrown: the caller tells the uploader.
   */
  writeTemp(source: Readable, options: { maxBytes: number }): Promise<WriteTempResult>;
  /** Moves a temporary file to its place in the store; when the content is already there, drops it. */
  commit(tempPath: string, sha256: string): Promise<void>;
  /** Removes a temporary file (no error if it is already gone). */
  removeTemp(tempPath: string): Promise<void>;
  /** Opens a stored content for reading; rejects with ENOENT when it is not there. */
  openRead(sha256: string): Promise<Readable>;
  /** Whether a content is in the store. */
  has(sha256: string): Promise<boolean>;
  /** Removes a stored content (no error if it is already gone). Callers check it is unreferenced. */
  remove(sha256: string): Promise<void>;
  /** Removes the temporary files last written before `before` (interrupted uploads); returns how many. */
  removeStaleTemps(before: Date): Promise<number>;
  /** Where a content lives (for tests and tools; never built from a file name). */
  pathOf(sha256: string): string;
}

export type WriteTempResult =
  | { ok: true; tempPath: string; sha256: string; sizeBytes: number }
  | { ok: false; reason: "too_large"; maxBytes: number };

const SHA256 = /^[0-9a-f]{64}$/;
/** How often a long upload frees its spent buffers (see young-garbage.ts). */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
/**
 * How much an upload may run ahead of the disk: the socket keeps being read while a write is under way
 * (with the 16 KB default, each write would stall the upload). Bounded, so memory stays flat.
 */
const STREAM_BUFFER_BYTES = 1024 * 1024;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/**
 * The store's disk is full (ENOSPC) or its quota spent (EDQUOT): the upload's partial file is gone
 * and the rest of its stream drained. Not a server fault the uploader can do nothing about: the
 * upload routes answer it as "insufficient storage", naming the file.
 */
export class StoreFullError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("the file store has no space left", options);
    this.name = "StoreFullError";
  }
}

const isNoSpace = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === "ENOSPC" || code === "EDQUOT";
};

class TooLarge extends Error {
  constructor() {
    super("too large");
  }
}

export function createFileStore(dir: string): FileStore {
  const root = path.resolve(dir);
  const tempDir = path.join(root, "tmp");

  const pathOf = (sha256: string) => {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256)}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const checkTemp = (tempPath: string) => {
    const resolved = path.resolve(tempPath);
    if (path.dirname(resolved) !== tempDir) throw new Error(`not a temporary file of this store: ${tempPath}`);
    return resolved;
  };

  return {
    dir: root,
    pathOf,

    async writeTemp(source, { maxBytes }) {
      if (source.destroyed) throw source.errored ?? new Error("the upload stream is already closed");
      const tempPath = path.join(tempDir, `${randomUUID()}.part`);
      const hash = createHash("sha256");
      let size = 0;
      let sinceCollection = 0;
      const meter = new Transform({
        highWaterMark: STREAM_BUFFER_BYTES,
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) return callback(new TooLarge());
          hash.update(chunk);
          sinceCollection += chunk.length;
          if (sinceCollection >= COLLECT_EVERY_BYTES) {
            sinceCollection = 0;
            collectYoungGarbage();
          }
          callback(null, chunk);
        },
      });
      // The source is piped (not handed to pipeline) so that a refusal does not destroy it: a busboy
      // file stream that is destroyed stalls the whole form; it must be drained instead.
      // Errors are handled through the pipeline's promise; these listeners only keep an early error
      // (before the pipeline is set up) from going unhandled.
      meter.on("error", () => {});
      source.on("error", (error: Error) => meter.destroy(error));
      source.pipe(meter);
      try {
        // Listening and piping happen before this first await, so an early failure is never missed.
        await mkdir(tempDir, { recursive: true });
        await pipeline(meter, createWriteStream(tempPath, { flags: "wx", highWaterMark: STREAM_BUFFER_BYTES }));
      } catch (error) {
        source.unpipe(meter);
        await rm(tempPath, { force: true });
        if (error instanceof TooLarge) {
          source.resume();
          return { ok: false, reason: "too_large", maxBytes };
        }
        if (isNoSpace(error)) {
          source.resume();
          throw new StoreFullError({ cause: error });
        }
        throw error;
      }
      return { ok: true, tempPath, sha256: hash.digest("hex"), sizeBytes: size };
    },

    async commit(tempPath, sha256) {
      const from = checkTemp(tempPath);
      const to = pathOf(sha256);
      if (await exists(to)) {
        await rm(from, { force: true });
        return;
      }
      try {
        await mkdir(path.dirname(to), { recursive: true });
        await rename(from, to);
      } catch (error) {
        if (isNoSpace(error)) throw new StoreFullError({ cause: error });
        throw error;
      }
    },

    async removeTemp(tempPath) {
      await rm(checkTemp(tempPath), { force: true });
    },

    async openRead(sha256) {
      const handle = await open(pathOf(sha256), "r");
      return handle.createReadStream();
    },

    async removeStaleTemps(before) {
      let names: string[];
      try {
        names = await readdir(tempDir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
        throw error;
      }
      let removed = 0;
      for (const name of names) {
        const file = path.join(tempDir, name);
        const info = await stat(file).catch(() => null);
        if (info && info.mtime < before) {
          await rm(file, { force: true });
          removed += 1;
        }
      }
      return removed;
    },

    has: (sha256) => exists(pathOf(sha256)),

    async remove(sha256) {
      try {
        await unlink(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** The store's folder: `FILE_STORE_DIR` when set, else `<repo>/.data/files`. */
export function fileStoreDir(env: { FILE_STORE_DIR?: string | undefined }, repoRoot: string): string {
  return path.resolve(env.FILE_STORE_DIR || path.join(repoRoot, ".data", "files"));
}
