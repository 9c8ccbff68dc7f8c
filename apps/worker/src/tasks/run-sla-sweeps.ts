import { runSlaSweeps } from "@accord/core";
import type { Db } from "@accord/db";
import type { Task } from "graphile-worker";

/**
 * `run_sla_sweeps` (cron, every 5 minutes): every SLA and escalation sweep once (ADR 0032). Each
 * notice has a unique key: a run that overlaps another, or runs twice, sends nothing twice.
 */
export function runSlaSweepsTask({ db, portalUrl, backofficeUrl }: { db: Db; portalUrl: string; backofficeUrl: string }): Task {
  return async (_payload, helpers) => {
    const report = await runSlaSweeps({ db, now: new Date(), portalUrl, backofficeUrl });
    const { failed, ...handled } = report;
    if (failed.length > 0) helpers.logger.error(`run_sla_sweeps: ${failed.length} failure(s), tried again at the next run: ${failed.join("; ")}`);
    const done = Object.entries(handled).filter(([, list]) => list.length > 0);
    if (done.length > 0) helpers.logger.info(`run_sla_sweeps: ${done.map(([kind, list]) => `${kind} ${list.length} (${list.join(", ")})`).join("; ")}`);
  };
}
