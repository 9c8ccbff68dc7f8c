import { cases, customerAccounts } from "@accord/db";
import { eq, ne, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { KpiFilters, KpiPeriod } from "./kpi-query";

/**
 * The WHERE conditions on `cases` of the dashboard's filters (ADR 0040), shared by every panel so that
 * they all count the same cases. Merged duplicates are never counted (their original is). The tier is
 * a sub-select, so a panel needs no join for it.
 */
export function kpiCaseConditions(filters: KpiFilters): SQL[] {
  const where: SQL[] = [ne(cases.status, "duplicate")];
  if (filters.type) where.push(eq(cases.type, filters.type));
  if (filters.teamId) where.push(eq(cases.teamId, filters.teamId));
  if (filters.accountId) where.push(eq(cases.accountId, filters.accountId));
  if (filters.channel) where.push(eq(cases.channel, filters.channel));
  if (filters.tier)
    where.push(sql`${cases.accountId} in (select ${customerAccounts.id} from ${customerAccounts} where ${customerAccounts.tier} = ${filters.tier})`);
  return where;
}

/**
 * `from ≤ column < to`. The instants are sent as ISO text cast to timestamptz: drizzle's postgres.js
 * client cannot bind a Date in a raw `sql` template (its timestamp serializer is the identity).
 */
export function within(column: AnyColumn | SQL, period: Pick<KpiPeriod, "from" | "to">): SQL {
  return sql`(${column} >= ${period.from.toISOString()}::timestamptz and ${column} < ${period.to.toISOString()}::timestamptz)`;
}
