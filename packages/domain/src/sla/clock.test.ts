import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeSla, type StatusChange } from "./clock";
import { DEFAULT_CALENDAR } from "../calendar/calendar";
import { BusinessClock, isBusinessTime } from "../calendar/business-time";
import { CASE_STATUSES, type CaseStatus } from "../lifecycle/statuses";
import { calendarArbitrary } from "../testing/arbitraries";

const calendar = DEFAULT_CALENDAR;
const at = (iso: string): Date => new Date(iso);
const change = (status: CaseStatus, iso: string): StatusChange => ({ status, at: at(iso) });
const targets = { firstResponseMinutes: 240, resolutionMinutes: 2400 };

// Monday 5 January 2026; Paris is UTC+1, so 09:00 local is 08:00Z.
const MON_0900 = "2026-01-05T08:00:00Z";

describe("computeSla: a running clock", () => {
  it("gives elapsed time, warning and deadline instants and the state at now", () => {
    const sla = computeSla({ history: [change("received", MON_0900)], targets, calendar, now: at("2026-01-05T09:00:00Z") });
    expect(sla.firstResponse).toEqual({
      targetMinutes: 240,
      elapsedMinutes: 60,
      remainingMinutes: 180,
      clock: "running",
      completedAt: null,
      warningAt: at("2026-01-05T11:12:00Z"), // 192 minutes: 12:12
      deadlineAt: at("2026-01-05T13:00:00Z"), // 210 in the morning + 30 after lunch: 14:00
      state: "ok",
    });
    expect(sla.resolution.warningAt).toEqual(at("2026-01-08T17:00:00Z")); // 4 working days: the end of Thursday, 18:00
    expect(sla.resolution.deadlineAt).toEqual(at("2026-01-09T17:00:00Z")); // 5 working days: the end of Friday, 18:00
    expect(sla.nextCheckAt).toEqual(at("2026-01-05T11:12:00Z"));
  });

  it("turns to warning at 80 % and to breached at 100 %", () => {
    const history = [change("received", MON_0900)];
    expect(computeSla({ history, targets, calendar, now: at("2026-01-05T11:11:59Z") }).firstResponse.state).toBe("ok");
    expect(computeSla({ history, targets, calendar, now: at("2026-01-05T11:12:00Z") }).firstResponse.state).toBe("warning");
    const breached = computeSla({ history, targets, calendar, now: at("2026-01-05T13:00:00Z") });
    expect(breached.firstResponse.state).toBe("breached");
    expect(breached.firstResponse.remainingMinutes).toBe(0);
    expect(breached.nextCheckAt).toEqual(at("2026-01-08T17:00:00Z"));
  });

  it("takes a configurable warning share", () => {
    const sla = computeSla({ history: [change("received", MON_0900)], targets, calendar, now: at(MON_0900), warningShare: 0.5 });
    expect(sla.firstResponse.warningAt).toEqual(at("2026-01-05T10:00:00Z"));
  });
});

