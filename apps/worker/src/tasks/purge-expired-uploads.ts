import { purgeExpiredUploads, type FileStore } from "@accord/core";
import type { Db } from "@accord/db";
import type { Task } from "graphile-worker";

/**
 * `purge_expired_uploads` (cron, every 15 minutes): removes the staged uploads that expired without
 * being attached, and the bytes nothing uses any more (see ADR 0009).
 */
export function purgeExpiredUploadsTask({ db, store }: { db: Db; store: FileStore }): Task {
  return async (_payload, helpers) => {
    const result = await purgeExpiredUploads({ db, store, now: new Date() });
    if (result.purgedUploads > 0 || result.removedTemps > 0) {
      helpers.logger.info(
        `purge_expired_uploads: ${result.purgedUploads} expired upload(s), ${result.removedFiles} file(s) and ${result.removedTemps} temporary file(s) removed`,
      );
    }
  };
}
