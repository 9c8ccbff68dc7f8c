import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { useTestDb } from "@accord/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { createCustomer, customerActor, rejection } from "../testing/fixtures";
import { startLocalS3, type LocalS3Server } from "../testing/s3-server";
import type { FileStore } from "./file-store";
import { createS3Client, createS3FileStore } from "./s3-file-store";
import { stageUpload, stageUploadSchema } from "./stage-upload";
import { PDF, TXT } from "./testing-fixtures";

const t = useTestDb();
let s3: LocalS3Server;
let store: FileStore;
beforeAll(async () => {
  s3 = await startLocalS3();
  store = createS3FileStore(s3.config("uploads"));
});
afterAll(async () => {
  await s3?.close();
});

const now = new Date("2026-11-23T09:00:00Z");

async function stage(bytes: Buffer, fileName: string) {
  const actor = await customerActor(t.db, (await createCustomer(t.db, { role: "member" })).id);
  const temp = await store.writeTemp(Readable.from([bytes]), { maxBytes: 1024 * 1024 });
  if (!temp.ok) throw new Error("unexpected refusal");
  return stageUpload({ db: t.db, actor, input: parseInput(stageUploadSchema, { ...temp, fileName }), store, now });
}

const temporaryKeys = async () => {
  const page = await createS3Client(s3.config("uploads")).send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "uploads/tmp/" }));
  return (page.Contents ?? []).map((object) => object.Key);
};

describe("stageUpload on an S3-compatible store", () => {
  it("reads the type from the temporary object's content, then moves the bytes under their hash", async () => {
    const staged = await stage(PDF, "Bon de livraison.pdf");
    expect(staged).toMatchObject({ contentType: "application/pdf", sizeBytes: PDF.length });
    expect((await buffer(await store.openRead(staged.sha256))).equals(PDF)).toBe(true);
    expect(await temporaryKeys()).toEqual([]);
  });

  it("refuses a disguised file and leaves no temporary object behind", async () => {
    const error = await rejection(stage(TXT, "facture.pdf"));
    expect(error).toMatchObject({ code: "validation", messageKey: "uploads.error.type" });
    expect(await temporaryKeys()).toEqual([]);
  });
});
