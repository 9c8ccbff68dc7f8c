import { SEND_EMAIL_TASK } from "@accord/core";
import { createDb } from "@accord/db";
import { chooseTransport } from "@accord/email";
import { run, type Runner } from "graphile-worker";
import type { WorkerEnv } from "./env";
import { sendEmailTask } from "./tasks/send-email";

export interface RunningWorker {
  runner: Runner;
  transportName: string;
  /** Stops taking jobs, lets running ones finish (aborting them after `abortAfterMs`), closes the pools. */
  stop(): Promise<void>;
}

export async function startWorker(
  env: WorkerEnv,
  { abortAfterMs = 3_000, log = console.log }: { abortAfterMs?: number; log?: (line: string) => void } = {},
): Promise<RunningWorker> {
  const { transport, warning } = chooseTransport({
    production: env.NODE_ENV === "production",
    mailboxDir: env.MAILBOX_DIR,
    resend: env.RESEND_API_KEY ? { apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL } : undefined,
  });
  if (warning) log(`worker: ${warning}`);

  const handle = createDb(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 1, applicationName: "accord-worker" });
  let runner: Runner;
  try {
    runner = await run({
      connectionString: env.DATABASE_URL,
      concurrency: env.WORKER_CONCURRENCY,
      // Signals are ours (index.ts): we also close our own pool on the way out.
      noHandleSignals: true,
      gracefulShutdownAbortTimeout: abortAfterMs,
      pollInterval: 2_000,
      // No cron yet; an empty list keeps graphile-worker from looking for a crontab file.
      parsedCronItems: [],
      taskList: {
        [SEND_EMAIL_TASK]: sendEmailTask({ db: handle.db, transport, from: env.EMAIL_FROM }),
      },
    });
  } catch (error) {
    await handle.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    runner,
    transportName: transport.name,
    stop() {
      stopping ??= (async () => {
        try {
          await runner.stop();
        } finally {
          await handle.close();
        }
      })();
      return stopping;
    },
  };
}
