/**
 * fast-check arbitraries shared by the property tests (test support only;
 * not exported from the package).
 */
import fc from "fast-check";
import { WEEKDAYS, type Weekday, fromEpochDay, toEpochDay } from "../dates/iso-date";
import type { BusinessCalendar, Closure } from "../calendar/calendar";

/** Zones with ordinary, half-hour (Lord Howe), midnight (Santiago) and no DST changes. */
export const TIME_ZONES = [
  "Europe/Paris",
  "UTC",
  "America/New_York",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
] as const;

function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Zero to three disjoint ranges of one day on a quarter-hour grid (touching allowed). */
const dayRanges: fc.Arbitrary<string[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      ranges.push(`${formatMinute((sorted[i] as number) * 15)}-${formatMinute((sorted[i + 1] as number) * 15)}`);
    }
    return ranges;
  });

const closure: fc.Arbitrary<Closure> = fc
  .tuple(fc.integer({ min: toEpochDay("2024-01-01"), max: toEpochDay("2028-12-31") }), fc.integer({ min: 0, max: 20 }))
  .map(([from, length]) => ({ from: fromEpochDay(from), to: fromEpochDay(from + length) }));

/** A valid business calendar with at least one working range in the week. */
export const calendarArbitrary: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...TIME_ZONES),
    days: fc.array(dayRanges, { minLength: 7, maxLength: 7 }),
    holidays: fc.constantFrom("FR" as const, "FR-alsace-moselle" as const, "none" as const),
    closures: fc.array(closure, { maxLength: 3 }),
  })
  .filter(({ days }) => days.some((ranges) => ranges.length > 0))
  .map(({ timeZone, days, holidays, closures }) => {
    const weekly = Object.fromEntries(WEEKDAYS.map((day, index) => [day, days[index] as string[]])) as Record<Weekday, string[]>;
    return { timeZone, weekly, holidays, closures };
  });

/** An instant between 2024 and 2028, to the millisecond or to the minute. */
export const instantArbitrary: fc.Arbitrary<Date> = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => new Date(ms)),
  fc.integer({ min: Date.UTC(2024, 0, 1) / 60_000, max: Date.UTC(2028, 11, 31) / 60_000 }).map((m) => new Date(m * 60_000)),
);
