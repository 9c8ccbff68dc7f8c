import { AppError, type AppErrorCode } from "@accord/core";
import { isDatabaseUnavailable } from "@accord/db";
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

/**
 * An AppError as an HTTP status and translated messages. The database out of reach becomes a 503
 * response (« momentanément indisponible », Retry-After); anything else is rethrown (a bug, or a redirect).
 */
export function describeError(error: unknown, t: Translate): DescribedError {
  if (!(error instanceof AppError)) throwIfUnavailable(error, t);
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

/** Seconds a client should wait before trying again while the database is out of reach. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached (down, restarting, connection lost): answer 503 with Retry-After
 * and a translated message instead of a 500, so that users, probes and load balancers know it is
 * temporary. Without a translator at hand the error page says « momentanément indisponible » for a
 * 503 by itself. Anything else is rethrown as it is.
 */
export function throwIfUnavailable(error: unknown, t?: Translate): never {
  if (isDatabaseUnavailable(error)) {
    logUnavailable(error);
    throw data(t ? t("errorPage.unavailable") : null, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
  }
  throw error;
}

/** One line per refused request, for whoever watches the logs (the cause, not the stack). */
function logUnavailable(error: unknown): void {
  const codes: string[] = [];
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    codes.push([code, message].filter((part) => typeof part === "string").join(" "));
  }
  console.warn(`base de données injoignable / database unreachable (503): ${codes.join(" ← ")}`);
}
