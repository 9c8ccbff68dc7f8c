import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { contentKey, failedWrite, type FileStore, hashingMeter, notFoundError, StoreFullError } from "./file-store";
import { PartBufferPool, uploadInParts } from "./s3-multipart";

/** Where an S3-compatible store is, and how to reach it (parsed from FILE_STORE_URL and AWS_*). */
export interface S3StoreConfig {
  bucket: string;
  /** The keys' common prefix, without a slash at either end ("" for the bucket's root). */
  prefix: string;
  region: string;
  /** Another endpoint than AWS's (Scaleway, OVHcloud, MinIO, a test server); undefined: AWS. */
  endpoint?: string | undefined;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, test servers). */
  forcePathStyle: boolean;
  /** Explicit keys; undefined: the SDK's default chain (AWS_PROFILE, web identity, container or instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined } | undefined;
}

/**
 * Multipart uploads send parts of this size (S3's minimum), at most this many at once, from pooled
 * buffers: ≤ 15 MiB held per upload (the parts in flight and the one being filled).
 */
export const S3_PART_SIZE = 5 * 1024 * 1024;
export const S3_QUEUE_SIZE = 2;

/** The S3 error codes (or HTTP statuses) that mean "no room left" rather than a fault: quota spent, storage full. */
const FULL_CODES = new Set(["QuotaExceeded", "QuotaExceededError", "XMinioAdminBucketQuotaExceeded", "XMinioStorageFull", "InsufficientStorage", "StorageFull"]);
/** The store refuses an object that big (a provider's own size limit): answered as "too large". */
const TOO_LARGE_CODES = new Set(["EntityTooLarge", "MaxMessageLengthExceeded"]);

const codeOf = (error: unknown): string | undefined => (error instanceof S3ServiceException ? error.name : (error as { Code?: string; name?: string } | null)?.Code);
const statusOf = (error: unknown): number | undefined => (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
const isMissing = (error: unknown) => {
  const code = codeOf(error) ?? (error as Error | null)?.name;
  return code === "NoSuchKey" || code === "NotFound" || statusOf(error) === 404;
};
const isFull = (error: unknown) => FULL_CODES.has(codeOf(error) ?? "") || statusOf(error) === 507;
const isTooLarge = (error: unknown) => TOO_LARGE_CODES.has(codeOf(error) ?? "");


/** The SDK client for a configuration (checksums only when an operation requires them: see ADR 0042). */
export function createS3Client(config: S3StoreConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/**
 * The file store in an S3-compatible bucket (AWS S3, Scaleway, OVHcloud, MinIO): contents under
 * `<prefix>/ab/cd/<sha256>`, temporary objects under `<prefix>/tmp/`. An upload streams through a
 * hash into a multipart upload (`uploadInParts`: at most S3_QUEUE_SIZE parts of S3_PART_SIZE in
 * flight, from a pool of buffers); committing is a server-side copy then a delete; reads stream
 * GetObject's body.
 */
export function createS3FileStore(config: S3StoreConfig, client: S3Client = createS3Client(config)): FileStore {
  const { bucket } = config;
  const base = config.prefix ? `${config.prefix}/` : "";
  const tempPrefix = `${base}tmp/`;
  const keyOf = (sha256: string) => `${base}${contentKey(sha256)}`;
  const parts = new PartBufferPool(S3_PART_SIZE, S3_QUEUE_SIZE + 1);
  const checkTemp = (tempKey: string) => {
    if (!tempKey.startsWith(tempPrefix) || !/^[0-9a-f-]{36}\.part$/.test(tempKey.slice(tempPrefix.length))) {
      throw new Error(`not a temporary object of this store: ${tempKey}`);
    }
    return tempKey;
  };
  const get = async (key: string, what: string): Promise<Readable> => {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw notFoundError(what, error);
      throw error;
    }
  };
  const exists = async (key: string) => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };
  const remove = async (key: string) => {
    // DeleteObject succeeds on a key that is not there.
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  };

  return {
    location: `s3://${bucket}${config.prefix ? `/${config.prefix}` : ""}`,

    async writeTemp(source, { maxBytes }) {
      if (source.destroyed) throw source.errored ?? new Error("the upload stream is already closed");
      const tempKey = `${tempPrefix}${randomUUID()}.part`;
      // The meter asks for a minor collection every few megabytes: the socket's chunks die young once
      // copied into a part; the parts themselves are pooled and never garbage (ADR 0054).
      const { meter, digest } = hashingMeter(maxBytes);
      // As the local store: the source is piped, never destroyed, so that a refusal can drain it.
      let failure: unknown;
      meter.on("error", (error) => (failure ??= error));
      source.on("error", (error: Error) => meter.destroy(error));
      source.pipe(meter);
      try {
        await uploadInParts(client, { Bucket: bucket, Key: tempKey, ContentType: "application/octet-stream" }, meter, { pool: parts, queueSize: S3_QUEUE_SIZE });
        if (failure) throw failure;
      } catch (caught) {
        const error = failure ?? caught;
        source.unpipe(meter);
        meter.destroy();
        await remove(tempKey).catch(() => {});
        return failedWrite(error, source, maxBytes, { tooLarge: isTooLarge, full: isFull });
      }
      return { ok: true, tempKey, ...digest() };
    },

    openTemp: async (tempKey) => get(checkTemp(tempKey), tempKey),

    async commit(tempKey, sha256) {
      const from = checkTemp(tempKey);
      const to = keyOf(sha256);
      if (!(await exists(to))) {
        try {
          await client.send(new CopyObjectCommand({ Bucket: bucket, Key: to, CopySource: `${bucket}/${encodeURI(from)}` }));
        } catch (error) {
          if (isFull(error)) throw new StoreFullError({ cause: error });
          if (isMissing(error)) throw notFoundError(tempKey, error);
          throw error;
        }
      }
      await remove(from);
    },

    async removeTemp(tempKey) {
      await remove(checkTemp(tempKey));
    },

    openRead: async (sha256) => get(keyOf(sha256), sha256),

    has: async (sha256) => exists(keyOf(sha256)),

    remove: async (sha256) => remove(keyOf(sha256)),

    async removeStaleTemps(before) {
      let removed = 0;
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: tempPrefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) {
          if (object.Key && object.LastModified && object.LastModified < before) {
            await remove(object.Key);
            removed += 1;
          }
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return removed;
    },
  };
}
