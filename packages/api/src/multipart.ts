import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { StoreFullError, type FileStore } from "@accord/core";
import busboy from "busboy";
import { ApiProblem } from "./problem";

export interface ReceivedApiFile {
  fieldName: string;
  fileName: string;
  tempKey: string;
  sha256: string;
  sizeBytes: number;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: ReceivedApiFile[];
}

const MAX_FIELDS = 50;
const MAX_FIELD_BYTES = 64 * 1024;

/**
 * Streams a multipart body: each file straight to a temporary file of the store while hashing it
 * (never whole in memory), text fields kept. A file over `maxFileBytes` is a 413 naming its field;
 * whatever goes wrong, no temporary file stays behind.
 */
export async function readMultipart(request: Request, { store, maxFileBytes, maxFiles }: { store: FileStore; maxFileBytes: number; maxFiles: number }): Promise<MultipartBody> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new ApiProblem("unsupported_media_type", { detailKey: "api.detail.expectedMultipart" });
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { fileSize: maxFileBytes + 1, files: maxFiles, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES } });
  } catch {
    throw new ApiProblem("bad_request", { detailKey: "api.detail.expectedMultipart" });
  }
  const fields: Record<string, string> = {};
  const pending: Promise<ReceivedApiFile | { tooLarge: string; fileName: string } | { noSpace: string; fileName: string }>[] = [];
  let tooMany = false;
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("filesLimit", () => (tooMany = true));
  parser.on("file", (fieldName, stream, info) => {
    if (!info.filename) {
      stream.resume();
      return;
    }
    pending.push(
      store.writeTemp(stream, { maxBytes: maxFileBytes }).then((result) =>
        result.ok ? { fieldName, fileName: info.filename, tempKey: result.tempKey, sha256: result.sha256, sizeBytes: result.sizeBytes } : { tooLarge: fieldName, fileName: info.filename },
      ).catch((error: unknown) => {
        // A full disk: that file is gone and its stream drained, the form goes on to its end.
        if (error instanceof StoreFullError) return { noSpace: fieldName, fileName: info.filename };
        throw error;
      }),
    );
  });
  const source = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  const cleanUp = async () => {
    for (const entry of await Promise.allSettled(pending)) {
      if (entry.status === "fulfilled" && "tempKey" in entry.value) await store.removeTemp(entry.value.tempKey).catch(() => {});
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on("close", resolve);
      parser.on("error", () => reject(new ApiProblem("bad_request", { detailKey: "api.detail.expectedMultipart" })));
      source.on("error", reject);
      source.pipe(parser);
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const settled = await Promise.all(pending).catch(async (error: unknown) => {
    await cleanUp();
    throw error;
  });
  const noSpace = settled.find((entry): entry is { noSpace: string; fileName: string } => "noSpace" in entry);
  if (noSpace) {
    await cleanUp();
    throw new ApiProblem("insufficient_storage", {
      detailKey: "api.detail.storageFull",
      issues: [{ field: noSpace.noSpace, code: "insufficient_storage", messageKey: "uploads.error.noSpace", params: { fileName: noSpace.fileName } }],
    });
  }
  const tooLarge = settled.find((entry): entry is { tooLarge: string; fileName: string } => "tooLarge" in entry);
  if (tooLarge || tooMany) {
    await cleanUp();
    if (tooLarge) {
      const max = Math.floor(maxFileBytes / (1024 * 1024)) || 1;
      throw new ApiProblem("too_large", {
        detailKey: "uploads.error.size",
        params: { fileName: tooLarge.fileName, max },
        issues: [{ field: tooLarge.tooLarge, code: "too_large", messageKey: "uploads.error.size", params: { fileName: tooLarge.fileName, max } }],
      });
    }
    throw new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues: [{ field: "file", code: "too_many", messageKey: "uploads.error.tooMany", params: { max: maxFiles } }] });
  }
  return { fields, files: settled as ReceivedApiFile[] };
}
