import type { ChildProcess } from "node:child_process";

/** Waits before restarting a child that died: 1 s, 2 s, 4 s… up to 30 s; back to 1 s once it has run a minute. */
export function restartDelayMs(consecutiveCrashes: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, consecutiveCrashes - 1));
}

const STABLE_AFTER_MS = 60_000;

export interface Supervised {
  /** The child running now (replaced at each restart). */
  current(): ChildProcess;
  /** Stops restarting; the caller then stops the current child. */
  stop(): void;
}

/**
 * Runs `spawnChild()` and starts it again, with backoff, each time it dies, saying so in the output.
 * Only `stop()` (Ctrl-C) ends it: a crash of one app no longer takes the others down.
 */
export function supervise(
  name: string,
  spawnChild: () => ChildProcess,
  { log = console.error, now = Date.now }: { log?: (line: string) => void; now?: () => number } = {},
): Supervised {
  let stopped = false;
  let crashes = 0;
  let child: ChildProcess;
  let timer: NodeJS.Timeout | undefined;

  const launch = () => {
    const startedAt = now();
    child = spawnChild();
    console.log(`${name} : démarré / started (pid ${child.pid})`);
    child.once("exit", (code, signal) => {
      if (stopped) return;
      crashes = now() - startedAt >= STABLE_AFTER_MS ? 1 : crashes + 1;
      const delay = restartDelayMs(crashes);
      log(`${name} s'est arrêté / stopped (${signal ?? `code ${code}`}) ; redémarrage dans / restarting in ${delay / 1000} s.`);
      timer = setTimeout(() => {
        timer = undefined;
        if (!stopped) launch();
      }, delay);
    });
  };
  launch();
  return {
    current: () => child,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
