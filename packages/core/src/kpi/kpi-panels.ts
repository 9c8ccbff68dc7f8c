import type { DbOrTx } from "@accord/db";
import type { KpiScope } from "./kpi-query";
import type { KpiSettings } from "./kpi-settings";
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

/** What a panel is given: the scope (churn and corrective read theirs as of `now`, as the dashboard asks them). */
export interface KpiPanelInput {
  db: DbOrTx;
  scope: KpiScope;
  settings: KpiSettings;
  language: "fr" | "en";
}

/**
 * Each panel of the dashboard by name, called as `getKpiDashboard` calls it: one SQL statement each.
 * For the benchmark (P3), which times each panel alone.
 */
export const KPI_PANELS: Record<string, (input: KpiPanelInput) => Promise<unknown>> = {
  volume: ({ db, scope }) => volumePanel(db, scope),
  mttr: ({ db, scope }) => mttrPanel(db, scope),
  sla: ({ db, scope }) => slaPanel(db, scope),
  pareto: ({ db, scope, language }) => paretoPanel(db, scope, language),
  recurrence: ({ db, scope, language }) => recurrencePanel(db, scope, language),
  amounts: ({ db, scope }) => amountsPanel(db, scope),
  dso: ({ db, scope }) => dsoPanel(db, scope),
  resolutionChannels: ({ db, scope, settings }) => resolutionChannelsPanel(db, scope, settings),
  nps: ({ db, scope, settings }) => npsPanel(db, scope, settings),
  churn: ({ db, scope, settings }) => churnPanel(db, { ...scope, asOf: scope.now }, settings),
  corrective: ({ db, scope, settings, language }) => correctivePanel(db, { ...scope, asOf: scope.now }, settings, language),
  gains: ({ db, scope, settings }) => gainsPanel(db, scope, settings),
};
