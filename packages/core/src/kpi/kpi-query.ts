import { CASE_TYPES, CUSTOMER_TIERS, type IsoDate } from "@accord/domain";
import { z } from "zod";
import { CASE_CHANNELS } from "../cases/case-channels";

/**
 * The dashboard's query string (ADR 0040), shared by the page's GET form, the review pack and the
 * drill-down links. Every field is optional; empty form fields count as absent. Days are Europe/Paris
 * calendar days, `to` included. Checks that need the clock or the database (a future day, an inverted or
 * too long period, a team or customer that does not exist) are made by `resolveKpiScope`.
 */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
const invalid = "kpi.error.unknown";

/** A real calendar day, years 2000 to 2999 (so a typo like 0202 is refused, never sent to SQL). */
export const kpiDaySchema = z.string().refine((value) => {
  if (!/^2\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}, "kpi.error.day");

/** A month "YYYY-MM" (the review pack). */
export const kpiMonthSchema = z.string().refine((value) => /^2\d{3}-(0[1-9]|1[0-2])$/.test(value), "kpi.error.month");

export const kpiQuerySchema = z.object({
  from: optional(kpiDaySchema),
  to: optional(kpiDaySchema),
  type: optional(z.enum(CASE_TYPES, { error: invalid })),
  team: optional(z.uuid({ error: invalid })),
  account: optional(z.uuid({ error: invalid })),
  tier: optional(z.enum(CUSTOMER_TIERS, { error: invalid })),
  channel: optional(z.enum(CASE_CHANNELS, { error: invalid })),
});

export type KpiQuery = z.output<typeof kpiQuerySchema>;
export type KpiQueryInput = z.input<typeof kpiQuerySchema>;

/** The filters every panel applies to its cases (the period aside). */
export interface KpiFilters {
  readonly type?: KpiQuery["type"];
  readonly teamId?: string;
  readonly accountId?: string;
  readonly tier?: KpiQuery["tier"];
  readonly channel?: KpiQuery["channel"];
}

/** A half-open period of instants `[from, to)`, with the Paris days it covers (`lastDay` included). */
export interface KpiPeriod {
  readonly from: Date;
  readonly to: Date;
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
}

/** One step of a time series: a calendar month or an ISO week (Monday), in Europe/Paris. */
export interface KpiBucket extends KpiPeriod {
  /** The bucket's first day: "2026-03-01" for March, the Monday for a week. */
  readonly key: IsoDate;
}

/**
 * What every panel computes on (built by `resolveKpiScope`): the period and its buckets (months
 * when the period is longer than 92 days, ISO weeks otherwise), the previous period of the same
 * length (for the trends), the filters, and the instant the figures are "as of" (`min(now, period.to)`).
 */
export interface KpiScope {
  readonly period: KpiPeriod;
  readonly previous: KpiPeriod;
  readonly granularity: "month" | "week";
  readonly buckets: readonly KpiBucket[];
  readonly filters: KpiFilters;
  readonly asOf: Date;
  readonly now: Date;
  readonly timeZone: "Europe/Paris";
}

/** The longest period the dashboard accepts, in days (5 years). */
export const KPI_MAX_PERIOD_DAYS = 5 * 366;
