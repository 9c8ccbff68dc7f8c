import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { collectYoungGarbage } from "./young-garbage";

/**
 * The content-addressed file store: every distinct content lives once, under the key
 * `ab/cd/<sha256>` (its SHA-256 in lowercase hex). A file name given by a user never becomes a key:
 * the key is only ever the hash. Uploads are first streamed to a temporary object (`tmp/<uuid>.part`)
 * while their SHA-256 and size are computed; nothing is ever held whole in memory.
 *
 * Two backends keep this one contract (the same test suite runs against both): a local folder
 * (`createFileStore`, the default) and an S3-compatible bucket (`createS3FileStore`,
 * docs/decisions/0042-object-storage.md). `openFileStore` opens the one the configuration names.
 *
 * The database (`stored_files`, with its reference count) says which contents are in use; the use
 * cases in this folder keep the two in step (see docs/decisions/0009-file-store-and-uploads.md).
 */
export interface FileStore {
  /** Where the store is, for messages and logs (a folder, or `s3://bucket/prefix`). */
  readonly location: string;
  /**
   * Streams `source` to a new temporary object while hashing it. Past `maxBytes` the copy stops, the
   * temporary object is removed, the rest of `source` is drained (so a multipart parser moves on to
   * the next part) and `{ ok: false, reason: "too_large" }` is returned. When the store is full (a
   * disk's ENOSPC or EDQUOT, a bucket's quota) the same clean-up happens and `StoreFullError` is
   * thrown: the caller tells the uploader.
   */
  writeTemp(source: Readable, options: { maxBytes: number }): Promise<WriteTempResult>;
  /** Reads a temporary object (its type is detected from its content before it is committed). */
  openTemp(tempKey: string): Promise<Readable>;
  /** Moves a temporary object to its place in the store; when the content is already there, drops it. */
  commit(tempKey: string, sha256: string): Promise<void>;
  /** Removes a temporary object (no error if it is already gone). */
  removeTemp(tempKey: string): Promise<void>;
  /** Opens a stored content for reading (streamed); rejects with code ENOENT when it is not there. */
  openRead(sha256: string): Promise<Readable>;
  /** Whether a content is in the store. */
  has(sha256: string): Promise<boolean>;
  /** Removes a stored content (no error if it is already gone). Callers check it is unreferenced. */
  remove(sha256: string): Promise<void>;
  /** Removes the temporary objects last written before `before` (interrupted uploads); returns how many. */
  removeStaleTemps(before: Date): Promise<number>;
}

/** The local folder store: also says where a content's file is (for tests and tools only). */
export interface LocalFileStore extends FileStore {
  /** The store's root folder (absolute). */
  readonly dir: string;
  /** Where a content lives (never built from a file name). */
  pathOf(sha256: string): string;
}

export type WriteTempResult =
  /** `tempKey`: the temporary object, named by the store (a path for the local one, a key for S3). */
  | { ok: true; tempKey: string; sha256: string; sizeBytes: number }
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

/** The upload went past its `maxBytes` (the meter's error). */
export class TooLarge extends Error {
  constructor() {
    super("too large");
  }
}

/**
 * The transform every store pipes an upload through: it hashes (SHA-256) and counts the bytes on the
 * way in, fails with `TooLarge` past `maxBytes`, and frees spent buffers as it goes (a minor collection
 * every COLLECT_EVERY_BYTES).
 */
export function hashingMeter(maxBytes: number): { meter: Transform; digest: () => { sha256: string; sizeBytes: number } } {
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
  return { meter, digest: () => ({ sha256: hash.digest("hex"), sizeBytes: size }) };
}

/**
 * What a store's `writeTemp` answers once its copy failed and its partial file is gone: past the size
 * limit (our meter's `TooLarge`, or the backend's own refusal), "too large"; a full store,
 * `StoreFullError`; anything else is thrown as it is. In the first two cases the rest of `source` is
 * drained, so a multipart parser moves on to the next part.
 */
export function failedWrite(
  error: unknown,
  source: Readable,
  maxBytes: number,
  kinds: { tooLarge: (error: unknown) => boolean; full: (error: unknown) => boolean },
): WriteTempResult {
  if (error instanceof TooLarge || kinds.tooLarge(error)) {
    source.resume();
    return { ok: false, reason: "too_large", maxBytes };
  }
  if (kinds.full(error)) {
    source.resume();
    throw new StoreFullError({ cause: error });
  }
  throw error;
}

/** The key of a content inside a store: `ab/cd/<sha256>`; throws on anything but a SHA-256. */
export function contentKey(sha256: string): string {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${JSON.stringify(sha256)}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** An error with the code `ENOENT`, as `openRead` rejects with when a content is not there. */
export function notFoundError(what: string, cause?: unknown): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOENT: not in the file store: ${what}`, { cause });
  error.code = "ENOENT";
  return error;
}

export function createFileStore(dir: string): LocalFileStore {
  const root = path.resolve(dir);
  const tempDir = path.join(root, "tmp");

  const pathOf = (sha256: string) => path.join(root, ...contentKey(sha256).split("/"));
  const checkTemp = (tempKey: string) => {
    const resolved = path.resolve(tempKey);
    if (path.dirname(resolved) !== tempDir) throw new Error(`not a temporary file of this store: ${tempKey}`);
    return resolved;
  };

  return {
    dir: root,
    location: root,
    pathOf,

    async writeTemp(source, { maxBytes }) {
      if (source.destroyed) throw source.errored ?? new Error("the upload stream is already closed");
      const tempKey = path.join(tempDir, `${randomUUID()}.part`);
      const { meter, digest } = hashingMeter(maxBytes);
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
        await pipeline(meter, createWriteStream(tempKey, { flags: "wx", highWaterMark: STREAM_BUFFER_BYTES }));
      } catch (error) {
        source.unpipe(meter);
        await rm(tempKey, { force: true });
        return failedWrite(error, source, maxBytes, { tooLarge: () => false, full: isNoSpace });
      }
      return { ok: true, tempKey, ...digest() };
    },

    async commit(tempKey, sha256) {
      const from = checkTemp(tempKey);
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

    async removeTemp(tempKey) {
      await rm(checkTemp(tempKey), { force: true });
    },

    async openTemp(tempKey) {
      const handle = await open(checkTemp(tempKey), "r");
      return handle.createReadStream();
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

    has: async (sha256) => exists(pathOf(sha256)),

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
