import { and, sql, type SQL } from "drizzle-orm";
import type { KpiFilters, KpiScope } from "../kpi-query";
import { kpiCaseConditions } from "../kpi-conditions";

/** A PostgreSQL array literal of plain values (dates and ISO instants: no quoting needed). */
const arrayLiteral = (values: readonly string[]) => `{${values.join(",")}}`;

/**
 * The scope's buckets as rows `b(key, from_at, to_at, idx)` for a panel's FROM: the bounds go in as
 * three arrays (three parameters, whatever the number of buckets) and come out by `unnest`, so a
 * panel's series is one statement with one row per bucket, empty ones included, ordered by `idx`.
 */
export function bucketRows(scope: Pick<KpiScope, "buckets">): SQL {
  const keys = arrayLiteral(scope.buckets.map((b) => b.key));
  const froms = arrayLiteral(scope.buckets.map((b) => b.from.toISOString()));
  const tos = arrayLiteral(scope.buckets.map((b) => b.to.toISOString()));
  return sql`unnest(${keys}::text[], ${froms}::timestamptz[], ${tos}::timestamptz[]) with ordinality as b(key, from_at, to_at, idx)`;
}

/**
 * The position (1-based, as `idx` of {@link bucketRows}) of the bucket an instant of the period falls
 * in: the buckets are contiguous and cover the period, so `width_bucket` over their starts finds it by
 * binary search, and a series is one GROUP BY instead of one scan per bucket. Only for instants within
 * the period (before it gives 0, after it the last bucket).
 */
export function bucketIndex(column: SQL, scope: Pick<KpiScope, "buckets">): SQL {
  return sql`width_bucket(${column}, ${arrayLiteral(scope.buckets.map((b) => b.from.toISOString()))}::timestamptz[])`;
}

/** The filters' WHERE on `cases` (every panel counts the same cases). */
export function caseFilter(filters: KpiFilters): SQL {
  return and(...kpiCaseConditions(filters))!;
}

/** A timestamptz parameter (postgres.js sends a Date untyped inside raw SQL: say what it is). */
export const instant = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;

/** A numeric SQL result as a number (counts and sums come back as strings for bigint and numeric). */
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
/** A nullable numeric SQL result. */
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
