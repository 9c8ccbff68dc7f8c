import { customerAccounts, teams, type DbOrTx } from "@accord/db";
import { addDays, daysBetween, localDate, periodBuckets, previousPeriod, startOfLocalDay, type DayPeriod, type IsoDate } from "@accord/domain";
import { eq } from "drizzle-orm";
import { AppError } from "../errors";
import { KPI_MAX_PERIOD_DAYS, kpiQuerySchema, type KpiPeriod, type KpiQuery, type KpiScope } from "./kpi-query";

export const KPI_TIME_ZONE = "Europe/Paris" as const;

/** The instants of a period of Paris days: from the first day's midnight to the midnight after the last. */
export function kpiPeriodOf(days: DayPeriod): KpiPeriod {
  return {
    from: startOfLocalDay(days.firstDay, KPI_TIME_ZONE),
    to: startOfLocalDay(addDays(days.lastDay, 1), KPI_TIME_ZONE),
    firstDay: days.firstDay,
    lastDay: days.lastDay,
  };
}

/** The default period: the last twelve months, from the first day of the month eleven months ago to today. */
export function defaultKpiDays(now: Date): DayPeriod {
  const today = localDate(now, KPI_TIME_ZONE);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10);
  return { firstDay: start, lastDay: today };
}

/** The days of a month "YYYY-MM" (the review pack). */
export function monthDays(month: string): DayPeriod {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return { firstDay: `${month}-01`, lastDay: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) };
}

/** A validation error with each message on its filter field. */
export function kpiQueryError(fieldErrors: Record<string, string[]>): AppError {
  return new AppError("validation", { messageKey: "kpi.error.invalidQuery", fieldErrors });
}


/**
 * Reads and checks the dashboard's query (ADR 0040): the period (default the last twelve months; never
 * after today, never inverted, at most five years), the filters (a team or customer that does not
 * exist is refused like an unknown type), and builds the scope every panel computes on. Each problem
 * is a `validation` AppError whose `fieldErrors` name the filter, for the message next to it.
 */
export async function resolveKpiScope(db: DbOrTx, input: Record<string, unknown>, now: Date): Promise<{ query: KpiQuery; scope: KpiScope }> {
  const parsed = kpiQuerySchema.safeParse(input);
  if (!parsed.success) throw kpiQueryError(AppError.fromZod(parsed.error).fieldErrors ?? {});
  const query = parsed.data;
  const today = localDate(now, KPI_TIME_ZONE);
  const defaults = defaultKpiDays(now);
  const firstDay: IsoDate = query.from ?? (query.to && query.to < defaults.firstDay ? `${query.to.slice(0, 8)}01` : defaults.firstDay);
  const lastDay: IsoDate = query.to ?? today;

  const errors: Record<string, string[]> = {};
  if (firstDay > today) errors.from = ["kpi.error.future"];
  if (lastDay > today) errors.to = ["kpi.error.future"];
  if (!errors.from && !errors.to && lastDay < firstDay) errors.to = ["kpi.error.inverted"];
  if (!errors.from && !errors.to && daysBetween(firstDay, lastDay) + 1 > KPI_MAX_PERIOD_DAYS) errors.from = ["kpi.error.tooLong"];
  if (query.team) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, query.team)).limit(1);
    if (!team) errors.team = ["kpi.error.unknown"];
  }
  if (query.account) {
    const [account] = await db.select({ id: customerAccounts.id }).from(customerAccounts).where(eq(customerAccounts.id, query.account)).limit(1);
    if (!account) errors.account = ["kpi.error.unknown"];
  }
  if (Object.keys(errors).length > 0) throw kpiQueryError(errors);

  const days = { firstDay, lastDay };
  const period = kpiPeriodOf(days);
  const { granularity, buckets } = periodBuckets(days);
  return {
    query,
    scope: {
      period,
      previous: kpiPeriodOf(previousPeriod(days)),
      granularity,
      buckets: buckets.map((bucket) => ({ ...kpiPeriodOf(bucket), key: bucket.key })),
      filters: {
        ...(query.type ? { type: query.type } : {}),
        ...(query.team ? { teamId: query.team } : {}),
        ...(query.account ? { accountId: query.account } : {}),
        ...(query.tier ? { tier: query.tier } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
      },
      asOf: now.getTime() < period.to.getTime() ? now : period.to,
      now,
      timeZone: KPI_TIME_ZONE,
    },
  };
}
