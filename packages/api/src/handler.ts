import { createHash } from "node:crypto";
import { readBoundedBody } from "./bounded-body";
import { authenticateApiKey, claimIdempotencyKey, type FileStore, completeIdempotencyKey, consumeRateLimit, releaseIdempotencyKey, zodMessageKeys, type ApiPrincipal, type RateLimitState } from "@accord/core";
import type { Db } from "@accord/db";
import type { z } from "zod";
import { docsPage, docsScript } from "./docs";
import { createTranslator, defaultApiCatalogues, languageOf, type ApiCatalogues, type ApiTranslate } from "./i18n";
import type { AnyOperation, ApiConfig } from "./operation";
import { operations as defaultOperations } from "./operations";
import { buildOpenApiDocument } from "./openapi";
import { readMultipart, type ReceivedApiFile } from "./multipart";
import { ApiProblem, codeOfKey, problemResponse, toProblem, type FieldIssue } from "./problem";

export const API_PREFIX = "/api/v1";
/** A JSON body larger than this is refused (413) before it is parsed. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 120;
/** Files in one multipart request. */
export const MAX_FILES = 20;

export interface ApiHandlerOptions extends ApiConfig {
  db: Db;
  /** Requests per key and minute (env API_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  /** The app's catalogues (the portal's: its own keys too); default: shared + API strings. */
  catalogues?: ApiCatalogues;
  /** The operations served (default: all of operations/index.ts). */
  operations?: readonly AnyOperation[];
  /** Where uploaded files are streamed (the portal's evidence store). */
  store: FileStore;
  /** The largest file accepted (env UPLOAD_MAX_BYTES). */
  maxFileBytes: number;
  /** The clock (tests). */
  now?: () => Date;
}

export type ApiHandler = (request: Request) => Promise<Response>;

interface Route {
  operation: AnyOperation;
  pattern: RegExp;
  names: string[];
}

function compile(operation: AnyOperation): Route {
  const names: string[] = [];
  const source = operation.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_match, a: string | undefined, b: string | undefined) => {
    names.push((a ?? b)!);
    return "([^/]+)";
  });
  return { operation, pattern: new RegExp(`^${source}$`), names };
}

/**
 * The public API as one function of a web Request (React Router's catch-all route calls it; tests
 * call it directly). Every answer is JSON or problem+json; nothing reads a cookie.
 */
