import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";

/**
 * Part buffers kept between uploads. Each is allocated once, outside V8's heap and its pool
 * (`allocUnsafeSlow`), filled by copying the stream's chunks into it, sent, and handed back: no part is
 * ever garbage, so an upload's memory is its parts in flight plus the one being filled, whatever the
 * collector does. At most `keep` idle buffers stay (one upload's worth); concurrent uploads allocate
 * more and let them go when they end.
 */
export class PartBufferPool {
  private readonly idle: Buffer[] = [];
  readonly partSize: number;
  private readonly keep: number;
  /** Buffers allocated since the pool was made (held or gone). */
  allocated = 0;

  constructor(partSize: number, keep: number) {
    this.partSize = partSize;
    this.keep = keep;
  }

  take(): Buffer {
    const reused = this.idle.pop();
    if (reused) return reused;
    this.allocated += 1;
    return Buffer.allocUnsafeSlow(this.partSize);
  }

  give(buffer: Buffer): void {
    if (this.idle.length < this.keep) this.idle.push(buffer);
  }
}

export interface MultipartTarget {
  Bucket: string;
  Key: string;
  ContentType?: string;
}

/**
 * Streams `source` into one object: parts of `pool.partSize` bytes, at most `queueSize` in flight,
 * through the SDK's own commands (CreateMultipartUpload, UploadPart, CompleteMultipartUpload; one
 * PutObject when the whole body fits in one part, as lib-storage does). The source is read only while a
 * part buffer is free, so a slow store slows the reader instead of filling memory. On any failure —
 * the source's or a part's — the multipart upload is aborted (no orphan parts billed) and the error
 * thrown. ADR 0054 says why this is not lib-storage's `Upload`.
 */
export async function uploadInParts(
  client: S3Client,
  target: MultipartTarget,
  source: AsyncIterable<Buffer>,
  { pool, queueSize }: { pool: PartBufferPool; queueSize: number },
): Promise<void> {
  const { partSize } = pool;
  const parts: CompletedPart[] = [];
  const inFlight = new Set<Promise<void>>();
  // Set by a part's request, read by the reading loop (a holder: TypeScript does not see the callbacks).
  const failed: { part?: { error: unknown } } = {};
  let current: Buffer | undefined;
  let filled = 0;
  let partNumber = 0;

  // Parts are sent concurrently: the first creates the multipart upload, the others wait for it.
  let creating: Promise<string> | undefined;
  const createOnce = () =>
    (creating ??= client
      .send(new CreateMultipartUploadCommand({ Bucket: target.Bucket, Key: target.Key, ContentType: target.ContentType }))
      .then(({ UploadId }) => {
        if (!UploadId) throw new Error(`${target.Key}: no UploadId in the store's answer`);
        return UploadId;
      }));
  const send = async (buffer: Buffer, length: number, number: number) => {
    try {
      const uploadId = await createOnce();
      const { ETag } = await client.send(
        new UploadPartCommand({ Bucket: target.Bucket, Key: target.Key, UploadId: uploadId, PartNumber: number, Body: buffer.subarray(0, length) }),
      );
      if (!ETag) throw new Error(`part ${number} of ${target.Key}: no ETag in the store's answer`);
      parts.push({ PartNumber: number, ETag });
    } finally {
      pool.give(buffer);
    }
  };
  const throwIfAPartFailed = () => {
    if (failed.part) throw failed.part.error;
  };
  // Sends a part once fewer than queueSize are in flight.
  const dispatch = async (buffer: Buffer, length: number) => {
    try {
      while (inFlight.size >= queueSize) await Promise.race(inFlight);
      throwIfAPartFailed();
    } catch (error) {
      pool.give(buffer);
      throw error;
    }
    partNumber += 1;
    const sending = send(buffer, length, partNumber).catch((error: unknown) => {
      failed.part ??= { error };
    });
    const tracked = sending.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  try {
    for await (const chunk of source) {
      let offset = 0;
      while (offset < chunk.length) {
        throwIfAPartFailed();
        current ??= pool.take();
        const copied = chunk.copy(current, filled, offset);
        offset += copied;
        filled += copied;
        if (filled === partSize) {
          // A full part goes as soon as a slot is free (a body of exactly N parts ends with a full one).
          const full = current;
          current = undefined;
          await dispatch(full, filled);
          filled = 0;
        }
      }
    }
    throwIfAPartFailed();
    if (partNumber === 0) {
      // Everything fits in one part (an empty file included): one PutObject, no multipart upload.
      await client.send(
        new PutObjectCommand({ Bucket: target.Bucket, Key: target.Key, ContentType: target.ContentType, Body: (current ?? Buffer.alloc(0)).subarray(0, filled) }),
      );
      if (current) pool.give(current);
      current = undefined;
      return;
    }
    if (filled > 0 && current) {
      const last = current;
      current = undefined;
      await dispatch(last, filled);
    }
    await Promise.all(inFlight);
    throwIfAPartFailed();
    parts.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket: target.Bucket, Key: target.Key, UploadId: await createOnce(), MultipartUpload: { Parts: parts } }),
    );
  } catch (error) {
    await Promise.all(inFlight);
    if (current) pool.give(current);
    const id = await creating?.catch(() => undefined);
    if (id) {
      await client.send(new AbortMultipartUploadCommand({ Bucket: target.Bucket, Key: target.Key, UploadId: id })).catch(() => {});
    }
    throw error;
  }
}
