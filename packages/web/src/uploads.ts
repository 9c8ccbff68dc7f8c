/**
 * Evidence uploads for React Router actions: multipart bodies read with busboy and streamed to the
 * content-addressed store while hashed (never held whole in memory), then staged (see ADR 0009).
 *
 * A form with files (claim, reply, evidence-request answer, staff evidence) — works with and without
 * JavaScript (with it, EvidenceUploader from @accord/ui has already staged the files and the form
 * only carries `uploadIds`):
 *
 *   import { readFormWithUploads, translateRefusals } from "@accord/web/uploads";
 *
 *   export async function action(args: Route.ActionArgs) {
 *     const actor = await requireCustomer(args, "case:create");
 *     const db = args.context.get(dbContext);
 *     const t = translator(args.context);
 *     const { fields, uploadIds, uploads, refused } = await readFormWithUploads(args.request, { db, actor, now: new Date() });
 *     // `fields` holds the text fields, and every upload id under "uploadIds" (kept + new ones), so
 *     // `parseForm(fields, schema, t)` sees them; `uploadIds` is the same list.
 *     if (refused.length > 0) {
 *       // Refused files (type, size) are named with their reason; the staged ones are kept:
 *       return data({ ..., uploads, refused: translateRefusals(refused, t) }, { status: 400 });
 *     }
 *     ... the use case attaches `uploadIds` with attachStagedUploads in its transaction ...
 *     // on a validation error, return `uploads` too so <EvidenceUploader initialUploads={uploads}> keeps them.
 *   }
 *
 * `POST /uploads` (and `POST /uploads/:id/discard`) of each app are thin routes over
 * `uploadResponse` / `discardResponse` below.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  AppError,
  canUpload,
  openFileStore,
  discardStagedUpload,
  listStagedUploads,
  stageUpload,
  StoreFullError,
  type FileStore,
  type MessageParams,
} from "@accord/core";
import type { Actor } from "@accord/auth";
import { uploadLimitMegabytes } from "@accord/ui";
import type { Db } from "@accord/db";
import busboy from "busboy";
import { env } from "./env";
import { assertFormWithinLimits, checkFormField, FORM_LIMITS, formProblemStatus, formProblemText, type FormProblem } from "./form-limits";
import { translateKey } from "@accord/ui/locales";
import type { Translate } from "./i18n";

/** At most this many files in one request (a claim takes up to 20). */
export const DEFAULT_MAX_FILES = 20;

export type ReceivedFile =
  | { status: "received"; fieldName: string; fileName: string; tempKey: string; sha256: string; sizeBytes: number }
  | { status: "too_large"; fieldName: string; fileName: string; maxBytes: number }
  /** The store's disk was full (StoreFullError): nothing of the file was kept. */
  | { status: "no_space"; fieldName: string; fileName: string };

export interface MultipartForm {
  /** The text fields (files are not in it). */
  fields: FormData;
  files: ReceivedFile[];
  /** More files than `maxFiles` were sent: the extra ones were skipped. */
  tooManyFiles: boolean;
}

export interface UploadedFileSummary {
  id: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
}

export interface UploadRefusal {
  /** The name the user gave (empty for a refusal about the request as a whole). */
  fileName: string;
  messageKey: string;
  params: MessageParams;
}

let store: FileStore | undefined;

/** This process's file store (FILE_STORE_URL's bucket, else FILE_STORE_DIR, default `<repo>/.data/files`). */
export function fileStore(): FileStore {
  store ??= openFileStore(env().FILE_STORE);
  return store;
}