describe("computeSla: pauses", () => {
  const history = [
    change("received", MON_0900),
    change("investigating", "2026-01-05T09:00:00Z"),
    change("awaiting_customer", "2026-01-05T10:00:00Z"), // Monday 11:00
    change("investigating", "2026-01-07T08:00:00Z"), // Wednesday 09:00
  ];

  it("does not count the time the case waited on the customer", () => {
    const sla = computeSla({ history, targets, calendar, now: at("2026-01-07T09:00:00Z") });
    expect(sla.resolution.elapsedMinutes).toBe(180);
    // 2 400 − 120 minutes from Wednesday 09:00: four days and 360 minutes → Tuesday 13 January 16:00.
    expect(sla.resolution.deadlineAt).toEqual(at("2026-01-13T15:00:00Z"));
  });

  it("keeps the paused time when the policy changes (deadlines recomputed from the whole history)", () => {
    const faster = { firstResponseMinutes: 240, resolutionMinutes: 960 };
    const sla = computeSla({ history, targets: faster, calendar, now: at("2026-01-07T09:00:00Z") });
    // 960 − 120 from Wednesday 09:00 → Thursday 16:00, not Tuesday evening as a restart from the opening would say.
    expect(sla.resolution.deadlineAt).toEqual(at("2026-01-08T15:00:00Z"));
    expect(sla.resolution.elapsedMinutes).toBe(180);
  });

  it("has no future deadline while paused", () => {
    const sla = computeSla({ history: history.slice(0, 3), targets, calendar, now: at("2026-01-06T12:00:00Z") });
    expect(sla.resolution).toMatchObject({ clock: "paused", elapsedMinutes: 120, warningAt: null, deadlineAt: null, state: "ok" });
    expect(sla.nextCheckAt).toBeNull();
  });

  it("keeps a past breach instant when the clock pauses after the breach", () => {
    const late = [change("received", MON_0900), change("awaiting_customer", "2026-01-05T14:00:00Z")];
    const sla = computeSla({ history: late, targets, calendar, now: at("2026-01-06T12:00:00Z") });
    expect(sla.firstResponse).toMatchObject({ clock: "paused", state: "breached", deadlineAt: at("2026-01-05T13:00:00Z") });
  });

  it("ignores history recorded after now", () => {
    const sla = computeSla({ history, targets, calendar, now: at("2026-01-06T12:00:00Z") });
    expect(sla.resolution.clock).toBe("paused");
  });
});

describe("computeSla: completion and stops", () => {
  /** A case received on Monday 09:00, first answered at `firstResponseAt`, read at `now`. */
  const answeredAfterReceipt = (now: string, firstResponseAt: string) =>
    computeSla({ history: [change("received", MON_0900)], targets, calendar, now: at(now), firstResponseAt: at(firstResponseAt) });

  it("stops the first-response clock at the first response", () => {
    const sla = answeredAfterReceipt("2026-01-06T09:00:00Z", "2026-01-05T10:00:00Z");
    expect(sla.firstResponse).toMatchObject({
      elapsedMinutes: 120,
      clock: "stopped",
      completedAt: at("2026-01-05T10:00:00Z"),
      deadlineAt: null,
      warningAt: null,
      state: "ok",
    });
    expect(sla.resolution.clock).toBe("running");
  });

  it("records a late first response as breached", () => {
    const sla = answeredAfterReceipt("2026-01-07T09:00:00Z", "2026-01-06T08:00:00Z");
    expect(sla.firstResponse).toMatchObject({ elapsedMinutes: 480, state: "breached", deadlineAt: at("2026-01-05T13:00:00Z") });
  });

  it("completes the resolution target when the case is resolved, counting from the resolution even once closed", () => {
    const history = [
      change("received", MON_0900),
      change("investigating", "2026-01-05T10:00:00Z"),
      change("resolved", "2026-01-06T08:00:00Z"),
      change("closed", "2026-01-08T08:00:00Z"),
    ];
    const sla = computeSla({ history, targets, calendar, now: at("2026-02-01T08:00:00Z") });
    expect(sla.resolution).toMatchObject({ clock: "stopped", completedAt: at("2026-01-06T08:00:00Z"), elapsedMinutes: 480, state: "ok", deadlineAt: null });
    expect(sla.firstResponse.completedAt).toEqual(at("2026-01-06T08:00:00Z"));
    expect(sla.nextCheckAt).toBeNull();
  });

  it("runs again after a reopening", () => {
    const history = [change("received", MON_0900), change("resolved", "2026-01-05T10:00:00Z"), change("investigating", "2026-01-06T08:00:00Z")];
    const sla = computeSla({ history, targets, calendar, now: at("2026-01-06T09:00:00Z") });
    expect(sla.resolution).toMatchObject({ clock: "running", completedAt: null, elapsedMinutes: 180 });
  });

  it("stops, without completing, in litigation", () => {
    const history = [change("received", MON_0900), change("litigation", "2026-01-05T10:00:00Z")];
    const sla = computeSla({ history, targets, calendar, now: at("2026-03-01T09:00:00Z") });
    expect(sla.resolution).toMatchObject({ clock: "stopped", completedAt: null, elapsedMinutes: 120, deadlineAt: null });
  });

  it("treats a first response before the opening as given at the opening", () => {
    const sla = answeredAfterReceipt("2026-01-06T09:00:00Z", "2026-01-01T00:00:00Z");
    expect(sla.firstResponse).toMatchObject({ elapsedMinutes: 0, completedAt: at(MON_0900) });
  });

  it("is stopped with nothing elapsed when asked before the case opened", () => {
    const sla = computeSla({ history: [change("received", MON_0900)], targets, calendar, now: at("2026-01-01T00:00:00Z") });
    expect(sla.resolution).toMatchObject({ clock: "stopped", elapsedMinutes: 0, deadlineAt: null });
  });
});

