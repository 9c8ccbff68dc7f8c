import { createReadStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parse as parseCsv } from "csv-parse/sync";
import { fileTypeFromStream } from "file-type";
import PostalMime from "postal-mime";

/**
 * The type of an uploaded file, read from its content, never from the browser's claim: magic bytes
 * (file-type) for binary formats, and for text formats a parse (valid UTF-8; a CSV that csv-parse
 * reads; an e-mail whose headers postal-mime finds). The extension of the given name must agree with
 * the content: a `.pdf` that is really a PNG, or really text, is refused. Formats that cannot be told
 * from their content (e.g. Outlook `.msg`, a generic compound file) are refused.
 */
export type DetectedType = { ok: true; contentType: string; extension: string } | { ok: false };

/** Accepted extensions, and the file-type extension their content must show. */
const BINARY: Readonly<Record<string, readonly string[]>> = {
  pdf: ["pdf"],
  jpg: ["jpg"],
  jpeg: ["jpg"],
  png: ["png"],
  gif: ["gif"],
  webp: ["webp"],
  heic: ["heic"],
  heif: ["heic"],
  tif: ["tif"],
  tiff: ["tif"],
  docx: ["docx"],
  xlsx: ["xlsx"],
  odt: ["odt"],
  ods: ["ods"],
};

const TEXT: Readonly<Record<string, string>> = {
  txt: "text/plain",
  csv: "text/csv",
  eml: "message/rfc822",
};

/** Every extension an upload may have (for the file input's `accept`). */
export const ACCEPTED_EXTENSIONS: readonly string[] = [...Object.keys(BINARY), ...Object.keys(TEXT)];

/** How much of a text file is parsed (the UTF-8 check reads it all). */
export const TEXT_SAMPLE_BYTES = 1024 * 1024;

export function extensionOf(fileName: string): string {
  // Browsers may send "C:\fakepath\name.pdf": only the last segment counts, and only for its extension.
  const base = fileName.split(/[\\/]/).pop() ?? "";
  return path.extname(base).slice(1).toLowerCase();
}

/**
 * Where the content is read from: a local file, or a function opening a fresh stream of it (a file
 * store's temporary content, wherever the store keeps it). Each check opens its own stream and
 * reads only what it needs.
 */
export type ContentSource = string | (() => Promise<Readable>);

const opener = (source: ContentSource) => (typeof source === "string" ? async () => createReadStream(source) : source);

export async function detectContentType(source: ContentSource, fileName: string): Promise<DetectedType> {
  const open = opener(source);
  const extension = extensionOf(fileName);
  const binary = BINARY[extension];
  if (binary) {
    const stream = await open();
    try {
      // As a web stream: file-type's Node entry is not the one every bundler and test runner picks.
      const detected = await fileTypeFromStream(Readable.toWeb(stream) as WebReadableStream<Uint8Array>);
      return detected && binary.includes(detected.ext) ? { ok: true, contentType: detected.mime, extension } : { ok: false };
    } finally {
      stream.destroy();
    }
  }
  const textType = TEXT[extension];
  if (!textType) return { ok: false };
  if (!(await isUtf8Text(open))) return { ok: false };
  const sample = await readSample(open);
  if (extension === "csv" && !parsesAsCsv(sample)) return { ok: false };
  if (extension === "eml" && !(await parsesAsEmail(sample.bytes))) return { ok: false };
  return { ok: true, contentType: textType, extension };
}

/** Valid UTF-8 throughout (streamed) and no NUL byte: a text file, not a binary one renamed. */
async function isUtf8Text(open: () => Promise<Readable>): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of await open()) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function readSample(open: () => Promise<Readable>): Promise<{ bytes: Uint8Array; complete: boolean }> {
  // One byte more than the sample tells whether the file goes on past it.
  const buffer = Buffer.alloc(TEXT_SAMPLE_BYTES + 1);
  let bytesRead = 0;
  const stream = await open();
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      const taken = Math.min(bytes.length, buffer.length - bytesRead);
      bytes.copy(buffer, bytesRead, 0, taken);
      bytesRead += taken;
      if (bytesRead === buffer.length) break;
    }
  } finally {
    stream.destroy();
  }
  const complete = bytesRead <= TEXT_SAMPLE_BYTES;
  return { bytes: buffer.subarray(0, Math.min(bytesRead, TEXT_SAMPLE_BYTES)), complete };
}

function parsesAsCsv(sample: { bytes: Uint8Array; complete: boolean }): boolean {
  let text = new TextDecoder("utf-8").decode(sample.bytes);
  if (!sample.complete) {
    // A sample cut mid-record: keep whole lines only.
    const lastBreak = text.lastIndexOf("\n");
    if (lastBreak <= 0) return false;
    text = text.slice(0, lastBreak + 1);
  }
  if (text.trim() === "") return false;
  // French exports use ";" more often than ","; a CSV is valid when it parses with one of the usual separators.
  return [",", ";", "\t", "|"].some((delimiter) => {
    try {
      const rows = parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as unknown[];
      return rows.length > 0;
    } catch {
      return false;
    }
  });
}

const EMAIL_HEADERS = new Set(["from", "date", "message-id", "subject", "to", "received", "mime-version"]);

async function parsesAsEmail(bytes: Uint8Array): Promise<boolean> {
  // The header block must come first, then a blank line (or the end of a header-only message).
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 64 * 1024));
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  if (!/^[!-9;-~]+:/.test(firstLine)) return false;
  try {
    const email = await PostalMime.parse(bytes);
    const known = email.headers.filter((h) => EMAIL_HEADERS.has(h.key.toLowerCase()));
    return known.length >= 2 && email.headers.some((h) => ["from", "date"].includes(h.key.toLowerCase()));
  } catch {
    return false;
  }
}
