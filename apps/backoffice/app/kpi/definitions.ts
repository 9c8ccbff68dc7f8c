/**
 * The dashboard's figures, panel by panel, each with its one-line definition (`kpi.defs.<metric>`):
 * the help article lists them in this order, and each figure on the dashboard links to its entry.
 */
export const KPI_DEFINITIONS = {
  volume: ["received", "ended", "backlog"],
  mttr: ["mttrCalendar", "mttrBusiness"],
  sla: ["firstResponse", "resolution"],
  pareto: ["pareto"],
  recurrence: ["recurring"],
  amounts: ["exposed", "credited", "recovered", "legalCosts", "openExposed"],
  dso: ["dsoImpact", "dsoAverage"],
  channels: ["amicableRate", "litigationRate", "legalCostsAvoided"],
  nps: ["nps"],
  churn: ["churnRate"],
  corrective: ["reduction"],
  gains: ["costPerDispute", "creditNotesWithoutRootCause", "penaltiesPaid"],
} as const;

export type KpiPanelName = keyof typeof KPI_DEFINITIONS;
export type KpiMetric = (typeof KPI_DEFINITIONS)[KpiPanelName][number];

/** The anchor of a figure's definition in the help article. */
export const definitionHref = (metric: KpiMetric) => `/dashboard/help#def-${metric}`;
