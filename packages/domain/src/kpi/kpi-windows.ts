import { assertInstant, assertIsoDate, daysBetween, type IsoDate } from "../dates/iso-date";
import { fail } from "../errors/errors";
import type { InvoiceHold, Period, RecurrenceRecord } from "./kpi";

/**
 * KPI helpers that put records in a window: the holds of the DSO impact clipped to a period, and the
 * recurrence of root causes. Pure; the SQL panels in core must give the same numbers.
 */

const DAY_MS = 86_400_000;

/** A case recurs when its account had a case with the same root cause opened in the 365 days (× 24 h) before it. */
export const RECURRENCE_WINDOW_DAYS = 365;

/**
 * The holds counted in a period of days: each hold cut to `[firstDay, asOf]` (its start moved to
 * `firstDay` when earlier, its end to `asOf` when later or still on hold), those left with no day on
 * hold dropped. `dsoImpact(holdsWithin(holds, window), window.asOf)` is then the period's impact.
 */
export function holdsWithin(holds: readonly InvoiceHold[], window: { readonly firstDay: IsoDate; readonly asOf: IsoDate }): InvoiceHold[] {
  assertIsoDate(window.firstDay, "firstDay");
  assertIsoDate(window.asOf, "asOf");
  const clipped: InvoiceHold[] = [];
  holds.forEach((hold, index) => {
    assertIsoDate(hold.holdStart, `holds[${index}].holdStart`);
    if (hold.holdEnd !== null) assertIsoDate(hold.holdEnd, `holds[${index}].holdEnd`);
    const start = hold.holdStart < window.firstDay ? window.firstDay : hold.holdStart;
    const end = hold.holdEnd === null || hold.holdEnd > window.asOf ? window.asOf : hold.holdEnd;
    if (daysBetween(start, end) > 0) clipped.push({ amountCents: hold.amountCents, holdStart: start, holdEnd: end });
  });
  return clipped;
}

export interface RecurrenceRow {
  readonly rootCause: string;
  /** Cases of the population with this root cause. */
  readonly cases: number;
  /** Those whose account had a case with the same root cause in the window before them. */
  readonly recurring: number;
  /** Distinct accounts of those cases. */
  readonly accounts: number;
}

/**
 * Root-cause recurrence over a population of cases (the caller's: e.g. received in the period, one
 * team), classified ones only: per root cause, the cases, the recurring ones and the accounts, most
 * cases first (ties by code, in code-unit order); and the cases per bucket of the `top` (5) first root
 * causes. A case is recurring when `history` (every case of the accounts, whatever the filters: the
 * recurrence is the account's) holds another case of the same account and root cause opened in
 * `[openedAt − 365 × 24 h, openedAt)`.
 */
export function rootCauseRecurrence(input: {
  readonly cases: readonly RecurrenceRecord[];
  readonly history: readonly RecurrenceRecord[];
  readonly buckets: readonly Period[];
  readonly top?: number;
}): { readonly rows: readonly RecurrenceRow[]; readonly series: readonly { readonly rootCause: string; readonly counts: readonly number[] }[] } {
  const top = input.top ?? 5;
  if (!Number.isSafeInteger(top) || top < 0) fail("invalid_argument", "top", { value: String(top) });
  input.cases.forEach((c, index) => assertInstant(c.openedAt, `cases[${index}].openedAt`));
  input.history.forEach((c, index) => assertInstant(c.openedAt, `history[${index}].openedAt`));
  const window = RECURRENCE_WINDOW_DAYS * DAY_MS;
  const groups = new Map<string, { cases: RecurrenceRecord[]; recurring: number; accounts: Set<string> }>();
  for (const c of input.cases) {
    if (c.rootCause === null || c.rootCause === "") continue;
    const group = groups.get(c.rootCause) ?? { cases: [], recurring: 0, accounts: new Set<string>() };
    groups.set(c.rootCause, group);
    group.cases.push(c);
    group.accounts.add(c.accountId);
    const at = c.openedAt.getTime();
    if (input.history.some((h) => h.rootCause === c.rootCause && h.accountId === c.accountId && h.openedAt.getTime() >= at - window && h.openedAt.getTime() < at)) {
      group.recurring += 1;
    }
  }
  const rows = [...groups.entries()]
    .sort(([a, x], [b, y]) => y.cases.length - x.cases.length || (a < b ? -1 : a > b ? 1 : 0))
    .map(([rootCause, group]) => ({ rootCause, cases: group.cases.length, recurring: group.recurring, accounts: group.accounts.size }));
  const series = rows.slice(0, top).map(({ rootCause }) => ({
    rootCause,
    counts: input.buckets.map((bucket) => groups.get(rootCause)!.cases.filter((c) => c.openedAt >= bucket.from && c.openedAt < bucket.to).length),
  }));
  return { rows, series };
}
