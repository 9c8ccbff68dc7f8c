import type { DomainError } from "@accord/domain";
import type { z } from "zod";

export type AppErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid_transition"
  | "validation"
  | "conflict"
  | "rate_limited"
  | "token_invalid"
  | "token_expired";

export type MessageParams = Record<string, string | number>;

export interface AppErrorOptions {
  /** Catalogue key of the message shown to the user; defaults to `error.<code>`. */
  messageKey?: string;
  params?: MessageParams;
  /** Field name → message keys (e.g. `validation.required`), shown next to each field. */
  fieldErrors?: Record<string, string[]>;
  cause?: unknown;
}

/**
 * The one error type use cases throw. Apps map `code` to an HTTP status and
 * translate `messageKey` / `fieldErrors` (message keys, never sentences).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly messageKey: string;
  readonly params: MessageParams;
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const messageKey = options.messageKey ?? `error.${code}`;
    super(`${code}: ${messageKey}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fieldErrors = options.fieldErrors;
  }

  /**
   * A domain refusal as an AppError: an illegal move stays `invalid_transition` (the message says
   * why, from the domain's key: e.g. "domain.error.invalid_transition" with `from` and `command`),
   * a refused permission is `forbidden`, everything else is a validation error on its field.
   */
  static fromDomain(error: DomainError, formFields?: readonly string[]): AppError {
    const params: MessageParams = {};
    for (const [key, value] of Object.entries(error.params)) if (value !== null) params[key] = typeof value === "boolean" ? String(value) : value;
    if (error.code === "forbidden") return new AppError("forbidden");
    // A refusal that names one of the form's fields (`formFields`) shows beside it, whatever its code.
    if (error.field && formFields?.includes(error.field)) return new AppError("validation", { messageKey: error.messageKey, params, fieldErrors: { [error.field]: [error.messageKey] } });
    const code: AppErrorCode = error.code === "invalid_transition" || error.code === "guard_failed" ? "invalid_transition" : "validation";
    return new AppError(code, {
      messageKey: error.messageKey,
      params,
      fieldErrors: code === "validation" && error.field ? { [error.field]: [error.messageKey] } : undefined,
    });
  }

  /** A failed zod parse, as a validation error carrying the schema's message keys per field. */
  static fromZod(error: z.ZodError): AppError {
    const fieldErrors: Record<string, string[]> = {};
    const formErrors: string[] = [];
    for (const issue of error.issues) {
      const field = issue.path.map(String).join(".");
      if (field === "") formErrors.push(issue.message);
      else (fieldErrors[field] ??= []).push(issue.message);
    }
    return new AppError("validation", { messageKey: formErrors[0] ?? "error.validation", fieldErrors });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * THE one parse of an input outside a form (API, imports, worker, tests): the schema's output, or an
 * `AppError("validation")` with the schema's message keys per field. Use cases take the parsed value
 * and never parse it again; forms are parsed by `@accord/web`'s `parseForm`.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw, { error: zodMessageKeys });
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  return parsed.data;
}

/**
 * The message key of a zod issue whose schema gave no message of its own: zod's English defaults
 * ("Invalid input: expected string, received array") never reach a user. Every entry point parses with it.
 */
export const zodMessageKeys: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type") return issue.input === undefined || issue.input === "" ? "validation.required" : "validation.invalid";
  if (issue.code === "too_big" && issue.origin === "string") return "validation.tooLong";
  if (issue.code === "too_small" && issue.origin === "string") return "validation.tooShort";
  return "validation.invalid";
};