export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const ops = options.operations ?? defaultOperations;
  const routes = ops.map(compile);
  const translatorFor = createTranslator(options.catalogues ?? defaultApiCatalogues);
  const clock = options.now ?? (() => new Date());
  const limit = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  let openApi: string | null = null;

  return async (request) => {
    const t = translatorFor(languageOf(request));
    const url = new URL(request.url);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || "/" : url.pathname;
    let rateHeaders: Record<string, string> = {};
    let temporary: ReceivedApiFile[] = [];
    try {
      if (request.method === "GET" || request.method === "HEAD") {
        if (path === "/openapi.json") {
          openApi ??= JSON.stringify(buildOpenApiDocument(ops, { serverUrl: `${options.portalUrl.replace(/\/$/, "")}${API_PREFIX}` }));
          return new Response(openApi, { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" } });
        }
        if (path === "/docs") return docsPage();
        if (path === "/docs/scalar.js") return docsScript();
      }

      const candidates = routes.map((route) => ({ route, match: route.pattern.exec(path) })).filter((c) => c.match !== null);
      if (candidates.length === 0) throw new ApiProblem("not_found", { detailKey: "api.detail.notFound" });
      const found = candidates.find((c) => c.route.operation.method === request.method);
      if (!found) {
        throw new ApiProblem("method_not_allowed", {
          detailKey: "api.detail.methodNotAllowed",
          params: { method: request.method },
          headers: { Allow: [...new Set(candidates.map((c) => c.route.operation.method))].sort().join(", ") },
        });
      }
      const { operation } = found.route;
      const now = clock();

      const principal = await authenticate(options.db, request, now);
      if (operation.access === "imports" && principal.kind !== "integration") throw new ApiProblem("forbidden", { detailKey: "api.detail.customerKeyForImports" });
      if (operation.access === "customer" && principal.kind !== "customer") throw new ApiProblem("forbidden", { detailKey: "api.detail.importsOnly" });

      const rate = await consumeRateLimit({ db: options.db, principal: principal.principal, limit, now });
      rateHeaders = rateLimitHeaders(rate);
      if (!rate.allowed) {
        throw new ApiProblem("rate_limited", {
          detailKey: "api.detail.rateLimited",
          params: { limit, seconds: rate.resetSeconds },
          headers: { "Retry-After": String(rate.resetSeconds) },
        });
      }

      const rawParams: Record<string, string> = {};
      found.route.names.forEach((name, index) => {
        rawParams[name] = safeDecode(found.match![index + 1]!);
      });
      const params = operation.params ? parse(operation.params, rawParams, "") : rawParams;
      const query = operation.query ? parse(operation.query, Object.fromEntries(url.searchParams), "") : {};
      let rawBody: unknown = undefined;
      let body: unknown = undefined;
      let files: ReceivedApiFile[] = [];
      if (operation.body) {
        rawBody = await readJson(request);
        body = parse(operation.body.schema, rawBody, "");
      } else if (operation.multipart) {
        const form = await readMultipart(request, { store: options.store, maxFileBytes: options.maxFileBytes, maxFiles: MAX_FILES });
        files = form.files;
        temporary = files;
        body = parse(operation.multipart.schema, form.fields, "");
        // The same fields and the same bytes are the same request.
        rawBody = { fields: form.fields, files: files.map((file) => ({ field: file.fieldName, name: file.fileName, sha256: file.sha256 })) };
      } else if (operation.csv) {
        const bytes = await readCsvBody(request, operation.csv.maxBytes);
        body = bytes;
        // The same bytes (and file name) are the same request.
        rawBody = { csvSha256: createHash("sha256").update(bytes).digest("hex"), query: Object.fromEntries(url.searchParams) };
      }

      const context = {
        db: options.db,
        actor: principal.kind === "customer" ? principal.actor : null,
        principal,
        params,
        query,
        body,
        now,
        config: { portalUrl: options.portalUrl, backofficeUrl: options.backofficeUrl },
        idempotencyKey: null as string | null,
        files,
        store: options.store,
        userAgent: request.headers.get("user-agent"),
        url,
        t,
      };
      const run = async (): Promise<Response> => {
        try {
          const result = await operation.handle(context);
          return jsonResponse(result.body, result.status ?? operation.success.status, { ...result.headers, ...rateHeaders });
        } catch (error) {
          const problem = toProblem(error, operation.renameField);
          return problemResponse(problem, t, rateHeaders);
        }
      };
      if (request.method !== "POST") return await run();
      const idempotencyKey = request.headers.get("idempotency-key");
      if (idempotencyKey === null) return await run();
      if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) throw new ApiProblem("bad_request", { detailKey: "api.detail.idempotencyKeyInvalid" });
      context.idempotencyKey = idempotencyKey;
      return await withIdempotency(options.db, { principal, key: idempotencyKey, requestHash: requestHash(request.method, path, rawBody), now, rateHeaders }, run);
    } catch (error) {
      return problemResponse(toProblem(error), t, rateHeaders);
    } finally {
      // Files not staged by the operation (refused, or the request failed) leave nothing behind.
      for (const file of temporary) await options.store.removeTemp(file.tempKey).catch(() => {});
    }
  };
}

async function authenticate(db: Db, request: Request, now: Date): Promise<ApiPrincipal> {
  const authorization = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const challenge = { "WWW-Authenticate": 'Bearer realm="accord"' };
  if (!match) throw new ApiProblem("unauthorized", { detailKey: "api.detail.keyMissing", headers: challenge });
  const result = await authenticateApiKey({ db, key: match[1]!, now });
  if (result.ok) return result.principal;
  const detailKey = { key_invalid: "api.detail.keyInvalid", key_without_user: "api.detail.keyWithoutUser", acting_user_inactive: "api.detail.actingUserInactive" }[result.reason];
  throw new ApiProblem("unauthorized", { detailKey, headers: challenge });
}

