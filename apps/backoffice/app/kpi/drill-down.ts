import type { KpiQuery } from "@accord/core";

/** Which cases a figure counts, in the queue's words (its drill-down filters, issue 15 point 3). */
export interface DrillDown {
  /** open (default of the queue), ended, or all. */
  state: "open" | "ended" | "all";
  /** The date the period applies to; absent: no period (e.g. the open backlog now). */
  on?: "received" | "ended" | "resolved";
  from?: string;
  to?: string;
  rootCause?: string;
  outcome?: string;
}

/**
 * The queue's URL listing the cases behind a figure: the dashboard's own filters (type, team,
 * customer, tier, channel) plus the figure's population. The queue sorts ended cases by the most recent.
 */
export function queueHref(query: Pick<KpiQuery, "type" | "team" | "account" | "tier" | "channel">, drill: DrillDown): string {
  const params = new URLSearchParams();
  params.set("state", drill.state);
  if (drill.on && drill.from && drill.to) {
    params.set("on", drill.on);
    params.set("from", drill.from);
    params.set("to", drill.to);
  }
  for (const key of ["type", "team", "account", "tier", "channel"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (drill.rootCause) params.set("rootCause", drill.rootCause);
  if (drill.outcome) params.set("outcome", drill.outcome);
  if (drill.state !== "open") params.set("sort", drill.on === "ended" || drill.on === "resolved" ? "ended" : "received");
  return `/?${params.toString()}`;
}
