import { Readable } from "node:stream";

/**
 * `Content-Disposition: attachment` for a stored file name: an ASCII fallback (`filename`, with
 * quotes, backslashes, control and non-ASCII characters replaced) and the exact name in RFC 6266 /
 * RFC 5987 `filename*` (UTF-8, percent-encoded), so no name can break the header or inject another.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_").trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** An evidence file as a download: streamed, never sniffed as another type, never cached by a shared cache. */
export function evidenceDownload(file: { stream: Readable; contentType: string; sizeBytes: number; fileName: string }): Response {
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
