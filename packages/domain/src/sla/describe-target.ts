import { fail } from "../errors/errors";
import type { BusinessCalendar } from "../calendar/calendar";
import { workingDayMinutes } from "./policy";

/**
 * An SLA target in plain words, as data the apps translate: "1 jour ouvré", "4 heures ouvrées".
 * `value` is a whole number of days, or hours with at most one decimal.
 */
export interface TargetInWords {
  readonly unit: "business_days" | "business_hours";
  readonly value: number;
}

/**
 * A target in business minutes in the calendar's words: whole working days when it is a whole
 * number of the calendar's working days ({@link workingDayMinutes}), hours otherwise (rounded to
 * one decimal, never to zero).
 *
 * `describeTarget(480, DEFAULT_CALENDAR)` → `{ unit: "business_days", value: 1 }`;
 * `describeTarget(240, DEFAULT_CALENDAR)` → `{ unit: "business_hours", value: 4 }`.
 *
 * @throws DomainValidationError `invalid_argument` (`minutes`) unless a positive integer.
 */
export function describeTarget(minutes: number, calendar: BusinessCalendar): TargetInWords {
  if (!Number.isSafeInteger(minutes) || minutes <= 0) fail("invalid_argument", "minutes", { value: String(minutes) });
  const day = workingDayMinutes(calendar);
  if (day > 0 && minutes % day === 0) return { unit: "business_days", value: minutes / day };
  return { unit: "business_hours", value: Math.max(0.1, Math.round(minutes / 6) / 10) };
}
