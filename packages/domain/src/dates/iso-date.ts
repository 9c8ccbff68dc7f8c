import { fail } from "../errors/errors";

/**
 * Calendar dates as `YYYY-MM-DD` strings: a day on a calendar, with no time
 * and no time zone (an invoice date, a due date, a public holiday).
 * Arithmetic goes through the "epoch day" (days since 1970-01-01), so it never
 * meets a daylight-saving change.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Weekday keys of a calendar, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** True when `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Year 0000 does not exist for PostgreSQL (its dates run from 4713 BC to 1 BC, then AD 1): refused.
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Throws `invalid_date` naming `field` unless `value` is a real `YYYY-MM-DD` date. */
export function assertIsoDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isIsoDate(value)) fail("invalid_date", field, { value: String(value) });
}

/** Throws `invalid_date` naming `field` unless `value` is a valid `Date`. */
export function assertInstant(value: unknown, field: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail("invalid_date", field, { value: String(value) });
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian). */
export function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

/** The `{ year, month, day }` of a valid ISO date (unchecked). */
export function isoDateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = isoDateParts(date);
  return epochDay(year, month, day);
}

export function fromEpochDay(days: number): IsoDate {
  const date = new Date(days * DAY_MS);
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The last day of the month of `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = isoDateParts(date);
  return formatIsoDate(year, month, daysInMonth(year, month));
}

/** The weekday key (`mon` … `sun`) of a calendar date. */
export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  const index = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return WEEKDAYS[index] as Weekday;
}
