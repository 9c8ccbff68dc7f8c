import { AppError, type AppErrorCode } from "@accord/core";
import { data } from "react-router";
import { translateKey } from "@accord/ui/locales";
import type { Translate } from "./i18n";

/** The one map from a use case's error to an HTTP status, for this app. */
const statusByCode: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_transition: 409,
  validation: 400,
  conflict: 409,
  rate_limited: 429,
  token_invalid: 400,
  token_expired: 400,
};

export interface DescribedError {
  code: AppErrorCode;
  status: number;
  /** Translated, for the page. */
  message: string;
  /** Translated messages per form field. */
  fieldErrors: Record<string, string[]>;
}

/** An AppError as an HTTP status and translated messages; anything else is rethrown (a bug, or a redirect). */
export function describeError(error: unknown, t: Translate): DescribedError {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(error.fieldErrors ?? {})) {
    fieldErrors[field] = keys.map((key) => translateKey(t, key, error.params));
  }
  return { code: error.code, status: statusByCode[error.code], message: translateKey(t, error.messageKey, error.params), fieldErrors };
}

/**
 * For loaders: an AppError becomes an error response carrying its translated message (the root
 * ErrorBoundary shows it). `forbidden` answers 404 like `not_found`: a page never reveals that
 * something exists to someone who may not see it.
 */
export function throwAsResponse(error: unknown, t: Translate): never {
  const described = describeError(error, t);
  if (described.code === "forbidden" || described.code === "not_found") notFound();
  throw data(described.message, { status: described.status });
}

/** The page does not exist (for this user). */
export function notFound(): never {
  throw data(null, { status: 404 });
}
