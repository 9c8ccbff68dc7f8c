import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describeTarget } from "./describe-target";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../calendar/calendar";

describe("describeTarget", () => {
  it("says whole working days of the calendar in days", () => {
    expect(describeTarget(480, DEFAULT_CALENDAR)).toEqual({ unit: "business_days", value: 1 });
    expect(describeTarget(4800, DEFAULT_CALENDAR)).toEqual({ unit: "business_days", value: 10 });
  });

  it("says anything else in hours, to one decimal", () => {
    expect(describeTarget(240, DEFAULT_CALENDAR)).toEqual({ unit: "business_hours", value: 4 });
    expect(describeTarget(720, DEFAULT_CALENDAR)).toEqual({ unit: "business_hours", value: 12 });
    expect(describeTarget(90, DEFAULT_CALENDAR)).toEqual({ unit: "business_hours", value: 1.5 });
    expect(describeTarget(1, DEFAULT_CALENDAR)).toEqual({ unit: "business_hours", value: 0.1 });
  });

  it("uses the calendar's own working day", () => {
    const long: BusinessCalendar = { ...DEFAULT_CALENDAR, weekly: { ...DEFAULT_CALENDAR.weekly, mon: ["08:00-12:00", "13:00-18:30"] } };
    expect(describeTarget(570, long)).toEqual({ unit: "business_days", value: 1 });
    expect(describeTarget(480, long)).toEqual({ unit: "business_hours", value: 8 });
  });

  it("refuses a target that is not a positive whole number of minutes", () => {
    for (const minutes of [0, -480, 1.5, Number.NaN]) expect(() => describeTarget(minutes, DEFAULT_CALENDAR)).toThrowError(expect.objectContaining({ field: "minutes" }));
  });

  it("property: the words give back the minutes (days exactly, hours within 3 minutes)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 100_000 }), (minutes) => {
        const words = describeTarget(minutes, DEFAULT_CALENDAR);
        if (words.unit === "business_days") expect(words.value * 480).toBe(minutes);
        // Tenths of an hour are 6 minutes: compared in whole minutes (0.1 × 60 is not exact in floating point).
        else expect(Math.abs(Math.round(words.value * 10) * 6 - minutes)).toBeLessThanOrEqual(3);
      }),
    );
  });
});
