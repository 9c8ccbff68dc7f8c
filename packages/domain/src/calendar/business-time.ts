import { fail } from "../errors/errors";
import { assertInstant, fromEpochDay, isoDateParts, toEpochDay, WEEKDAYS, type Weekday } from "../dates/iso-date";
import { firstInstantAtWallTime, localDate, offsetMs } from "../dates/zoned";
import { compileCalendar, type BusinessCalendar, type CompiledCalendar } from "./calendar";
import { publicHolidaysFR } from "./holidays";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** No calendar may need more than this many days to find working time again. */
const MAX_DAYS_SCANNED = 366 * 200;

/** Half-open interval of real time `[start, end)` in epoch milliseconds. */
type Interval = readonly [start: number, end: number];

/**
 * A calendar prepared for repeated questions: public holidays are computed
 * once per year, and a day's working intervals once per day.
 */
export class BusinessClock {
  readonly calendar: CompiledCalendar;
  private readonly holidayDays = new Map<number, ReadonlySet<number>>();
  private readonly intervalsByDay = new Map<number, readonly Interval[]>();

  constructor(calendar: BusinessCalendar) {
    this.calendar = compileCalendar(calendar);
  }

  /** True when the calendar day (epoch day) is a public holiday or inside a closure. */
  isClosedDay(day: number): boolean {
    return this.closureEnd(day) !== null || this.isHoliday(day);
  }

  /** The real-time working intervals of one calendar day, in order. */
  workingIntervals(day: number): readonly Interval[] {
    let intervals = this.intervalsByDay.get(day);
    if (!intervals) {
      intervals = this.isClosedDay(day) ? [] : this.computeIntervals(day);
      this.intervalsByDay.set(day, intervals);
    }
    return intervals;
  }

  /** The calendar day (epoch day) that the calendar's local clock shows at `instantMs`. */
  localDay(instantMs: number): number {
    return toEpochDay(localDate(new Date(instantMs), this.calendar.timeZone));
  }

  /** The next day from `day` (included) that is not inside a closure. */
  nextDayOutsideClosures(day: number): number {
    let current = day;
    for (let end = this.closureEnd(current); end !== null; end = this.closureEnd(current)) current = end + 1;
    return current;
  }

  private closureEnd(day: number): number | null {
    let end: number | null = null;
    for (const [from, to] of this.calendar.closures) {
      if (from <= day && day <= to) end = Math.max(end ?? to, to);
    }
    return end;
  }

  private isHoliday(day: number): boolean {
    if (this.calendar.holidays === "none") return false;
    const { year } = isoDateParts(fromEpochDay(day));
    let days = this.holidayDays.get(year);
    if (!days) {
      const list = year < 1583 || year > 9999 ? [] : publicHolidaysFR(year, { alsaceMoselle: this.calendar.holidays === "FR-alsace-moselle" });
      days = new Set(list.map((holiday) => toEpochDay(holiday.date)));
      this.holidayDays.set(year, days);
    }
    return days.has(day);
  }

  private computeIntervals(day: number): Interval[] {
    const weekday = WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
    const { timeZone } = this.calendar;
    const ranges = this.calendar.weekly[weekday];
    if (ranges.length === 0) return [];
    // Fast path: the same offset half a day either side means no change that day.
    const before = offsetMs(day * DAY_MS - DAY_MS / 2, timeZone);
    const after = offsetMs((day + 1) * DAY_MS + DAY_MS / 2, timeZone);
    const toInstant = (minute: number): number =>
      before === after ? day * DAY_MS + minute * MINUTE_MS - before : firstInstantAtWallTime(day, minute, timeZone);
    return ranges
      .map(([start, end]): Interval => [toInstant(start), toInstant(end)])
      .filter(([start, end]) => end > start);
  }
}

function clockFor(calendar: BusinessCalendar | BusinessClock): BusinessClock {
  return calendar instanceof BusinessClock ? calendar : new BusinessClock(calendar);
}

/**
 * The instant at which `minutes` business minutes counted from `start` end.
 *
 * Only working time of `calendar` counts (its weekly ranges, in its time
 * zone, outside public holidays and closures). The result is the end of the
 * last counted minute: 210 minutes from Monday 09:00 with a 09:00–12:30
 * morning is 12:30 (not 13:30). `0` returns `start` itself. `minutes` may
 * carry a fraction; it is counted to the millisecond.
 *
 * @throws DomainValidationError `invalid_calendar`, `invalid_date` (`start`) or `invalid_argument` (`minutes`).
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar | BusinessClock): Date {
  assertInstant(start, "start");
  if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0) fail("invalid_argument", "minutes", { value: String(minutes) });
  const clock = clockFor(calendar);
  let remaining = Math.round(minutes * MINUTE_MS);
  const from = start.getTime();
  if (remaining === 0) return new Date(from);
  const firstDay = clock.localDay(from);
  let day = firstDay;
  for (;;) {
    day = clock.nextDayOutsideClosures(day);
    if (day - firstDay > MAX_DAYS_SCANNED) fail("invalid_calendar", "closures", { reason: "no_working_time" });
    for (const [intervalStart, intervalEnd] of clock.workingIntervals(day)) {
      if (intervalEnd <= from) continue;
      const begin = Math.max(intervalStart, from);
      const available = intervalEnd - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
    day += 1;
  }
}

/**
 * Business minutes between two instants: the working time of `calendar`
 * inside `[from, to)`. Negative when `to` is before `from`
 * (`businessMinutesBetween(a, b) === -businessMinutesBetween(b, a)`).
 * Whole minutes for minute-aligned instants; otherwise exact to the millisecond.
 *
 * @throws DomainValidationError `invalid_calendar` or `invalid_date` (`from`, `to`).
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar | BusinessClock): number {
  assertInstant(from, "from");
  assertInstant(to, "to");
  const clock = clockFor(calendar);
  const [start, end] = [from.getTime(), to.getTime()];
  if (end < start) return -businessMillisBetween(end, start, clock) / MINUTE_MS;
  return businessMillisBetween(start, end, clock) / MINUTE_MS;
}

function businessMillisBetween(start: number, end: number, clock: BusinessClock): number {
  if (end === start) return 0;
  const lastDay = clock.localDay(end);
  let total = 0;
  for (let day = clock.nextDayOutsideClosures(clock.localDay(start)); day <= lastDay; day = clock.nextDayOutsideClosures(day + 1)) {
    for (const [intervalStart, intervalEnd] of clock.workingIntervals(day)) {
      const overlap = Math.min(intervalEnd, end) - Math.max(intervalStart, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** True when `instant` falls inside working time of `calendar` (an open instant of a range). */
export function isBusinessTime(instant: Date, calendar: BusinessCalendar | BusinessClock): boolean {
  assertInstant(instant, "instant");
  const clock = clockFor(calendar);
  const at = instant.getTime();
  return clock.workingIntervals(clock.localDay(at)).some(([start, end]) => start <= at && at < end);
}
