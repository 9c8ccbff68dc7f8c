import { domainError, DomainValidationError, type DomainError } from "../errors/errors";
import { isIsoDate, toEpochDay, WEEKDAYS, type IsoDate, type Weekday } from "../dates/iso-date";
import { isValidTimeZone } from "../dates/zoned";

/** Which public holidays close the calendar. */
export const HOLIDAY_SETS = ["FR", "FR-alsace-moselle", "none"] as const;
export type HolidaySet = (typeof HOLIDAY_SETS)[number];

/** A closed period, both days included (`from` ≤ `to`). */
export interface Closure {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * A business calendar: when the clock of a case may run.
 *
 * `weekly` lists, for each weekday, working ranges `"HH:MM-HH:MM"` in local
 * wall-clock time of `timeZone`, half-open (`"09:00-12:30"` counts 09:00 up
 * to, not including, 12:30); `"24:00"` may end a range. Several ranges make a
 * lunch break. Every weekday key is required (`[]` when closed).
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  readonly weekly: Readonly<Record<Weekday, readonly string[]>>;
  readonly holidays: HolidaySet;
  readonly closures: readonly Closure[];
}

const WORKDAY = ["09:00-12:30", "13:30-18:00"] as const;

/** Europe/Paris, Monday–Friday 09:00–12:30 and 13:30–18:00, French public holidays, no closures. */
export const DEFAULT_CALENDAR: BusinessCalendar = Object.freeze({
  timeZone: "Europe/Paris",
  weekly: Object.freeze({ mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [], sun: [] }),
  holidays: "FR",
  closures: Object.freeze([]),
});

const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

/** A working range as minutes of the local day, half-open `[start, end)`. */
export type MinuteRange = readonly [start: number, end: number];

/** Parses `"HH:MM-HH:MM"` into minutes of the day, or null when malformed or empty. */
export function parseRange(range: unknown): MinuteRange | null {
  const parsed = readRange(range);
  return typeof parsed === "string" ? null : parsed;
}

function readRange(range: unknown): MinuteRange | "malformed_range" | "range_end_before_start" {
  const match = typeof range === "string" ? RANGE.exec(range) : null;
  if (!match) return "malformed_range";
  const [h1, m1, h2, m2] = [match[1], match[2], match[3], match[4]].map(Number) as [number, number, number, number];
  if (m1 > 59 || m2 > 59 || h1 > 23 || h2 > 24 || (h2 === 24 && m2 !== 0)) return "malformed_range";
  const start = h1 * 60 + m1;
  const end = h2 * 60 + m2;
  return start < end ? [start, end] : "range_end_before_start";
}

/**
 * Every problem of a calendar-shaped value, each naming its field
 * (`timeZone`, `weekly.mon[1]`, `closures[0].to`…). Empty when valid.
 */
export function validateCalendar(input: unknown): DomainError[] {
  const errors: DomainError[] = [];
  const problem = (field: string, reason: string, value?: unknown): void => {
    errors.push(
      domainError("invalid_calendar", {
        field,
        messageKey: `domain.error.invalid_calendar.${reason}`,
        params: { reason, ...(value === undefined ? {} : { value: String(value) }) },
      }),
    );
  };
  if (typeof input !== "object" || input === null) {
    problem("calendar", "not_an_object");
    return errors;
  }
  const calendar = input as Record<string, unknown>;
  if (!isValidTimeZone(calendar.timeZone)) problem("timeZone", "unknown_time_zone", calendar.timeZone);
  validateWeekly(calendar.weekly, problem);
  if (!HOLIDAY_SETS.includes(calendar.holidays as HolidaySet)) problem("holidays", "unknown_holiday_set", calendar.holidays);
  validateClosures(calendar.closures, problem);
  return errors;
}

type Problem = (field: string, reason: string, value?: unknown) => void;

function validateWeekly(weekly: unknown, problem: Problem): void {
  if (typeof weekly !== "object" || weekly === null || Array.isArray(weekly)) {
    problem("weekly", "not_an_object");
    return;
  }
  const days = weekly as Record<string, unknown>;
  for (const key of Object.keys(days)) {
    if (!WEEKDAYS.includes(key as Weekday)) problem(`weekly.${key}`, "unknown_weekday", key);
  }
  let workingMinutes = 0;
  for (const day of WEEKDAYS) {
    const ranges = days[day];
    if (!Array.isArray(ranges)) {
      problem(`weekly.${day}`, "missing_weekday");
      continue;
    }
    const parsed: MinuteRange[] = [];
    ranges.forEach((range, index) => {
      const minutes = readRange(range);
      if (typeof minutes === "string") problem(`weekly.${day}[${index}]`, minutes, range);
      else parsed.push(minutes);
    });
    parsed.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < parsed.length; i++) {
      if ((parsed[i] as MinuteRange)[0] < (parsed[i - 1] as MinuteRange)[1]) problem(`weekly.${day}`, "overlapping_ranges");
    }
    workingMinutes += parsed.reduce((sum, [start, end]) => sum + end - start, 0);
  }
  if (workingMinutes === 0) problem("weekly", "no_working_time");
}

function validateClosures(closures: unknown, problem: Problem): void {
  if (!Array.isArray(closures)) {
    problem("closures", "not_an_array");
    return;
  }
  closures.forEach((closure: unknown, index) => {
    const { from, to } = (typeof closure === "object" && closure !== null ? closure : {}) as Record<string, unknown>;
    if (!isIsoDate(from)) problem(`closures[${index}].from`, "invalid_date", from);
    if (!isIsoDate(to)) problem(`closures[${index}].to`, "invalid_date", to);
    if (isIsoDate(from) && isIsoDate(to) && to < from) problem(`closures[${index}].to`, "closure_end_before_start", to);
  });
}

/** Checks an unknown value and returns it as a calendar, or the first error (with all of them). */
export function parseCalendar(
  input: unknown,
): { ok: true; calendar: BusinessCalendar } | { ok: false; error: DomainError; errors: DomainError[] } {
  const errors = validateCalendar(input);
  const [first] = errors;
  if (first) return { ok: false, error: first, errors };
  return { ok: true, calendar: input as BusinessCalendar };
}

/** A calendar checked and parsed once, ready for the business-time loops. */
export interface CompiledCalendar {
  readonly timeZone: string;
  readonly weekly: Readonly<Record<Weekday, readonly MinuteRange[]>>;
  readonly holidays: HolidaySet;
  /** Closures as inclusive epoch-day pairs, sorted. */
  readonly closures: readonly (readonly [number, number])[];
}

/** Validates and parses a calendar; throws `invalid_calendar` naming the first bad field. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const [first] = validateCalendar(calendar);
  if (first) throw new DomainValidationError(first);
  const weekly = {} as Record<Weekday, MinuteRange[]>;
  for (const day of WEEKDAYS) {
    weekly[day] = calendar.weekly[day].map((range) => parseRange(range) as MinuteRange).sort((a, b) => a[0] - b[0]);
  }
  const closures = calendar.closures
    .map((closure) => [toEpochDay(closure.from), toEpochDay(closure.to)] as const)
    .sort((a, b) => a[0] - b[0]);
  return { timeZone: calendar.timeZone, weekly, holidays: calendar.holidays, closures };
}
