import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addBusinessMinutes, BusinessClock, businessMinutesBetween, isBusinessTime } from "./business-time";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "./calendar";
import { calendarArbitrary, instantArbitrary } from "../testing/arbitraries";
import { localDate } from "../dates/zoned";
import { toEpochDay } from "../dates/iso-date";
import { DomainValidationError } from "../errors/errors";

const paris = DEFAULT_CALENDAR;
const at = (iso: string): Date => new Date(iso);
const allWeek = ["00:00-24:00"];
const always: BusinessCalendar = {
  timeZone: "Europe/Paris",
  weekly: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek },
  holidays: "none",
  closures: [],
};

describe("addBusinessMinutes (Paris, Mon–Fri 09:00–12:30 and 13:30–18:00)", () => {
  // Monday 5 January 2026, 09:00 in Paris is 08:00 UTC (winter time).
  const monday9 = at("2026-01-05T08:00:00Z");

  it("ends the last counted minute at the end of the morning: 210 minutes from 09:00 is 12:30", () => {
    expect(addBusinessMinutes(monday9, 210, paris)).toEqual(at("2026-01-05T11:30:00Z"));
  });

  it("skips the lunch break: 211 minutes from 09:00 is 13:31", () => {
    expect(addBusinessMinutes(monday9, 211, paris)).toEqual(at("2026-01-05T12:31:00Z"));
  });

  it("returns the start itself for 0 minutes, even outside working hours", () => {
    const sunday = at("2026-01-04T15:17:00Z");
    expect(addBusinessMinutes(sunday, 0, paris)).toEqual(sunday);
    expect(addBusinessMinutes(sunday, 0, paris)).not.toBe(sunday);
  });

  it("starts counting at the next opening when started outside working hours", () => {
    expect(addBusinessMinutes(at("2026-01-05T11:45:00Z"), 1, paris)).toEqual(at("2026-01-05T12:31:00Z"));
    expect(addBusinessMinutes(at("2026-01-04T10:00:00Z"), 60, paris)).toEqual(at("2026-01-05T09:00:00Z"));
  });

  it("counts one full working day as 480 minutes, ending at 18:00", () => {
    expect(addBusinessMinutes(monday9, 480, paris)).toEqual(at("2026-01-05T17:00:00Z"));
    expect(addBusinessMinutes(monday9, 481, paris)).toEqual(at("2026-01-06T08:01:00Z"));
  });

  it("skips the weekend", () => {
    expect(addBusinessMinutes(at("2026-01-09T16:00:00Z"), 120, paris)).toEqual(at("2026-01-12T09:00:00Z"));
  });

  it("skips Easter Monday", () => {
    // Friday 3 April 2026 17:00 CEST + 2 h → Tuesday 7 April 10:00 CEST.
    expect(addBusinessMinutes(at("2026-04-03T15:00:00Z"), 120, paris)).toEqual(at("2026-04-07T08:00:00Z"));
  });

  it("skips Good Friday only in Alsace-Moselle", () => {
    const thursday17 = at("2026-04-02T15:00:00Z");
    expect(addBusinessMinutes(thursday17, 120, paris)).toEqual(at("2026-04-03T08:00:00Z"));
    expect(addBusinessMinutes(thursday17, 120, { ...paris, holidays: "FR-alsace-moselle" })).toEqual(at("2026-04-07T08:00:00Z"));
    expect(addBusinessMinutes(thursday17, 120, { ...paris, holidays: "none" })).toEqual(at("2026-04-03T08:00:00Z"));
  });

  it("stays on wall-clock hours across the spring daylight-saving change", () => {
    // Friday 27 March 2026 17:00 CET (16:00Z) + 2 h → Monday 30 March 10:00 CEST (08:00Z).
    expect(addBusinessMinutes(at("2026-03-27T16:00:00Z"), 120, paris)).toEqual(at("2026-03-30T08:00:00Z"));
  });

  it("stays on wall-clock hours across the autumn daylight-saving change", () => {
    // Friday 23 October 2026 17:00 CEST (15:00Z) + 2 h → Monday 26 October 10:00 CET (09:00Z).
    expect(addBusinessMinutes(at("2026-10-23T15:00:00Z"), 120, paris)).toEqual(at("2026-10-26T09:00:00Z"));
  });

  it("skips custom closures, both days included", () => {
    const closedWeek = { ...paris, closures: [{ from: "2026-08-10", to: "2026-08-14" }] };
    // Friday 7 August 17:00 CEST + 2 h → Monday 17 August 10:00 CEST.
    expect(addBusinessMinutes(at("2026-08-07T15:00:00Z"), 120, closedWeek)).toEqual(at("2026-08-17T08:00:00Z"));
  });

  it("handles overlapping closures", () => {
    const closures = [
      { from: "2026-08-10", to: "2026-08-12" },
      { from: "2026-08-11", to: "2026-08-14" },
    ];
    expect(addBusinessMinutes(at("2026-08-07T15:00:00Z"), 120, { ...paris, closures })).toEqual(at("2026-08-17T08:00:00Z"));
  });

  it("refuses negative or non-finite minutes and an invalid start, naming the field", () => {
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY, "5" as unknown as number]) {
      expect(() => addBusinessMinutes(monday9, minutes, paris)).toThrowError(expect.objectContaining({ code: "invalid_argument", field: "minutes" }));
    }
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, paris)).toThrowError(expect.objectContaining({ code: "invalid_date", field: "start" }));
  });

  it("refuses an impossible calendar with a typed error", () => {
    const bad = { ...paris, weekly: { ...paris.weekly, mon: ["18:00-09:00"] } };
    expect(() => addBusinessMinutes(monday9, 1, bad)).toThrowError(DomainValidationError);
    expect(() => addBusinessMinutes(monday9, 1, bad)).toThrowError(expect.objectContaining({ code: "invalid_calendar", field: "weekly.mon[0]" }));
  });

  it("gives up with a typed error when closures leave no working time for two centuries", () => {
    const shut = { ...paris, closures: [{ from: "2026-01-01", to: "2300-01-01" }] };
    expect(() => addBusinessMinutes(monday9, 1, shut)).toThrowError(expect.objectContaining({ code: "invalid_calendar", field: "closures" }));
  });
});

