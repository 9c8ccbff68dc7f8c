/**
 * Whether `error` says the database cannot be reached right now (it is down, restarting, or the
 * connection dropped), as opposed to a query that failed: the caller answers 503 and the request may
 * be tried again. Looks through wrapping errors (drizzle's DrizzleQueryError keeps the driver's error
 * as `cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  // postgres.js: the connection could not be made or ended under the query
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // Node's socket errors
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  // PostgreSQL: the server is shutting down or starting (class 08 = connection exception, above)
  "57P01",
  "57P02",
  "57P03",
]);
