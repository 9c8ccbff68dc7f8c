import { purgeExpiredRecords } from "@accord/core";
import type { Db } from "@accord/db";
import type { Task } from "graphile-worker";

/**
 * `purge_expired_records` (cron, every night): expired sessions, spent reset links and invitations,
 * sign-in attempts past their retention (see `retentionCutoffs` in @accord/domain).
 */
export function purgeExpiredRecordsTask({ db }: { db: Db }): Task {
  return async (_payload, helpers) => {
    const purged = await purgeExpiredRecords({ db, now: new Date() });
    helpers.logger.info(
      `purge_expired_records: ${purged.sessions} session(s), ${purged.resetTokens} reset link(s), ${purged.invitations} invitation(s), ${purged.signInAttempts} sign-in attempt(s), ${purged.webhookEvents} webhook event id(s) removed`,
    );
  };
}
