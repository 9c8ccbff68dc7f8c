import { describe, expect, it } from "vitest";
import { compileCalendar, DEFAULT_CALENDAR, parseCalendar, parseRange, validateCalendar, type BusinessCalendar } from "./calendar";
import { DomainValidationError } from "../errors/errors";

const valid: BusinessCalendar = DEFAULT_CALENDAR;

function fieldsOf(input: unknown): (string | undefined)[] {
  return validateCalendar(input).map((error) => error.field);
}

describe("parseRange", () => {
  it("reads half-open working ranges in minutes of the day", () => {
    expect(parseRange("09:00-12:30")).toEqual([540, 750]);
    expect(parseRange("00:00-24:00")).toEqual([0, 1440]);
  });

  it("rejects malformed and empty ranges", () => {
    for (const range of ["9:00-12:00", "09:00-09:00", "12:00-09:00", "24:00-24:00", "09:60-10:00", "10:00-24:30", 900, null]) {
      expect(parseRange(range)).toBeNull();
    }
  });
});

describe("validateCalendar", () => {
  it("accepts the default calendar", () => {
    expect(validateCalendar(valid)).toEqual([]);
    expect(parseCalendar(valid)).toEqual({ ok: true, calendar: valid });
  });

  it("names an unknown time zone", () => {
    const [error] = validateCalendar({ ...valid, timeZone: "Europe/Atlantis" });
    expect(error).toMatchObject({
      code: "invalid_calendar",
      field: "timeZone",
      messageKey: "domain.error.invalid_calendar.unknown_time_zone",
      params: { reason: "unknown_time_zone", value: "Europe/Atlantis" },
    });
    expect(fieldsOf({ ...valid, timeZone: "" })).toEqual(["timeZone"]);
  });

  it("names a range whose end is before its start, and a malformed one", () => {
    const errors = validateCalendar({ ...valid, weekly: { ...valid.weekly, tue: ["18:00-09:00", "nine-ten"] } });
    expect(errors.map((e) => [e.field, e.params.reason])).toEqual([
      ["weekly.tue[0]", "range_end_before_start"],
      ["weekly.tue[1]", "malformed_range"],
    ]);
  });

  it("names an unknown weekday and a missing one", () => {
    const { sun: _sun, ...withoutSunday } = valid.weekly;
    expect(fieldsOf({ ...valid, weekly: { ...withoutSunday, funday: [] } })).toEqual(["weekly.funday", "weekly.sun"]);
  });

  it("refuses overlapping ranges and a week without working time", () => {
    expect(fieldsOf({ ...valid, weekly: { ...valid.weekly, mon: ["13:00-18:00", "09:00-14:00"] } })).toEqual(["weekly.mon"]);
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(fieldsOf({ ...valid, weekly: closed })).toEqual(["weekly"]);
    expect(fieldsOf({ ...valid, weekly: ["09:00-10:00"] })).toEqual(["weekly"]);
  });

  it("refuses an unknown holiday set and bad closures", () => {
    expect(fieldsOf({ ...valid, holidays: "BE" })).toEqual(["holidays"]);
    expect(fieldsOf({ ...valid, closures: "august" })).toEqual(["closures"]);
    expect(
      fieldsOf({ ...valid, closures: [{ from: "2026-08-31", to: "2026-08-01" }, { from: "2026-02-30", to: "x" }, null] }),
    ).toEqual(["closures[0].to", "closures[1].from", "closures[1].to", "closures[2].from", "closures[2].to"]);
  });

  it("refuses what is not an object", () => {
    expect(fieldsOf(null)).toEqual(["calendar"]);
    const result = parseCalendar("Europe/Paris");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toBe("calendar");
  });
});

describe("compileCalendar", () => {
  it("sorts ranges and closures and throws a typed error on a bad calendar", () => {
    const compiled = compileCalendar({
      ...valid,
      weekly: { ...valid.weekly, mon: ["13:30-18:00", "09:00-12:30"] },
      closures: [
        { from: "2026-12-24", to: "2026-12-31" },
        { from: "2026-08-03", to: "2026-08-21" },
      ],
    });
    expect(compiled.weekly.mon).toEqual([
      [540, 750],
      [810, 1080],
    ]);
    expect(compiled.closures[0]?.[0]).toBeLessThan(compiled.closures[1]?.[0] as number);
    expect(() => compileCalendar({ ...valid, timeZone: "Mars/Olympus" })).toThrowError(DomainValidationError);
  });
});
