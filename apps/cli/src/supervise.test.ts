import { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { restartDelayMs, supervise } from "./supervise";

function fakeChild(pid: number): ChildProcess {
  return Object.assign(new EventEmitter(), { pid }) as unknown as ChildProcess;
}

describe("supervise", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("backs off 1, 2, 4… seconds, up to 30", () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(restartDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("starts a dead child again after the backoff, says so, and stops restarting once stopped", () => {
    let pid = 100;
    const spawned: ChildProcess[] = [];
    const lines: string[] = [];
    let clock = 0;
    const run = supervise("portal", () => {
      const child = fakeChild(pid++);
      spawned.push(child);
      return child;
    }, { log: (line) => lines.push(line), now: () => clock });
    expect(run.current().pid).toBe(100);

    spawned[0]!.emit("exit", null, "SIGKILL");
    expect(lines.at(-1)).toContain("portal s'est arrêté / stopped (SIGKILL)");
    expect(lines.at(-1)).toContain("1 s");
    vi.advanceTimersByTime(999);
    expect(spawned).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(run.current().pid).toBe(101);

    spawned[1]!.emit("exit", 1, null);
    expect(lines.at(-1)).toContain("2 s");
    vi.advanceTimersByTime(2_000);
    expect(run.current().pid).toBe(102);

    // After a minute of running, a crash counts as the first again.
    clock += 61_000;
    spawned[2]!.emit("exit", 1, null);
    expect(lines.at(-1)).toContain("1 s");

    run.stop();
    vi.advanceTimersByTime(60_000);
    expect(spawned).toHaveLength(3);
  });
});
