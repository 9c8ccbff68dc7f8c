import { ListObjectsV2Command, PutObjectCommand, S3ServiceException } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3Server } from "../testing/s3-server";
import { StoreFullError, type FileStore } from "./file-store";
import { fileStoreContract } from "./file-store-contract";
import { createS3Client, createS3FileStore } from "./s3-file-store";

let s3: LocalS3Server;
let store: FileStore;
const client = () => createS3Client(s3.config("evidence"));

async function keys(prefix: string): Promise<string[]> {
  const page = await client().send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key!);
}

beforeAll(async () => {
  s3 = await startLocalS3();
  store = createS3FileStore(s3.config("evidence"));
});
afterAll(async () => {
  await s3?.close();
});

fileStoreContract("S3-compatible bucket (s3rver)", () => ({ store, temporaryNames: () => keys("evidence/tmp/") }));

describe("S3 file store", () => {
  it("keeps contents under <prefix>/ab/cd/<sha256> and temporary objects under <prefix>/tmp/", async () => {
    const result = await store.writeTemp(Readable.from([Buffer.from("pièce justificative")]), { maxBytes: 100 });
    if (!result.ok) throw new Error("unreachable");
    expect(result.tempKey).toMatch(/^evidence\/tmp\/[0-9a-f-]{36}\.part$/);
    await store.commit(result.tempKey, result.sha256);
    const { sha256 } = result;
    expect(await keys(`evidence/${sha256.slice(0, 2)}/`)).toEqual([`evidence/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`]);
    expect(store.location).toBe(`s3://${s3.bucket}/evidence`);
    await store.remove(sha256);
  });

  it("never takes another prefix's object for one of its temporary objects", async () => {
    await client().send(new PutObjectCommand({ Bucket: s3.bucket, Key: "other/tmp/00000000-0000-0000-0000-000000000000.part", Body: "x" }));
    await expect(store.commit("other/tmp/00000000-0000-0000-0000-000000000000.part", "a".repeat(64))).rejects.toThrow(/temporary/);
    expect(await keys("other/")).toHaveLength(1);
  });

  it("answers a bucket's spent quota as a full store, and the provider's own size limit as too large", async () => {
    const refusing = (name: string, status: number) => {
      const client = createS3Client(s3.config("evidence"));
      client.send = (async () => {
        throw new S3ServiceException({ name, $fault: "client", $metadata: { httpStatusCode: status } });
      }) as typeof client.send;
      return createS3FileStore(s3.config("evidence"), client);
    };
    const upload = () => Readable.from([Buffer.from("pièce")]);
    await expect(refusing("QuotaExceeded", 403).writeTemp(upload(), { maxBytes: 100 })).rejects.toBeInstanceOf(StoreFullError);
    await expect(refusing("InternalError", 507).writeTemp(upload(), { maxBytes: 100 })).rejects.toBeInstanceOf(StoreFullError);
    expect(await refusing("EntityTooLarge", 400).writeTemp(upload(), { maxBytes: 100 })).toEqual({ ok: false, reason: "too_large", maxBytes: 100 });
    await expect(refusing("AccessDenied", 403).writeTemp(upload(), { maxBytes: 100 })).rejects.toMatchObject({ name: "AccessDenied" });
  });

  it("tells a missing content with ENOENT, as the local store does", async () => {
    await expect(store.openRead("0".repeat(64))).rejects.toMatchObject({ code: "ENOENT" });
    expect(await store.has("0".repeat(64))).toBe(false);
  });
});
