import type { Actor } from "@accord/auth";
import type { DbOrTx } from "@accord/db";
import { localDate } from "@accord/domain";
import { requireStaff } from "../access";
import type { KpiScope } from "./kpi-query";
import { kpiMonthSchema } from "./kpi-query";
import { loadKpiSettings, type KpiSettings } from "./kpi-settings";
import { gainsPanel } from "./panels/gains";
import { mttrPanel } from "./panels/mttr";
import { paretoPanel } from "./panels/pareto";
import { slaPanel } from "./panels/sla";
import { volumePanel } from "./panels/volume";
import { correctiveFollowUp, decisions, slaBreaches, topDisputes } from "./review-pack-lists";
import { KPI_TIME_ZONE, kpiQueryError, monthDays, resolveKpiScope } from "./resolve-kpi-scope";

export type ReviewPack = Awaited<ReturnType<typeof getReviewPack>>;

/** The month a review is about by default: the last full month. */
export function defaultReviewMonth(now: Date): string {
  const [year, month] = localDate(now, KPI_TIME_ZONE).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

/**
 * The monthly review committee's pack (issue 15 point 5) for `month` ("YYYY-MM", default the last full
 * month; never a month not started yet): the month's volume, SLA and time to resolve, its top disputes,
 * SLA breaches, root causes, decisions, corrective actions with their follow-up, and the gains against
 * the month before. The dashboard's filters apply. The page, its CSV and its PDF all read this.
 */
export async function getReviewPack({
  db,
  actor,
  input,
  now,
  language,
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  input: Record<string, unknown>;
  now: Date;
  language: "fr" | "en";
}) {
  requireStaff(actor, "kpi:read");
  const rawMonth = input.month === undefined || input.month === "" ? defaultReviewMonth(now) : input.month;
  const parsed = kpiMonthSchema.safeParse(rawMonth);
  if (!parsed.success) throw kpiQueryError({ month: ["kpi.error.month"] });
  const month = parsed.data;
  if (month > localDate(now, KPI_TIME_ZONE).slice(0, 7)) throw kpiQueryError({ month: ["kpi.error.futureMonth"] });
  const days = monthDays(month);
  const today = localDate(now, KPI_TIME_ZONE);
  const { month: _month, ...filters } = input;
  const { query, scope } = await resolveKpiScope(db, { ...filters, from: days.firstDay, to: days.lastDay < today ? days.lastDay : today }, now);
  const settings: KpiSettings = await loadKpiSettings(db);
  const [volume, sla, mttr, pareto, gains, top, breaches, decided, corrective] = await Promise.all([
    volumePanel(db, scope),
    slaPanel(db, scope),
    mttrPanel(db, scope),
    paretoPanel(db, scope, language),
    gainsPanel(db, scope, settings),
    topDisputes(db, scope),
    slaBreaches(db, scope),
    decisions(db, scope),
    correctiveFollowUp(db, scope, language),
  ]);
  return { month, query, scope: scope as KpiScope, settings, volume, sla, mttr, pareto, gains, top, breaches, decisions: decided, corrective };
}
