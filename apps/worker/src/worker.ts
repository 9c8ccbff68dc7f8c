import { openFileStore, EMAIL_RETRY_POLICY, EXPIRE_DUE_PROPOSALS_TASK, PURGE_EXPIRED_RECORDS_TASK, PURGE_EXPIRED_UPLOADS_TASK, RUN_SLA_SWEEPS_TASK, SEND_EMAIL_TASK } from "@accord/core";
import { createDb } from "@accord/db";
import { chooseTransport } from "@accord/email";
import { EventEmitter } from "node:events";
import { parseCronItems, run, type CronItem, type Runner, type WorkerEvents } from "graphile-worker";
import { DEFAULT_SLA_SWEEP_SCHEDULE, type WorkerEnv } from "./env";
import { holdLiveness, releaseDeadWorkers, type Liveness } from "./liveness";
import { purgeExpiredRecordsTask } from "./tasks/purge-expired-records";
import { purgeExpiredUploadsTask } from "./tasks/purge-expired-uploads";
import { expireDueProposalsTask } from "./tasks/expire-due-proposals";
import { runSlaSweepsTask } from "./tasks/run-sla-sweeps";
import { sendEmailTask } from "./tasks/send-email";

/** Recurring tasks (graphile-worker cron; at most one run per slot, even with several workers). */
export const CRON_ITEMS: CronItem[] = [
  // Staged uploads never attached expire after 24 h; their unused bytes go with them.
  { task: PURGE_EXPIRED_UPLOADS_TASK, match: "*/15 * * * *", identifier: PURGE_EXPIRED_UPLOADS_TASK, options: { backfillPeriod: 0 } },
  // Spent authentication records, at 03:17 UTC (a quiet hour; a missed night is caught up within the day).
  { task: PURGE_EXPIRED_RECORDS_TASK, match: "17 3 * * *", identifier: PURGE_EXPIRED_RECORDS_TASK, options: { backfillPeriod: 24 * 3_600_000 } },
  // Proposals past their last day (Europe/Paris) expire within the hour; a missed hour is caught up.
  { task: EXPIRE_DUE_PROPOSALS_TASK, match: "5 * * * *", identifier: EXPIRE_DUE_PROPOSALS_TASK, options: { backfillPeriod: 3_600_000 } },
  // SLA warnings and breaches, reminders, closes and pre-due reminders (ADR 0032); a missed slot is not
  // caught up one by one: the next run sees everything due since.
  { task: RUN_SLA_SWEEPS_TASK, match: DEFAULT_SLA_SWEEP_SCHEDULE, identifier: RUN_SLA_SWEEPS_TASK, options: { backfillPeriod: 0 } },
];

/** The cron items of a worker: the SLA sweeps at `SLA_SWEEP_SCHEDULE`, or none of them when it is "off". */
export function cronItemsFor(env: Pick<WorkerEnv, "SLA_SWEEP_SCHEDULE">): CronItem[] {
  return CRON_ITEMS.flatMap((item) => (item.task !== RUN_SLA_SWEEPS_TASK ? [item] : env.SLA_SWEEP_SCHEDULE ? [{ ...item, match: env.SLA_SWEEP_SCHEDULE }] : []));
}

export interface RunningWorker {
  runner: Runner;
  transportName: string;
  /** Stops taking jobs, lets running ones finish (aborting them after `abortAfterMs`), closes the pools. */
  stop(): Promise<void>;
}

export async function startWorker(
  env: WorkerEnv,
  {
    abortAfterMs = 3_000,
    log = console.log,
    releaseEveryMs = 30_000,
  }: {
    abortAfterMs?: number;
    log?: (line: string) => void;
    /** How often to look for jobs locked by workers that are gone (another worker may crash while this one runs). */
    releaseEveryMs?: number;
  } = {},
): Promise<RunningWorker> {
  const { transport, warning } = chooseTransport({
    production: env.NODE_ENV === "production",
    mailboxDir: env.MAILBOX_DIR,
    resend: env.RESEND_API_KEY ? { apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL } : undefined,
  });
  if (warning) log(`worker: ${warning}`);
  // Attachments are read from it; expired uploads are removed from it.
  const store = openFileStore(env.FILE_STORE);

  // One more connection than the tasks use: the liveness locks hold one for the life of the process.
  const handle = createDb(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 2, applicationName: "accord-worker" });
  let runner: Runner;
  let liveness: Liveness | undefined;
  async function releaseStranded() {
    try {
      const released = await releaseDeadWorkers(handle.sql);
      if (released.length > 0) log(`worker: released the jobs of ${released.length} worker(s) that are gone (${released.join(", ")})`);
    } catch (error) {
      log(`worker: could not look for the jobs of workers that are gone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    liveness = await holdLiveness(handle.sql);
    const alive = liveness;
    // Jobs that a crashed worker had locked run again now, not in 4 hours.
    await releaseStranded();
    const events = new EventEmitter() as WorkerEvents;
    events.on("worker:create", ({ worker }) => {
      alive.register(worker.workerId).catch((error: unknown) => log(`worker: could not record ${worker.workerId} as alive: ${String(error)}`));
    });
    runner = await run({
      events,
      connectionString: env.DATABASE_URL,
      concurrency: env.WORKER_CONCURRENCY,
      // Signals are ours (index.ts): we also close our own pool on the way out.
      noHandleSignals: true,
      gracefulShutdownAbortTimeout: abortAfterMs,
      pollInterval: 2_000,
      // Cron items in code: graphile-worker never looks for a crontab file.
      parsedCronItems: parseCronItems(cronItemsFor(env)),
      taskList: {
        [SEND_EMAIL_TASK]: sendEmailTask({
          db: handle.db,
          transport,
          store,
          from: env.EMAIL_FROM,
          inboundDomain: env.INBOUND_EMAIL_DOMAIN,
          retryPolicy: env.EMAIL_RETRY_BASE_MS ? { ...EMAIL_RETRY_POLICY, baseDelayMs: env.EMAIL_RETRY_BASE_MS } : undefined,
        }),
        [PURGE_EXPIRED_UPLOADS_TASK]: purgeExpiredUploadsTask({ db: handle.db, store }),
        [PURGE_EXPIRED_RECORDS_TASK]: purgeExpiredRecordsTask({ db: handle.db }),
        [EXPIRE_DUE_PROPOSALS_TASK]: expireDueProposalsTask({ db: handle.db }),
        [RUN_SLA_SWEEPS_TASK]: runSlaSweepsTask({ db: handle.db, portalUrl: env.PORTAL_URL, backofficeUrl: env.BACKOFFICE_URL }),
      },
    });
  } catch (error) {
    await liveness?.close();
    await handle.close();
    throw error;
  }

  const sweeper = setInterval(() => void releaseStranded(), releaseEveryMs);
  sweeper.unref();

  let stopping: Promise<void> | undefined;
  return {
    runner,
    transportName: transport.name,
    stop() {
      stopping ??= (async () => {
        clearInterval(sweeper);
        try {
          await runner.stop();
        } finally {
          await liveness?.close();
          await handle.close();
        }
      })();
      return stopping;
    },
  };
}
