import { AppError, StoreFullError, type AppErrorCode } from "@accord/core";
import { isDatabaseUnavailable } from "@accord/db";
import type { ApiTranslate } from "./i18n";

/** One invalid field: its JSON path in the request (`lines[0].contestedQuantity`), a stable code, a translated message. */
export interface FieldProblem {
  field: string;
  /** A CSV import's row (ADR 0038). */
  line?: number;
  code: string;
  message: string;
}

/** The stable kinds of problem (the `type` URI ends with it; the title is `api.title.<kind>`). */
export type ProblemKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "validation"
  | "too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "idempotency_in_progress"
  | "idempotency_mismatch"
  | "server_error"
  | "unavailable"
  | "insufficient_storage";

const STATUS: Record<ProblemKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  validation: 422,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  idempotency_in_progress: 409,
  idempotency_mismatch: 422,
  server_error: 500,
  unavailable: 503,
  // The file store's disk is full (RFC 4918): not the client's fault, nor a crash of ours.
  insufficient_storage: 507,
};

/** A field error before translation: its path, its code, and the catalogue key of its message. */
export interface FieldIssue {
  field: string;
  /** A CSV import's row (the spreadsheet's, header = 1). */
  line?: number;
  code: string;
  messageKey: string;
  params?: Record<string, unknown>;
}

/** An answer in application/problem+json (RFC 9457), thrown anywhere in the API and answered by the handler. */
export class ApiProblem extends Error {
  readonly kind: ProblemKind;
  readonly detailKey: string;
  readonly params: Record<string, unknown>;
  readonly issues: FieldIssue[];
  readonly headers: Record<string, string>;
  constructor(kind: ProblemKind, options: { detailKey: string; params?: Record<string, unknown>; issues?: FieldIssue[]; headers?: Record<string, string> }) {
    super(`${kind}: ${options.detailKey}`);
    this.kind = kind;
    this.detailKey = options.detailKey;
    this.params = options.params ?? {};
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
  get status(): number {
    return STATUS[this.kind];
  }
}

export const PROBLEM_TYPE_BASE = "https://accord.example/problems/";

export function problemBody(problem: ApiProblem, t: ApiTranslate) {
  return {
    type: `${PROBLEM_TYPE_BASE}${problem.kind.replaceAll("_", "-")}`,
    title: t(`api.title.${problem.kind}`),
    status: problem.status,
    detail: t(problem.detailKey, problem.params),
    ...(problem.issues.length > 0
      ? { errors: problem.issues.map(
            (issue): FieldProblem => ({ field: issue.field, ...(issue.line !== undefined ? { line: issue.line } : {}), code: issue.code, message: t(issue.messageKey, issue.params) }),
          ) }
      : {}),
  };
}

export function problemResponse(problem: ApiProblem, t: ApiTranslate, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(problem, t)), {
    status: problem.status,
    headers: { "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store", ...headers, ...problem.headers },
  });
}

const KIND_OF_CODE: Record<AppErrorCode, ProblemKind> = {
  not_found: "not_found",
  // Use cases look a resource up in the actor's scope first (not found before forbidden), so a 403
  // only ever concerns what the key's user may read: say it is not allowed (ADR 0039).
  forbidden: "forbidden",
  invalid_transition: "conflict",
  validation: "validation",
  conflict: "conflict",
  rate_limited: "rate_limited",
  token_invalid: "validation",
  token_expired: "validation",
};

/** A stable code from a message key: its last segment (`claim.error.line_twice` → `line_twice`). */
export function codeOfKey(key: string): string {
  return key.split(".").at(-1) ?? key;
}

/**
 * A use case's AppError as a problem: its field errors renamed from the use case's field names to
 * the API body's paths (`rename`), its message as the detail.
 */
export function problemFromAppError(error: AppError, rename: (field: string) => string = (field) => field): ApiProblem {
  if (error.code === "forbidden") return new ApiProblem("forbidden", { detailKey: "error.forbidden" });
  const kind = KIND_OF_CODE[error.code];
  const issues: FieldIssue[] = [];
  for (const [field, keys] of Object.entries(error.fieldErrors ?? {})) {
    for (const key of keys) issues.push({ field: rename(field), code: codeOfKey(key), messageKey: key, params: error.params });
  }
  if (kind === "not_found") return new ApiProblem("not_found", { detailKey: "api.detail.notFound" });
  if (kind === "validation" && issues.length > 0) return new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues });
  return new ApiProblem(kind, { detailKey: error.messageKey, params: error.params, issues });
}

/** Anything thrown while answering, as a problem: ours as it is, a use case's translated, the database down 503, the rest 500. */
export function toProblem(error: unknown, rename?: (field: string) => string): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof AppError) return problemFromAppError(error, rename);
  if (isDatabaseUnavailable(error)) return new ApiProblem("unavailable", { detailKey: "api.detail.unavailable", headers: { "Retry-After": "5" } });
  if (error instanceof StoreFullError) return new ApiProblem("insufficient_storage", { detailKey: "api.detail.storageFull" });
  console.error("API: unexpected error", error);
  return new ApiProblem("server_error", { detailKey: "api.detail.serverError" });
}
