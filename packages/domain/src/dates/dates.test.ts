import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, daysInMonth, endOfMonth, fromEpochDay, isIsoDate, toEpochDay, weekdayOf } from "./iso-date";
import { firstInstantAtWallTime, isValidTimeZone, localDate, offsetMs } from "./zoned";

describe("ISO calendar dates", () => {
  it("accepts only real YYYY-MM-DD dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    for (const value of ["2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "26-01-01", "0000-01-01", 20260101, null]) {
      expect(isIsoDate(value)).toBe(false);
    }
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  it("adds days, counts days, ends months and names weekdays", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(endOfMonth("2028-02-10")).toBe("2028-02-29");
    expect(weekdayOf("2026-01-05")).toBe("mon");
    expect(weekdayOf("1969-12-31")).toBe("wed");
    expect(fromEpochDay(0)).toBe("1970-01-01");
    expect(toEpochDay("0099-01-01")).toBeLessThan(toEpochDay("1000-01-01"));
  });

  it("round-trips through epoch days (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_000_000 }), (day) => {
        const date = fromEpochDay(day);
        expect(isIsoDate(date)).toBe(true);
        expect(toEpochDay(date)).toBe(day);
      }),
    );
  });
});

describe("zoned wall-clock time", () => {
  it("knows real time zones only", () => {
    expect(isValidTimeZone("Europe/Paris")).toBe(true);
    expect(isValidTimeZone("Europe/Nowhere")).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
  });

  it("reads offsets and local dates", () => {
    expect(offsetMs(Date.UTC(2026, 0, 15), "Europe/Paris")).toBe(3_600_000);
    expect(offsetMs(Date.UTC(2026, 6, 15), "Europe/Paris")).toBe(7_200_000);
    expect(localDate(new Date("2026-01-01T23:30:00Z"), "Europe/Paris")).toBe("2026-01-02");
    expect(() => localDate(new Date(), "Mars/Base")).toThrowError(expect.objectContaining({ field: "timeZone" }));
  });

  it("maps wall times to the first instant the clock shows them, or the end of a gap", () => {
    const day = toEpochDay("2026-03-29");
    expect(new Date(firstInstantAtWallTime(day, 150, "Europe/Paris")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(new Date(firstInstantAtWallTime(day, 180, "Europe/Paris")).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    const autumn = toEpochDay("2026-10-25");
    expect(new Date(firstInstantAtWallTime(autumn, 150, "Europe/Paris")).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // Santiago skips midnight when summer time starts (6 September 2026).
    expect(new Date(firstInstantAtWallTime(toEpochDay("2026-09-06"), 0, "America/Santiago")).toISOString()).toBe("2026-09-06T04:00:00.000Z");
  });
});
