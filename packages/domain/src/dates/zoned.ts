import { fail } from "../errors/errors";
import { epochDay, formatIsoDate, toEpochDay, type IsoDate } from "./iso-date";

/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`.
 * Offsets are read from the platform's time-zone database, so daylight-saving
 * changes are whatever the zone really does.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** True when the platform knows the IANA time zone `timeZone`. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock reading of `instantMs` in `timeZone`. */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const read = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const era = parts.find((p) => p.type === "era")?.value;
  const year = era === "BC" || era === "B" ? 1 - read("year") : read("year");
  return { year, month: read("month"), day: read("day"), hour: read("hour"), minute: read("minute"), second: read("second") };
}

/** Offset of `timeZone` from UTC at `instantMs`, in milliseconds (Paris in summer: +7 200 000). */
export function offsetMs(instantMs: number, timeZone: string): number {
  const wall = wallClock(instantMs, timeZone);
  const wallAsUtc = epochDay(wall.year, wall.month, wall.day) * DAY_MS + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  const truncated = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallAsUtc - truncated;
}

/** The calendar date that the local clock of `timeZone` shows at `instant`. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  if (!isValidTimeZone(timeZone)) fail("invalid_argument", "timeZone", { value: String(timeZone) });
  const wall = wallClock(instant.getTime(), timeZone);
  return formatIsoDate(wall.year, wall.month, wall.day);
}

/**
 * The first instant at which the local clock of `timeZone` reads
 * `minuteOfDay` (0–1440) on the calendar day `day` (an epoch day), or later.
 *
 * - A wall time that happens once maps to that instant.
 * - A repeated wall time (autumn change) maps to its first occurrence.
 * - A skipped wall time (spring change) maps to the instant the gap ends.
 *
 * The mapping is monotonic, so consecutive working ranges never overlap and
 * their lengths add up.
 */
export function firstInstantAtWallTime(day: number, minuteOfDay: number, timeZone: string): number {
  const wallMs = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const offsetBefore = offsetMs(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter]
    .filter((instant) => instant + offsetMs(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // Skipped wall time: find the transition between the two readings.
  let low = Math.min(wallMs - offsetBefore, wallMs - offsetAfter);
  let high = Math.max(wallMs - offsetBefore, wallMs - offsetAfter);
  // Invariant: the clock reads earlier than the wall time at `low`, later at `high`.
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (middle + offsetMs(middle, timeZone) < wallMs) low = middle;
    else high = middle;
  }
  return high;
}

/** The instant the local day `day` starts in `timeZone` (its first instant at 00:00, or after a skipped midnight). */
export function startOfLocalDay(day: IsoDate, timeZone: string): Date {
  if (!isValidTimeZone(timeZone)) fail("invalid_argument", "timeZone", { value: String(timeZone) });
  return new Date(firstInstantAtWallTime(toEpochDay(day), 0, timeZone));
}
