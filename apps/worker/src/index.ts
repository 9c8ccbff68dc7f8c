import { parseEnv } from "./env";
import { startWorker } from "./worker";

/** Whatever happens, the process is gone within this delay after SIGINT/SIGTERM. */
const SHUTDOWN_DEADLINE_MS = 4_000;

async function main() {
  const env = parseEnv(process.env);
  const worker = await startWorker(env, { abortAfterMs: SHUTDOWN_DEADLINE_MS - 1_000 });
  console.log(`worker: started (concurrency ${env.WORKER_CONCURRENCY}, e-mail via ${worker.transportName}, mailbox ${env.MAILBOX_DIR})`);

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    console.log(`worker: ${signal} received, stopping`);
    const deadline = setTimeout(() => {
      console.error("worker: jobs did not stop in time, exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("worker: error while stopping", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  // Ctrl-C reaches the embedded PostgreSQL too: while stopping, graphile-worker's
  // pool may see its idle connections cut after it stopped listening for that.
  process.on("uncaughtException", (error) => {
    if (signalled) {
      console.error(`worker: ${error.message} (while stopping)`);
      process.exit(0);
    }
    console.error(error);
    process.exit(1);
  });

  // The runner only settles when it stops; an unexpected end is fatal.
  await worker.runner.promise.catch((error: unknown) => {
    if (signalled) return;
    console.error("worker: stopped unexpectedly", error);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
