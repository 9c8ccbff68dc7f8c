import { BusinessClock, type BusinessCalendar } from "@accord/domain";

/** Calendars in use are few (one per policy calendar); this bounds the cache if they keep changing. */
const MAX_CLOCKS = 32;
const clocks = new Map<string, BusinessClock>();

/**
 * The process's business clock for a calendar definition. A clock keeps each day's working intervals
 * once computed (finding a day's local midnight in its time zone is the costly part), so every page
 * and sweep of the process shares that work. Keyed by the definition itself: an edited calendar is a
 * new key, never a stale clock.
 */
export function businessClockFor(calendar: BusinessCalendar): BusinessClock {
  const key = JSON.stringify(calendar);
  let clock = clocks.get(key);
  if (!clock) {
    if (clocks.size >= MAX_CLOCKS) clocks.delete(clocks.keys().next().value!);
    clock = new BusinessClock(calendar);
    clocks.set(key, clock);
  }
  return clock;
}
