/**
 * What an answer of the e-mail provider means for the outbox (pure; ADR 0033):
 * - 2xx: delivered (handed over);
 * - 429, 5xx, no answer (network error, timeout): transient, retried with exponential backoff and
 *   jitter, a 429's `Retry-After` (seconds or an HTTP date) honoured;
 * - any other 4xx (422 invalid address, 403 domain not verified, 400…): permanent, never retried,
 *   the e-mail is marked undelivered with the reason.
 */
export type SendOutcome =
  | { kind: "delivered" }
  | { kind: "transient"; reason: string; retryAfterMs: number | null }
  | { kind: "permanent"; reason: string };

export interface ProviderAnswer {
  /** HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  /** The provider's message (kept as the reason). */
  message: string;
  /** The `Retry-After` header, when there was one. */
  retryAfter?: string | null | undefined;
}

export function classifyProviderAnswer(answer: ProviderAnswer, now: Date): SendOutcome {
  const { status, message } = answer;
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  const reason = status === null ? `no answer: ${message}` : `${status}: ${message}`;
  if (status === null || status === 408 || status === 429 || status >= 500 || status < 200 || (status >= 300 && status < 400)) {
    return { kind: "transient", reason, retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(answer.retryAfter, now) : null };
  }
  return { kind: "permanent", reason };
}

/**
 * `Retry-After` as milliseconds from `now`: a number of seconds, or an HTTP date (past → 0).
 * Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10) * 1000;
  // An HTTP date names its weekday and month in letters; refuse anything else Date.parse would guess at.
  if (!/[A-Za-z]{3},?\s/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

export interface RetryPolicy {
  /** Attempts in all (the first one included); the last failure is final. */
  maxAttempts: number;
  /** Delay before the second attempt; doubled at each attempt after it. */
  baseDelayMs: number;
  /** No backoff delay is longer than this (a `Retry-After` above it is capped too). */
  maxDelayMs: number;
}

/** Ten attempts over about five hours: 30 s, 1 min, 2 min… capped at one hour. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

/**
 * The delay before the next attempt, after `attempts` failed ones (≥ 1): base × 2^(attempts−1),
 * capped, then jittered into [½, 1] of it ("equal jitter", so outages do not make every e-mail come
 * back at the same instant). A `Retry-After` is a floor: never earlier than the provider asked
 * (within `maxDelayMs`). `random` ∈ [0, 1).
 */
export function retryDelayMs(attempts: number, retryAfterMs: number | null, policy: RetryPolicy, random: number): number {
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jittered = Math.round(backoff / 2 + (backoff / 2) * Math.min(Math.max(random, 0), 1));
  const floor = retryAfterMs === null ? 0 : Math.min(retryAfterMs, policy.maxDelayMs);
  return Math.max(jittered, floor);
}

/** Whether a failure after `attempts` attempts ends the e-mail's delivery. */
export function isFinalAttempt(attempts: number, policy: RetryPolicy): boolean {
  return attempts >= policy.maxAttempts;
}
