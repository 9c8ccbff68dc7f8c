import { expireDueProposals } from "@accord/core";
import type { Db } from "@accord/db";
import type { Task } from "graphile-worker";

/**
 * `expire_due_proposals` (cron, every hour): the offered proposals whose last day has passed expire and
 * their cases go back to the agent. A second run finds nothing left to do.
 */
export function expireDueProposalsTask({ db }: { db: Db }): Task {
  return async (_payload, helpers) => {
    const touched = await expireDueProposals({ db, now: new Date() });
    if (touched.length > 0) helpers.logger.info(`expire_due_proposals: ${touched.length} proposal(s) expired (${touched.join(", ")})`);
  };
}