describe("businessMinutesBetween", () => {
  it("counts a working week as 5 × 480 minutes", () => {
    expect(businessMinutesBetween(at("2026-01-05T08:00:00Z"), at("2026-01-12T08:00:00Z"), paris)).toBe(2400);
  });

  it("does not count the lunch break nor the night", () => {
    expect(businessMinutesBetween(at("2026-01-05T11:00:00Z"), at("2026-01-05T13:00:00Z"), paris)).toBe(60);
    expect(businessMinutesBetween(at("2026-01-05T16:30:00Z"), at("2026-01-06T08:30:00Z"), paris)).toBe(60);
  });

  it("is zero for an empty interval and negative when the ends are swapped", () => {
    const from = at("2026-01-05T08:00:00Z");
    expect(businessMinutesBetween(from, from, paris)).toBe(0);
    expect(businessMinutesBetween(at("2026-01-06T08:00:00Z"), from, paris)).toBe(-480);
  });

  it("counts real time across daylight-saving changes on a 24/7 calendar", () => {
    expect(businessMinutesBetween(at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"), always)).toBe(23 * 60);
    expect(businessMinutesBetween(at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"), always)).toBe(25 * 60);
  });

  it("maps a skipped wall time to the end of the gap and a repeated one to its first occurrence", () => {
    const nights = { ...always, weekly: { ...always.weekly, sun: ["02:00-04:00"] } };
    const sundayOnly = { ...nights, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: ["02:00-04:00"] } };
    // 29 March 2026: 02:00 does not exist; work runs 03:00–04:00 CEST.
    expect(businessMinutesBetween(at("2026-03-28T12:00:00Z"), at("2026-03-29T12:00:00Z"), sundayOnly)).toBe(60);
    // 25 October 2026: 02:00 happens twice; work runs from the first 02:00 (00:00Z) to 04:00 CET (03:00Z).
    expect(businessMinutesBetween(at("2026-10-24T12:00:00Z"), at("2026-10-25T12:00:00Z"), sundayOnly)).toBe(180);
    expect(nights.weekly.sun).toEqual(["02:00-04:00"]);
  });

  it("refuses invalid instants, naming the field", () => {
    expect(() => businessMinutesBetween(new Date(Number.NaN), new Date(), paris)).toThrowError(expect.objectContaining({ field: "from" }));
    expect(() => businessMinutesBetween(new Date(), new Date(Number.NaN), paris)).toThrowError(expect.objectContaining({ field: "to" }));
  });

  it("accepts a prepared BusinessClock for repeated questions", () => {
    const clock = new BusinessClock(paris);
    expect(businessMinutesBetween(at("2026-01-05T08:00:00Z"), at("2026-01-12T08:00:00Z"), clock)).toBe(2400);
    expect(addBusinessMinutes(at("2026-01-05T08:00:00Z"), 210, clock)).toEqual(at("2026-01-05T11:30:00Z"));
  });
});

describe("isBusinessTime", () => {
  it("is true inside a range, false at its (excluded) end and on holidays", () => {
    expect(isBusinessTime(at("2026-01-05T08:00:00Z"), paris)).toBe(true);
    expect(isBusinessTime(at("2026-01-05T11:30:00Z"), paris)).toBe(false);
    expect(isBusinessTime(at("2026-04-06T08:00:00Z"), paris)).toBe(false);
  });
});

describe("business-time laws (property tests)", () => {
  const minutes = fc.integer({ min: 0, max: 30_000 });

  it("businessMinutesBetween(s, addBusinessMinutes(s, m, c), c) === m", () => {
    fc.assert(
      fc.property(calendarArbitrary, instantArbitrary, minutes, (calendar, start, m) => {
        const clock = new BusinessClock(calendar);
        expect(businessMinutesBetween(start, addBusinessMinutes(start, m, clock), clock)).toBe(m);
      }),
      { numRuns: 300 },
    );
  });

  it("a deadline never falls inside a closed period: its last counted minute is working time", () => {
    fc.assert(
      fc.property(calendarArbitrary, instantArbitrary, fc.integer({ min: 1, max: 30_000 }), (calendar, start, m) => {
        const clock = new BusinessClock(calendar);
        const deadline = addBusinessMinutes(start, m, clock);
        const lastMoment = new Date(deadline.getTime() - 1);
        expect(isBusinessTime(lastMoment, clock)).toBe(true);
        expect(clock.isClosedDay(toEpochDay(localDate(lastMoment, calendar.timeZone)))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("is additive over consecutive intervals and antisymmetric", () => {
    fc.assert(
      fc.property(calendarArbitrary, instantArbitrary, instantArbitrary, instantArbitrary, (calendar, a, b, c) => {
        const clock = new BusinessClock(calendar);
        const [x, y, z] = [a, b, c].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const sum = businessMinutesBetween(x, y, clock) + businessMinutesBetween(y, z, clock);
        expect(sum).toBeCloseTo(businessMinutesBetween(x, z, clock), 6);
        expect(businessMinutesBetween(z, x, clock)).toBe(-businessMinutesBetween(x, z, clock));
      }),
      { numRuns: 100 },
    );
  });

  it("never counts more business time than real time, and adding more minutes never ends earlier", () => {
    fc.assert(
      fc.property(calendarArbitrary, instantArbitrary, minutes, minutes, (calendar, start, m1, m2) => {
        const clock = new BusinessClock(calendar);
        const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const early = addBusinessMinutes(start, low, clock);
        const late = addBusinessMinutes(start, high, clock);
        expect(early.getTime()).toBeLessThanOrEqual(late.getTime());
        expect(late.getTime() - start.getTime()).toBeGreaterThanOrEqual(high * 60_000);
      }),
      { numRuns: 200 },
    );
  });
});
