import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3Server } from "../testing/s3-server";
import { createS3Client } from "./s3-file-store";
import { PartBufferPool, uploadInParts } from "./s3-multipart";

const PART = 5 * 1024 * 1024;
let s3: LocalS3Server;

beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(async () => {
  await s3?.close();
});

/** `size` bytes where every 4-byte word is its own offset (parts swapped or shifted would show), in chunks of `chunk`. */
function body(size: number, chunk: number): { chunks: Buffer[]; sha256: string } {
  const all = Buffer.alloc(size);
  for (let offset = 0; offset + 4 <= size; offset += 4) all.writeUInt32LE(offset, offset);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < size; offset += chunk) chunks.push(all.subarray(offset, Math.min(size, offset + chunk)));
  return { chunks, sha256: createHash("sha256").update(all).digest("hex") };
}

/** A client whose commands are recorded (name, part number) and may be made to fail. */
function recordingClient(fail?: (name: string, input: Record<string, unknown>) => Error | undefined) {
  const client = createS3Client(s3.config(""));
  const sent: string[] = [];
  let partsInFlight = 0;
  let mostPartsInFlight = 0;
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  client.send = (async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, "");
    sent.push(name === "UploadPart" ? `UploadPart ${String(command.input.PartNumber)}` : name);
    const error = fail?.(name, command.input);
    if (error) throw error;
    if (name !== "UploadPart") return send(command);
    partsInFlight += 1;
    mostPartsInFlight = Math.max(mostPartsInFlight, partsInFlight);
    try {
      return await send(command);
    } finally {
      partsInFlight -= 1;
    }
  }) as S3Client["send"];
  return { client, sent, mostPartsInFlight: () => mostPartsInFlight };
}

async function readBack(client: S3Client, key: string): Promise<{ sha256: string; size: number }> {
  const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of object.Body as Readable) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), size };
}

describe("uploadInParts", () => {
  it.each([
    ["an empty body", 0, 1, ["PutObject"]],
    ["a body smaller than a part", 1000, 300, ["PutObject"]],
    ["exactly one part", PART, 64 * 1024, ["CreateMultipartUpload", "UploadPart 1", "CompleteMultipartUpload"]],
    ["exactly two parts", 2 * PART, 100_000, ["CreateMultipartUpload", "UploadPart 1", "UploadPart 2", "CompleteMultipartUpload"]],
    ["two parts and a byte", 2 * PART + 1, 65_537, ["CreateMultipartUpload", "UploadPart 1", "UploadPart 2", "UploadPart 3", "CompleteMultipartUpload"]],
    ["chunks larger than a part", 12 * 1024 * 1024, 7 * 1024 * 1024, ["CreateMultipartUpload", "UploadPart 1", "UploadPart 2", "UploadPart 3", "CompleteMultipartUpload"]],
  ])("stores %s byte for byte, in order", async (_what, size, chunk, commands) => {
    const { client, sent, mostPartsInFlight } = recordingClient();
    const pool = new PartBufferPool(PART, 3);
    const { chunks, sha256 } = body(size, chunk);
    const key = `multipart/${size}-${chunk}`;
    await uploadInParts(client, { Bucket: s3.bucket, Key: key }, Readable.from(chunks), { pool, queueSize: 2 });
    const upload = [...sent].sort();
    expect(await readBack(client, key)).toEqual({ sha256, size });
    expect(upload).toEqual([...commands].sort());
    expect(mostPartsInFlight()).toBeLessThanOrEqual(2);
  });

  it("reuses its part buffers from one upload to the next: no part is ever garbage", async () => {
    const { client } = recordingClient();
    const pool = new PartBufferPool(PART, 3);
    for (const round of [1, 2, 3]) {
      const { chunks } = body(23 * 1024 * 1024, 64 * 1024);
      await uploadInParts(client, { Bucket: s3.bucket, Key: `multipart/reuse-${round}` }, Readable.from(chunks), { pool, queueSize: 2 });
    }
    // Two parts in flight and one being filled, allocated by the first upload, reused by the others.
    expect(pool.allocated).toBe(3);
  });

  it("aborts the multipart upload when a part fails, and throws that part's error", async () => {
    const { client, sent } = recordingClient((name, input) =>
      name === "UploadPart" && input.PartNumber === 2 ? Object.assign(new Error("SlowDown"), { name: "SlowDown" }) : undefined,
    );
    const pool = new PartBufferPool(PART, 3);
    const { chunks } = body(30 * 1024 * 1024, 64 * 1024);
    await expect(uploadInParts(client, { Bucket: s3.bucket, Key: "multipart/part-fails" }, Readable.from(chunks), { pool, queueSize: 2 })).rejects.toThrow(
      "SlowDown",
    );
    expect(sent).toContain("AbortMultipartUpload");
    expect(sent).not.toContain("CompleteMultipartUpload");
    // It stopped reading: not every part of the 6 was sent.
    expect(sent.filter((command) => command.startsWith("UploadPart")).length).toBeLessThan(6);
  });

  it("aborts the multipart upload when the source fails mid-way", async () => {
    const { client, sent } = recordingClient();
    const pool = new PartBufferPool(PART, 3);
    const { chunks } = body(12 * 1024 * 1024, 64 * 1024);
    async function* failing() {
      yield* chunks;
      throw new Error("Unexpected end of form");
    }
    await expect(uploadInParts(client, { Bucket: s3.bucket, Key: "multipart/source-fails" }, failing(), { pool, queueSize: 2 })).rejects.toThrow(
      "Unexpected end of form",
    );
    expect(sent).toContain("AbortMultipartUpload");
    expect(sent).not.toContain("CompleteMultipartUpload");
    expect(pool.allocated).toBeLessThanOrEqual(3);
  });
});
