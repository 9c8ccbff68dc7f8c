/**
 * The server's gate for submitted bodies (server.ts, before React Router; ADR 0016): a body that
 * changes something is read, bounded and checked (form-limits.ts) BEFORE any route sees it, so no
 * action ever parses a body it would choke on:
 *
 * - a form (`application/x-www-form-urlencoded`) is read into memory up to FORM_LIMITS.maxBytes (413
 *   beyond), its fields checked (count, index bound, NUL bytes: 400 naming the field);
 * - a multipart body is copied to a temporary file while busboy checks its text fields the same way
 *   and that it is complete (a cut-off body is a 400, not a 500 in the action); files are skipped
 *   here (the action streams them again from the copy) and a visitor (no session cookie) may send
 *   none. The copy is bounded: maxFiles × maxFileBytes plus the text;
 * - any other body (JSON, XML, …) is refused with a 400: no page takes one;
 * - a NUL byte in the URL (`?q=%00`) is refused with a 400 naming the parameter, whatever the method;
 * - a post without a body is an empty form.
 *
 * The checked body is handed to React Router from memory or from the copy (`replayBody`), which is
 * removed when the response ends. Refusals are plain text in both languages (the reader's language
 * is not known yet) and never echo what was sent.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { IncomingMessage, ServerResponse } from "node:http";
import busboy from "busboy";
import { checkFormEntries, checkFormField, FORM_LIMITS, formProblemStatus, formProblemText, type FormProblem } from "./form-limits";

const replayKey = Symbol.for("accord.web.replayBody");
type Replay = { buffer: Buffer } | { file: string };
type GatedRequest = IncomingMessage & { [replayKey]?: Replay };

/** The body React Router must read instead of the socket's stream (null: read the request itself). */
export function replayBody(req: IncomingMessage): Readable | null {
  const replay = (req as GatedRequest)[replayKey];
  if (!replay) return null;
  return "buffer" in replay ? Readable.from([replay.buffer]) : createReadStream(replay.file);
}

export interface FormGateOptions {
  /** The session cookie's names (see SessionCookie.names): a post without one is a visitor's. */
  sessionCookieNames: readonly string[];
  maxFileBytes: number;
  maxFiles: number;
  /** Where multipart copies are written (default: the system's temporary directory). */
  tempDir?: string;
  /** Requests already read by an earlier middleware (the upload pre-parse). */
  skip?: (req: IncomingMessage) => boolean;
}

class Refusal extends Error {
  readonly problem: FormProblem;
  constructor(problem: FormProblem) {
    super(problem.code);
    this.problem = problem;
  }
}

function refuse(res: ServerResponse, problem: FormProblem): void {
  res.statusCode = formProblemStatus(problem);
  // The rest of the body is not read: the connection is closed after the answer.
  res.setHeader("Connection", "close");
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(formProblemText(problem));
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Reads the whole body into memory, refusing it once it passes `maxBytes`. */
function readBounded(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off("data", onData);
        req.pause();
        reject(new Refusal({ code: "too_large" }));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

/** Copies a multipart body to `file` while busboy checks its fields and its completeness. */
function spoolMultipart(req: IncomingMessage, file: string, options: { maxBytes: number; maxFiles: number; maxFileBytes: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe();
      req.pause();
      out.destroy();
      reject(error);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers as Record<string, string>,
        defParamCharset: "utf8",
        limits: { fields: FORM_LIMITS.maxFields, fieldSize: FORM_LIMITS.maxBytes, files: options.maxFiles, fileSize: options.maxFileBytes + 1 },
      });
    } catch {
      // No boundary, or not multipart after all.
      reject(new Refusal({ code: "malformed" }));
      return;
    }
    const out = createWriteStream(file, { flags: "wx" });
    let textBytes = 0;
    parser.on("field", (name, value, info) => {
      textBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (info.valueTruncated || info.nameTruncated || textBytes > FORM_LIMITS.maxBytes) return fail(new Refusal({ code: "too_large" }));
      const problem = checkFormField(name, value);
      if (problem) fail(new Refusal(problem));
    });
    parser.on("fieldsLimit", () => fail(new Refusal({ code: "too_many_fields" })));
    // Files are read by the action, from the copy; here they only pass by.
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", () => fail(new Refusal({ code: "malformed" })));
    out.on("error", fail);
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > options.maxBytes) return fail(new Refusal({ code: "too_large" }));
      if (!out.write(chunk)) {
        req.pause();
        out.once("drain", () => req.resume());
      }
      parser.write(chunk);
    });
    req.once("error", fail);
    req.once("end", () => {
      if (settled) return;
      let parsed = false;
      let written = false;
      const done = () => {
        if (parsed && written && !settled) {
          settled = true;
          resolve();
        }
      };
      parser.once("close", () => {
        parsed = true;
        done();
      });
      out.end(() => {
        written = true;
        done();
      });
      parser.end();
    });
  });
}

/** A NUL byte in the URL's path or in a query parameter (`?q=%00`): no page takes one, PostgreSQL fails on it. */
export function checkUrl(rawUrl: string): FormProblem | null {
  const url = new URL(rawUrl, "http://accord.invalid");
  let pathname = url.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // An undecodable path is the router's 404, not ours.
  }
  if (pathname.includes("\0")) return { code: "nul_byte", field: "URL" };
  for (const [name, value] of url.searchParams) {
    if (name.includes("\0") || value.includes("\0")) return checkFormField(name, value);
  }
  return null;
}

/** The gate as express middleware (see the top of this file). */
export function formGate(options: FormGateOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    const urlProblem = checkUrl(req.url ?? "/");
    if (urlProblem) return refuse(res, urlProblem);
    const method = (req.method ?? "GET").toUpperCase();
    if (method === "GET" || method === "HEAD" || options.skip?.(req)) return next();
    if (!hasBody(req)) {
      // A post without a body is an empty form (an action reading it would otherwise fail on its content type).
      req.headers["content-type"] = "application/x-www-form-urlencoded";
      (req as GatedRequest)[replayKey] = { buffer: Buffer.alloc(0) };
      return next();
    }
    const type = mediaType(req);
    const onRefusal = (error: unknown) => {
      if (error instanceof Refusal) refuse(res, error.problem);
      else next(error);
    };

    if (type === "application/x-www-form-urlencoded") {
      readBounded(req, FORM_LIMITS.maxBytes).then((buffer) => {
        const problem = checkFormEntries(new URLSearchParams(buffer.toString("utf8")));
        if (problem) throw new Refusal(problem);
        (req as GatedRequest)[replayKey] = { buffer };
        next();
      }, onRefusal).catch(onRefusal);
      return;
    }

    if (type === "multipart/form-data") {
      const cookie = req.headers.cookie;
      const signedIn = typeof cookie === "string" && options.sessionCookieNames.some((name) => cookie.includes(`${name}=`));
      const maxFiles = signedIn ? options.maxFiles : 0;
      // Room for each part's headers and boundaries besides the bytes of the files and the text.
      const maxBytes = maxFiles * (options.maxFileBytes + 64 * 1024) + 2 * FORM_LIMITS.maxBytes;
      const file = path.join(options.tempDir ?? tmpdir(), `accord-form-${randomUUID()}`);
      const removeCopy = () => void rm(file, { force: true }).catch(() => {});
      res.once("close", removeCopy);
      spoolMultipart(req, file, { maxBytes, maxFiles, maxFileBytes: options.maxFileBytes }).then(() => {
        (req as GatedRequest)[replayKey] = { file };
        next();
      }, onRefusal);
      return;
    }

    refuse(res, { code: "unsupported_type" });
  };
}
