import { apiRateLimits, type Db } from "@accord/db";
import { sql } from "drizzle-orm";

/** The rate limit counts requests per minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitState {
  limit: number;
  /** Requests left in this window after this one (0 when refused). */
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
  allowed: boolean;
}

/**
 * Counts one request of `principal` in the current minute (a fixed window, in PostgreSQL so that
 * every instance shares the bound): one upsert, atomic under concurrency.
 */
export async function consumeRateLimit({ db, principal, limit, now }: { db: Db; principal: string; limit: number; now: Date }): Promise<RateLimitState> {
  const windowStart = new Date(Math.floor(now.getTime() / RATE_LIMIT_WINDOW_MS) * RATE_LIMIT_WINDOW_MS);
  const [row] = await db
    .insert(apiRateLimits)
    .values({ principal, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRateLimits.principal, apiRateLimits.windowStart], set: { count: sql`${apiRateLimits.count} + 1` } })
    .returning({ count: apiRateLimits.count });
  const count = row!.count;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + RATE_LIMIT_WINDOW_MS - now.getTime()) / 1000));
  return { limit, remaining: Math.max(0, limit - count), resetSeconds, allowed: count <= limit };
}
