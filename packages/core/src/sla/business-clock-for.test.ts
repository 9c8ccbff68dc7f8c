import { businessMinutesBetween, DEFAULT_CALENDAR } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { businessClockFor } from "./business-clock-for";

describe("businessClockFor", () => {
  it("shares one clock per calendar definition, and an edited calendar gets its own", () => {
    const clock = businessClockFor(DEFAULT_CALENDAR);
    expect(businessClockFor(structuredClone(DEFAULT_CALENDAR))).toBe(clock);
    const closed = { ...DEFAULT_CALENDAR, closures: [{ from: "2026-08-03", to: "2026-08-21" }] };
    const other = businessClockFor(closed);
    expect(other).not.toBe(clock);
    // The shared clock answers like a fresh calendar, before and after the closure was added.
    const from = new Date("2026-07-31T07:00:00Z");
    const to = new Date("2026-08-24T07:00:00Z");
    expect(businessMinutesBetween(from, to, clock)).toBe(businessMinutesBetween(from, to, DEFAULT_CALENDAR));
    expect(businessMinutesBetween(from, to, other)).toBe(businessMinutesBetween(from, to, closed));
    expect(businessMinutesBetween(from, to, other)).toBeLessThan(businessMinutesBetween(from, to, clock));
  });
});