describe("computeSla: bad input", () => {
  const base = { history: [change("received", MON_0900)], targets, calendar, now: at(MON_0900) };

  it("names the faulty field", () => {
    const cases: [unknown, string, string][] = [
      [{ ...base, history: [] }, "invalid_history", "history"],
      [{ ...base, history: [{ status: "archived", at: at(MON_0900) }] }, "unknown_status", "history[0].status"],
      [{ ...base, history: [{ status: "received", at: at("x") }] }, "invalid_date", "history[0].at"],
      [{ ...base, history: [change("received", MON_0900), change("qualified", "2026-01-01T00:00:00Z")] }, "invalid_history", "history[1].at"],
      [{ ...base, targets: { ...targets, resolutionMinutes: 0 } }, "invalid_policy", "targets.resolutionMinutes"],
      [{ ...base, targets: { ...targets, firstResponseMinutes: Number.NaN } }, "invalid_policy", "targets.firstResponseMinutes"],
      [{ ...base, warningShare: 1.5 }, "invalid_argument", "warningShare"],
      [{ ...base, warningShare: 0 }, "invalid_argument", "warningShare"],
      [{ ...base, now: at("nope") }, "invalid_date", "now"],
      [{ ...base, firstResponseAt: at("nope") }, "invalid_date", "firstResponseAt"],
    ];
    for (const [input, code, field] of cases) {
      expect(() => computeSla(input as never), field).toThrowError(expect.objectContaining({ code, field }));
    }
  });
});

describe("computeSla: laws (property tests)", () => {
  const historyArbitrary = fc
    .tuple(
      fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }),
      fc.array(fc.tuple(fc.constantFrom(...CASE_STATUSES), fc.integer({ min: 0, max: 5_000 })), { minLength: 0, maxLength: 8 }),
    )
    .map(([startMinute, steps]) => {
      let minute = startMinute;
      const history: StatusChange[] = [{ status: "received", at: new Date(minute * 60_000) }];
      for (const [status, gap] of steps) {
        minute += gap;
        history.push({ status, at: new Date(minute * 60_000) });
      }
      return history;
    });

  it("the running time measured at the deadline (or warning) instant is exactly the target (or its share)", () => {
    fc.assert(
      fc.property(calendarArbitrary, historyArbitrary, fc.integer({ min: 1, max: 6_000 }), fc.integer({ min: 0, max: 20_000 }), (cal, history, target, after) => {
        const clock = new BusinessClock(cal);
        const now = new Date((history.at(-1) as StatusChange).at.getTime() + after * 60_000);
        const policy = { firstResponseMinutes: target, resolutionMinutes: target };
        const sla = computeSla({ history, targets: policy, calendar: clock, now });
        for (const [instant, expected] of [
          [sla.resolution.deadlineAt, target],
          [sla.resolution.warningAt, target * 0.8],
        ] as const) {
          if (instant === null) continue;
          const then = computeSla({ history, targets: policy, calendar: clock, now: instant });
          expect(then.resolution.elapsedMinutes).toBeCloseTo(expected, 6);
          expect(isBusinessTime(new Date(instant.getTime() - 1), clock)).toBe(true);
        }
        expect(sla.resolution.state === "breached").toBe(sla.resolution.deadlineAt !== null && sla.resolution.deadlineAt <= now);
      }),
      { numRuns: 150 },
    );
  });
});