function rateLimitHeaders(rate: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(rate.resetSeconds),
    "RateLimit-Policy": `${rate.limit};w=60`,
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A JSON path as the API documents fields: `lines[0].contestedQuantity`. */
export function jsonPath(path: readonly PropertyKey[], prefix = ""): string {
  return path.reduce<string>((name, segment) => (typeof segment === "number" ? `${name}[${segment}]` : name === "" ? String(segment) : `${name}.${String(segment)}`), prefix);
}

function parse<S extends z.ZodType>(schema: S, raw: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(raw, { error: zodMessageKeys });
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.flatMap((issue): FieldIssue[] => {
    // A misspelt field is named, not ignored (e.g. `claimedAmount` for `claimedAmountCents`).
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: jsonPath([...issue.path, key], prefix), code: "unknown_field", messageKey: "api.field.unknownField" }));
    }
    const messageKey = issue.message.includes(".") && !issue.message.includes(" ") ? issue.message : "validation.invalid";
    return [{ field: jsonPath(issue.path, prefix) || "body", code: codeOfKey(messageKey), messageKey }];
  });
  throw new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues });
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new ApiProblem("unsupported_media_type", { detailKey: "api.detail.expectedJson" });
  const body = await readBoundedBody(request, MAX_JSON_BODY_BYTES);
  if (body === null) throw new ApiProblem("too_large", { detailKey: "api.detail.bodyTooLarge", params: { max: MAX_JSON_BODY_BYTES / 1024 } });
  const text = body.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem("bad_request", { detailKey: "api.detail.invalidJson" });
  }
}

/** The CSV media types accepted as a raw body (spreadsheets and ERPs send either). */
const CSV_TYPES = /^(text\/csv|application\/csv|text\/plain|application\/vnd\.ms-excel)\b/i;

/**
 * A raw CSV body, read whole into a buffer bounded by `maxBytes` (an import holds at most that much
 * anyway): a declared or streamed size over it is a 413 without reading the rest; another media type a 415.
 */
async function readCsvBody(request: Request, maxBytes: number): Promise<Buffer> {
  const type = request.headers.get("content-type") ?? "";
  if (!CSV_TYPES.test(type)) throw new ApiProblem("unsupported_media_type", { detailKey: "api.detail.expectedCsv" });
  const body = await readBoundedBody(request, maxBytes);
  if (body === null) throw new ApiProblem("too_large", { detailKey: "api.detail.csvTooLarge", params: { max: Math.round(maxBytes / (1024 * 1024)) } });
  return body;
}

/** Canonical JSON (keys sorted), so the same body written in another key order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method} ${path}\n${canonical(body)}`).digest("hex");
}

function jsonResponse(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

/** Headers worth replaying with a stored answer (not the rate limit of the first request). */
const REPLAYED_HEADERS = ["content-type", "location"];

/**
 * Stripe's semantics: the first answer to a key is stored and replayed (`Idempotent-Replayed: true`)
 * for the same request; another request under the key is a 422, a duplicate while the first runs a
 * 409. A server error (5xx) releases the key: the client may retry with it. A run that died without
 * either (kill -9) holds the key only for its lease (ADR 0041): the same request then runs again.
 */
async function withIdempotency(
  db: Db,
  { principal, key, requestHash: hash, now, rateHeaders }: { principal: ApiPrincipal; key: string; requestHash: string; now: Date; rateHeaders: Record<string, string> },
  run: () => Promise<Response>,
): Promise<Response> {
  const claim = await claimIdempotencyKey({ db, principal: principal.principal, key, requestHash: hash, now });
  if (claim.state === "mismatch") throw new ApiProblem("idempotency_mismatch", { detailKey: "api.detail.idempotencyMismatch" });
  if (claim.state === "in_progress") throw new ApiProblem("idempotency_in_progress", { detailKey: "api.detail.idempotencyInProgress", headers: { "Retry-After": "1" } });
  if (claim.state === "replay") {
    return new Response(claim.response.body, { status: claim.response.status, headers: { ...claim.response.headers, ...rateHeaders, "Cache-Control": "no-store", "Idempotent-Replayed": "true" } });
  }
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey({ db, principal: principal.principal, key, claimedAt: now });
    throw error;
  }
  if (response.status >= 500) {
    await releaseIdempotencyKey({ db, principal: principal.principal, key, claimedAt: now });
    return response;
  }
  const body = await response.text();
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  await completeIdempotencyKey({ db, principal: principal.principal, key, response: { status: response.status, headers, body }, now, claimedAt: now });
  return new Response(body, { status: response.status, headers: response.headers });
}

export type { ApiTranslate };
