import type { Actor } from "@accord/auth";
import { customerAccounts, teams, type DbOrTx } from "@accord/db";
import { asc } from "drizzle-orm";
import { requireStaff } from "../access";
import type { KpiQuery, KpiScope } from "./kpi-query";
import { loadKpiSettings, type KpiSettings } from "./kpi-settings";
import type { KpiDashboard } from "./kpi-types";
import { amountsPanel } from "./panels/amounts";
import { churnPanel } from "./panels/churn";
import { correctivePanel } from "./panels/corrective";
import { dsoPanel } from "./panels/dso";
import { gainsPanel } from "./panels/gains";
import { mttrPanel } from "./panels/mttr";
import { npsPanel } from "./panels/nps";
import { paretoPanel } from "./panels/pareto";
import { recurrencePanel } from "./panels/recurrence";
import { resolutionChannelsPanel } from "./panels/resolution-channels";
import { slaPanel } from "./panels/sla";
import { volumePanel } from "./panels/volume";
import { resolveKpiScope } from "./resolve-kpi-scope";

export interface KpiFilterOptions {
  teams: { id: string; name: string }[];
  accounts: { id: string; name: string }[];
}

/**
 * The steering dashboard (issue 15, ADR 0040) for supervisors, finance, legal and admins (`kpi:read`):
 * the query checked (period, filters), then every panel, each one SQL statement over the filtered
 * cases, run side by side. A refused filter is a `validation` AppError naming the field.
 */
export async function getKpiDashboard({
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
}): Promise<{ query: KpiQuery; scope: KpiScope; settings: KpiSettings; dashboard: KpiDashboard; options: KpiFilterOptions }> {
  requireStaff(actor, "kpi:read");
  const options = await kpiFilterOptions(db);
  const { query, scope } = await resolveKpiScope(db, input, now);
  const settings = await loadKpiSettings(db);
  const [volume, mttr, sla, pareto, recurrence, amounts, dso, resolutionChannels, nps, churn, corrective, gains] = await Promise.all([
    volumePanel(db, scope),
    mttrPanel(db, scope),
    slaPanel(db, scope),
    paretoPanel(db, scope, language),
    recurrencePanel(db, scope, language),
    amountsPanel(db, scope),
    dsoPanel(db, scope),
    resolutionChannelsPanel(db, scope, settings),
    npsPanel(db, scope, settings),
    // Churn and corrective effectiveness need time after the period: their windows end by now, not by the period's end.
    churnPanel(db, { ...scope, asOf: now }, settings),
    correctivePanel(db, { ...scope, asOf: now }, settings, language),
    gainsPanel(db, scope, settings),
  ]);
  return {
    query,
    scope,
    settings,
    options,
    dashboard: { volume, mttr, sla, pareto, recurrence, amounts, dso, resolutionChannels, nps, churn, corrective, gains },
  };
}

/** The choices of the dashboard's filters: teams and customer accounts by name. */
export async function kpiFilterOptions(db: DbOrTx): Promise<KpiFilterOptions> {
  const [teamRows, accountRows] = await Promise.all([
    db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name), asc(teams.id)),
    db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name), asc(customerAccounts.id)),
  ]);
  return { teams: teamRows, accounts: accountRows };
}