/** The largest file accepted (UPLOAD_MAX_BYTES, default 100 MiB). */
export function maxUploadBytes(): number {
  return env().UPLOAD_MAX_BYTES;
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * Reads a multipart body: text fields into a FormData, each file streamed to the store's temporary
 * area while its SHA-256 is computed (busboy honours backpressure: a slow disk slows the upload
 * instead of filling memory). A file over `maxFileBytes` is cut short and reported `too_large`
 * (nothing of it kept); an empty file input (no file chosen) is ignored. A body that is not
 * multipart is read as an ordinary form. On failure (e.g. the browser went away) every temporary file
 * is removed. The caller owns the received temporary files: stage them (stageUpload) or remove them.
 */
export async function readMultipartForm(
  request: Request,
  { store: target, maxFileBytes, maxFiles = DEFAULT_MAX_FILES }: { store?: FileStore; maxFileBytes?: number; maxFiles?: number } = {},
): Promise<MultipartForm> {
  const preparsed = takePreparsedForm(request);
  if (preparsed) return preparsed;
  if (!isMultipart(request) || !request.body) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw refusal({ code: "malformed" });
    }
    assertFormWithinLimits(form);
    const fields = new FormData();
    for (const [name, value] of form) if (typeof value === "string") fields.append(name, value);
    return { fields, files: [], tooManyFiles: false };
  }
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  try {
    return await parseMultipart(source, request.headers.get("content-type")!, {
      store: target ?? fileStore(),
      maxFileBytes: maxFileBytes ?? maxUploadBytes(),
      maxFiles,
    });
  } catch (error) {
    throw error instanceof FormRefused ? refusal(error.problem) : error;
  }
}

/** A body out of bounds or cut off (see form-limits.ts): refused before anything is staged. */
class FormRefused extends Error {
  readonly problem: FormProblem;
  constructor(problem: FormProblem) {
    super(problem.code);
    this.problem = problem;
  }
}

const refusal = (problem: FormProblem) =>
  new Response(formProblemText(problem), { status: formProblemStatus(problem), headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** busboy over a Node stream of a multipart body (see readMultipartForm). */
async function parseMultipart(
  source: Readable,
  contentType: string,
  { store: target, maxFileBytes, maxFiles }: { store: FileStore; maxFileBytes: number; maxFiles: number },
): Promise<MultipartForm> {
  const fields = new FormData();
  const pending: Promise<ReceivedFile | null>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  let tooManyFiles = false;
  let problem: FormProblem | null = null;
  let textBytes = 0;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
    headers: { "content-type": contentType },
    defParamCharset: "utf8",
    // Room for the socket to keep flowing while a file's previous chunk is being written.
    highWaterMark: 256 * 1024,
    fileHwm: 1024 * 1024,
    // One byte over the limit tells a file of exactly the limit from a larger one.
    limits: { fileSize: maxFileBytes + 1, files: maxFiles, fields: FORM_LIMITS.maxFields, fieldSize: FORM_LIMITS.maxBytes },
  });
  } catch {
    throw new FormRefused({ code: "malformed" }); // no boundary
  }
  parser.on("field", (name, value, info) => {
    if (problem) return;
    textBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (info.valueTruncated || info.nameTruncated || textBytes > FORM_LIMITS.maxBytes) problem = { code: "too_large" };
    else problem = checkFormField(name, value);
    if (!problem) fields.append(name, value);
  });
  parser.on("fieldsLimit", () => (problem ??= { code: "too_many_fields" }));
  parser.on("filesLimit", () => (tooManyFiles = true));
  parser.on("file", (fieldName, stream, info) => {
    const fileName = info.filename;
    if (!fileName) {
      // An empty <input type="file">: browsers send a part without a name and without content.
      stream.resume();
      return;
    }
    // One file written at a time, in the order sent: a later file never takes the disk space of an
    // earlier one still being written (on a nearly full disk, the files that fit are the first ones).
    const write = previous.then(() => target.writeTemp(stream, { maxBytes: maxFileBytes }));
    previous = write.catch(() => {});
    pending.push(
      write.then((result): ReceivedFile => {
        if (!result.ok) return { status: "too_large", fieldName, fileName, maxBytes: maxFileBytes };
        return { status: "received", fieldName, fileName, tempKey: result.tempKey, sha256: result.sha256, sizeBytes: result.sizeBytes };
      }).catch((error: unknown): ReceivedFile => {
        // A full disk: that file is gone and its stream drained; the uploader is told, not a 500.
        if (error instanceof StoreFullError) return { status: "no_space", fieldName, fileName };
        throw error;
      }),
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on("close", resolve);
      // A cut-off or malformed body (not the client going away: that is the source's error).
      parser.on("error", () => reject(new FormRefused({ code: "malformed" })));
      source.on("error", (error) => {
        parser.destroy(error);
        reject(error);
      });
      source.pipe(parser);
    });
  } catch (error) {
    source.unpipe(parser);
    await cleanUp(target, pending);
    throw error;
  }
  const settled = await Promise.allSettled(pending);
  const failure = settled.find((s) => s.status === "rejected");
  if (failure || problem) {
    await cleanUp(target, pending);
    if (problem) throw new FormRefused(problem);
    throw (failure as PromiseRejectedResult).reason;
  }
  const files = settled.map((s) => (s as PromiseFulfilledResult<ReceivedFile | null>).value).filter((f): f is ReceivedFile => f !== null);
  return { fields, files, tooManyFiles };
}

