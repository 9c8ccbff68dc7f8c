import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, tstz } from "./common";

/**
 * Idempotency keys of the public API (ADR 0034), Stripe's semantics: the first response to a
 * principal's POST with a given `Idempotency-Key` is kept 24 h and sent again for the same request;
 * another request under the same key is refused. `principal` is the key that called
 * (`api_key:<id>` or `integration_key:<id>`), so two companies never share a key space.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    id: id(),
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    /** SHA-256 of the method, the path and the body as parsed: another request under the same key is a 422. */
    requestHash: text("request_hash").notNull(),
    /** "running" while the first request is being handled (a concurrent duplicate is a 409), then "done". */
    state: text("state").$type<"running" | "done">().notNull().default("running"),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    createdAt: createdAt(),
    completedAt: tstz("completed_at"),
  },
  (t) => [
    uniqueIndex("api_idempotency_keys_principal_key").on(t.principal, t.key),
    index("api_idempotency_keys_created_idx").on(t.createdAt),
    check("api_idempotency_keys_state_check", sql`${t.state} in ('running', 'done')`),
  ],
);

/**
 * Requests per key and minute (fixed window), counted in PostgreSQL so that every instance of the
 * portal shares one bound. Rows of past windows are purged by the housekeeping job.
 */
export const apiRateLimits = pgTable(
  "api_rate_limits",
  {
    principal: text("principal").notNull(),
    windowStart: tstz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ name: "api_rate_limits_pkey", columns: [t.principal, t.windowStart] }), index("api_rate_limits_window_idx").on(t.windowStart)],
);