/**
 * Pre-parsed multipart bodies, by request. React Router hands actions a web `Request` whose body is a
 * copy of the Node request made chunk by chunk through a web stream: for a 100 MB file that costs
 * twice the garbage and half the speed. So the app server (server.ts) parses multipart bodies of
 * signed-in users at the Node level, before React Router (`preparseMultipart`), and the action finds
 * the result through a header set on the request; `readMultipartForm` takes it from there. The
 * registry is process-wide (Symbol.for), because the server and the app's build are separate module
 * instances of this file.
 */
const PREPARSED_HEADER = "x-accord-preparsed-form";
const registryKey = Symbol.for("accord.web.preparsedForms");
type Registry = Map<string, MultipartForm>;
function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [registryKey]?: Registry };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/** Whether `preparseMultipart` has read this (Node) request's body already. */
export function isPreparsed(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  return typeof req.headers[PREPARSED_HEADER] === "string";
}

function takePreparsedForm(request: Request): MultipartForm | null {
  const id = request.headers.get(PREPARSED_HEADER);
  if (!id) return null;
  const form = registry().get(id) ?? null;
  registry().delete(id);
  return form;
}

/** The Node side of an express request, as the pre-parse needs it. */
interface NodeRequest extends Readable {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface NodeResponse {
  once(event: "close", listener: () => void): unknown;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

/**
 * Express middleware (server.ts): parses the multipart body of a signed-in user's POST to one of
 * `paths` (POST /uploads, where the uploader sends every file with JavaScript) at the Node level (busboy straight on the socket's stream: flat memory, full speed), then lets React Router
 * handle the request, whose action reads the result with `readMultipartForm`. A visitor's body is
 * not read (the route sends them to sign in). Whatever the action did, the temporary files left when
 * the response ends are removed.
 */
export function preparseMultipart(options: {
  /** The session cookie's names (see SessionCookie.names). */
  sessionCookieNames: readonly string[];
  /**
   * The paths whose actions read their body with readMultipartForm / readFormWithUploads (and nothing
   * else: once pre-parsed, the body React Router sees never ends).
   */
  paths: readonly string[];
  store?: FileStore;
  maxFileBytes?: number;
  maxFiles?: number;
}) {
  const paths = new Set(options.paths);
  return (req: NodeRequest, res: NodeResponse, next: (error?: unknown) => void) => {
    delete req.headers[PREPARSED_HEADER]; // never the client's
    const contentType = req.headers["content-type"];
    const cookie = req.headers.cookie;
    if (
      req.method !== "POST" ||
      !paths.has(new URL(req.url ?? "/", "http://localhost").pathname) ||
      typeof contentType !== "string" ||
      !contentType.toLowerCase().startsWith("multipart/form-data") ||
      typeof cookie !== "string" ||
      !options.sessionCookieNames.some((name) => cookie.includes(`${name}=`))
    ) {
      return next();
    }
    const target = options.store ?? fileStore();
    parseMultipart(req, contentType, {
      store: target,
      maxFileBytes: options.maxFileBytes ?? maxUploadBytes(),
      maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
    }).then(
      (form) => {
        const id = randomUUID();
        registry().set(id, form);
        req.headers[PREPARSED_HEADER] = id;
        res.once("close", () => {
          registry().delete(id);
          for (const file of form.files) if (file.status === "received") void target.removeTemp(file.tempKey).catch(() => {});
        });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof FormRefused)) return next(error);
        res.statusCode = formProblemStatus(error.problem);
        res.setHeader("Connection", "close");
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.end(formProblemText(error.problem));
      },
    );
  };
}

async function cleanUp(target: FileStore, pending: Promise<ReceivedFile | null>[]): Promise<void> {
  const settled = await Promise.allSettled(pending);
  for (const entry of settled) {
    if (entry.status === "fulfilled" && entry.value?.status === "received") await target.removeTemp(entry.value.tempKey).catch(() => {});
  }
}

export interface FormWithUploads {
  /** The text fields, with every upload id (kept and new) under the ids field ("uploadIds"). */
  fields: FormData;
  /** Every upload id of the form: the ones it carried (staged earlier) and the ones staged now. */
  uploadIds: string[];
  /** The actor's live staged uploads among them (to re-render the uploader after a refused submission). */
  uploads: UploadedFileSummary[];
  /** Files refused now (type, size, empty, too many), each with its reason; the others are kept. */
  refused: UploadRefusal[];
}

/**
 * Reads a form that may carry files (without JavaScript) and/or ids of files staged before (with it),
 * and stages every received file for `actor` (stageUpload: type checked by content). A refused file
 * is listed with its reason and the others are kept. Forbidden (a viewer) is thrown as an AppError.
 */
export async function readFormWithUploads(
  request: Request,
  options: {
    db: Db;
    actor: Actor;
    now: Date;
    store?: FileStore;
    maxFileBytes?: number;
    maxFiles?: number;
    /** Name of the ids field (default "uploadIds"). */
    idsField?: string;
  },
): Promise<FormWithUploads> {
  const target = options.store ?? fileStore();
  const idsField = options.idsField ?? "uploadIds";
  const form = await readMultipartForm(request, { store: target, maxFileBytes: options.maxFileBytes, maxFiles: options.maxFiles });
  const received = form.files.filter((f) => f.status === "received");
  if (received.length > 0 && !canUpload(options.actor)) {
    for (const file of received) await target.removeTemp(file.tempKey).catch(() => {});
    throw new AppError("forbidden");
  }
  const { staged, refused } = await stageReceived(form, { db: options.db, actor: options.actor, now: options.now, store: target });
  const kept = form.fields.getAll(idsField).filter((v): v is string => typeof v === "string" && v !== "");
  const uploadIds = [...new Set([...kept, ...staged.map((s) => s.id)])];
  form.fields.delete(idsField);
  for (const id of uploadIds) form.fields.append(idsField, id);
  const uploads = await listStagedUploads({ db: options.db, actor: options.actor, uploadIds, now: options.now });
  return { fields: form.fields, uploadIds, uploads, refused };
}

const NO_SPACE = "uploads.error.noSpace";

async function stageReceived(
  form: MultipartForm,
  options: { db: Db; actor: Actor; now: Date; store: FileStore },
): Promise<{ staged: UploadedFileSummary[]; refused: UploadRefusal[] }> {
  const staged: UploadedFileSummary[] = [];
  const refused: UploadRefusal[] = [];
  const files = [...form.files];
  try {
    while (files.length > 0) {
      const file = files.shift()!;
      if (file.status === "too_large") {
        refused.push({ fileName: file.fileName, messageKey: "uploads.error.size", params: { fileName: file.fileName, max: String(uploadLimitMegabytes(file.maxBytes)) } });
        continue;
      }
      if (file.status === "no_space") {
        refused.push({ fileName: file.fileName, messageKey: NO_SPACE, params: { fileName: file.fileName } });
        continue;
      }
      try {
        const upload = await stageUpload({
          db: options.db,
          actor: options.actor,
          input: { tempKey: file.tempKey, sha256: file.sha256, sizeBytes: file.sizeBytes, fileName: file.fileName },
          store: options.store,
          now: options.now,
        });
        staged.push({ id: upload.id, fileName: upload.fileName, sizeBytes: upload.sizeBytes, contentType: upload.contentType });
      } catch (error) {
        if (error instanceof StoreFullError) {
          refused.push({ fileName: file.fileName, messageKey: NO_SPACE, params: { fileName: file.fileName } });
          continue;
        }
        if (!(error instanceof AppError) || error.code !== "validation") throw error;
        refused.push({ fileName: file.fileName, messageKey: error.messageKey, params: { fileName: file.fileName, ...error.params } });
      }
    }
  } finally {
    // Whatever went wrong, no temporary file stays behind (stageUpload removes its own).
    for (const file of files) if (file.status === "received") await options.store.removeTemp(file.tempKey).catch(() => {});
  }
  if (form.tooManyFiles) refused.push({ fileName: "", messageKey: "uploads.error.tooMany", params: { max: DEFAULT_MAX_FILES } });
  return { staged, refused };
}

/** Refusals as the uploader shows them (`RefusedFile` of @accord/ui). */
export function translateRefusals(refused: readonly UploadRefusal[], t: Translate): { fileName: string; message: string }[] {
  return refused.map((r) => ({ fileName: r.fileName, message: translateKey(t, r.messageKey, r.params) }));
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * `POST /uploads` (resource route of each app): stages the files of a multipart body for the actor.
 * 200 `{ uploads: [{ id, fileName, sizeBytes, contentType }], refused: [{ fileName, message }] }`
 * (422 when every file was refused; 507 when nothing was staged because the store's disk is full), 400
 * `{ error, fieldErrors: { files } }` for a body that is not multipart,
 * 401 for a visitor, 404 for someone who may not upload.
 */
export async function uploadResponse(
  request: Request,
  {
    db,
    actor,
    t,
    now = new Date(),
    store: target,
    maxFileBytes,
  }: { db: Db; actor: Actor | null; t: Translate; now?: Date; store?: FileStore; maxFileBytes?: number },
): Promise<Response> {
  if (request.method !== "POST") return json({ error: t("error.not_found") }, 405);
  if (!actor) return json({ error: t("uploads.error.signedOut") }, 401);
  if (!canUpload(actor)) return json({ error: t("error.not_found") }, 404);
  // Not multipart: no file can be in it; the refusal names the field the files go in.
  if (!isMultipart(request)) return json({ error: t("uploads.error.noFiles"), fieldErrors: { files: [t("uploads.error.noFiles")] } }, 400);
  const store = target ?? fileStore();
  const form = await readMultipartForm(request, { store, maxFileBytes });
  const { staged, refused } = await stageReceived(form, { db, actor, now, store });
  const status = staged.length > 0 || refused.length === 0 ? 200 : refused.some((r) => r.messageKey === NO_SPACE) ? 507 : 422;
  return json({ uploads: staged, refused: translateRefusals(refused, t) }, status);
}

/** `POST /uploads/:id/discard`: the uploader takes one of their staged files back (204; 404 otherwise). */
export async function discardResponse(
  uploadId: string,
  { db, actor, t, store: target }: { db: Db; actor: Actor | null; t: Translate; store?: FileStore },
): Promise<Response> {
  if (!actor) return json({ error: t("uploads.error.signedOut") }, 401);
  try {
    await discardStagedUpload({ db, actor, input: { uploadId }, store: target ?? fileStore() });
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) return json({ error: t("error.not_found") }, 404);
    throw error;
  }
  return new Response(null, { status: 204 });
}
