import { fail } from "../errors/errors";
import { addDays, assertInstant, assertIsoDate, daysBetween, endOfMonth, weekdayOf, WEEKDAYS, type IsoDate } from "../dates/iso-date";
import { BusinessClock, businessMinutesBetween } from "../calendar/business-time";
import type { BusinessCalendar } from "../calendar/calendar";
import { assertCents } from "../money/money";
import { isOutcome, type Outcome } from "../lifecycle/statuses";
import type { SlaTargetStatus } from "../sla/clock";

/**
 * KPI definitions over plain records. The caller chooses the population
 * (e.g. the cases resolved in the period, of one team); these functions
 * define what is computed on it. Rates are percentages (0–100) and means
 * are exact (unrounded); both are null when the population is empty.
 * The SQL versions in core must give the same numbers on the same data.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part * 100) / whole);

/** A half-open period `[from, to)`. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

// ---------------------------------------------------------------- volume, backlog

export interface CaseSpan {
  readonly openedAt: Date;
  /** When the case reached `resolved` or a terminal status; null while it is open. */
  readonly resolvedAt: Date | null;
}

/** Cases opened in the period: `from ≤ openedAt < to`. */
export function volume(cases: readonly CaseSpan[], period: Period): number {
  assertInstant(period.from, "period.from");
  assertInstant(period.to, "period.to");
  return checkSpans(cases).filter((c) => c.openedAt >= period.from && c.openedAt < period.to).length;
}

/** Cases open at `at`: `openedAt ≤ at` and (`resolvedAt` null or `at < resolvedAt`). */
export function backlog(cases: readonly CaseSpan[], at: Date): number {
  assertInstant(at, "at");
  return checkSpans(cases).filter((c) => c.openedAt <= at && (c.resolvedAt === null || at < c.resolvedAt)).length;
}

// ---------------------------------------------------------------- MTTR

export interface Mttr {
  /** Resolved cases measured (those with `resolvedAt`). */
  readonly count: number;
  /** Mean of `resolvedAt − openedAt`, in minutes. */
  readonly calendarMinutes: number | null;
  /** Mean of the business minutes of `calendar` between opening and resolution (pauses included). */
  readonly businessMinutes: number | null;
}

/** Mean time to resolve, in calendar and in business time; open cases are left out. */
export function mttr(cases: readonly CaseSpan[], calendar: BusinessCalendar | BusinessClock): Mttr {
  const clock = calendar instanceof BusinessClock ? calendar : new BusinessClock(calendar);
  const resolved = checkSpans(cases).filter((c): c is CaseSpan & { resolvedAt: Date } => c.resolvedAt !== null);
  if (resolved.length === 0) return { count: 0, calendarMinutes: null, businessMinutes: null };
  const calendarTotal = resolved.reduce((sum, c) => sum + (c.resolvedAt.getTime() - c.openedAt.getTime()) / MINUTE_MS, 0);
  const businessTotal = resolved.reduce((sum, c) => sum + businessMinutesBetween(c.openedAt, c.resolvedAt, clock), 0);
  return { count: resolved.length, calendarMinutes: calendarTotal / resolved.length, businessMinutes: businessTotal / resolved.length };
}

function checkSpans(cases: readonly CaseSpan[]): readonly CaseSpan[] {
  cases.forEach((c, index) => {
    assertInstant(c.openedAt, `cases[${index}].openedAt`);
    if (c.resolvedAt !== null) {
      assertInstant(c.resolvedAt, `cases[${index}].resolvedAt`);
      if (c.resolvedAt < c.openedAt) fail("invalid_argument", `cases[${index}].resolvedAt`, { reason: "before_opening" });
    }
  });
  return cases;
}

// ---------------------------------------------------------------- SLA compliance

/** A target's result: met (completed in time), breached (late, finished or not), pending (running, not late yet). */
export type SlaOutcome = "met" | "breached" | "pending";

/** The outcome of one target computed by `computeSla`. */
export function slaOutcomeOf(target: SlaTargetStatus): SlaOutcome {
  if (target.state === "breached") return "breached";
  return target.completedAt === null ? "pending" : "met";
}

export interface Compliance {
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  /** `met × 100 / (met + breached)`; pending cases are left out. */
  readonly rate: number | null;
}

/** First-response and resolution SLA compliance. */
export function slaCompliance(cases: readonly { readonly firstResponse: SlaOutcome; readonly resolution: SlaOutcome }[]): {
  readonly firstResponse: Compliance;
  readonly resolution: Compliance;
} {
  const tally = (key: "firstResponse" | "resolution"): Compliance => {
    const counts = { met: 0, breached: 0, pending: 0 };
    cases.forEach((c, index) => {
      const outcome = c[key];
      if (!(outcome in counts)) fail("invalid_argument", `cases[${index}].${key}`, { value: String(outcome) });
      counts[outcome] += 1;
    });
    return { ...counts, rate: percent(counts.met, counts.met + counts.breached) };
  };
  return { firstResponse: tally("firstResponse"), resolution: tally("resolution") };
}

// ---------------------------------------------------------------- root-cause Pareto

export interface ParetoRow {
  readonly rootCause: string;
  readonly count: number;
  /** `count × 100 / classified`. */
  readonly percent: number;
  /** Running total of the counts so far × 100 / classified (the last row is 100). */
  readonly cumulativePercent: number;
}

/**
 * Cases per root cause, most frequent first (ties by root-cause code,
 * ascending by UTF-16 code units), with each share and the cumulative share.
 * Cases without a root cause are counted apart (`unclassified`).
 */
export function rootCausePareto(cases: readonly { readonly rootCause: string | null }[]): {
  readonly classified: number;
  readonly unclassified: number;
  readonly rows: readonly ParetoRow[];
} {
  const counts = new Map<string, number>();
  let unclassified = 0;
  for (const { rootCause } of cases) {
    if (rootCause === null || rootCause === "") unclassified += 1;
    else counts.set(rootCause, (counts.get(rootCause) ?? 0) + 1);
  }
  const classified = cases.length - unclassified;
  let running = 0;
  const rows = [...counts.entries()]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([rootCause, count]): ParetoRow => {
      running += count;
      return { rootCause, count, percent: (count * 100) / classified, cumulativePercent: (running * 100) / classified };
    });
  return { classified, unclassified, rows };
}

// ---------------------------------------------------------------- amounts

export interface CaseAmounts {
  readonly disputedCents: number;
  readonly creditedCents: number;
  readonly recoveredCents: number;
  readonly legalCostsCents: number;
}

/**
 * Sums per case population, in one currency: exposed (disputed), credited,
 * recovered (paid by the customer after a rejection or partial decision)
 * and legal costs.
 */
export function amountTotals(cases: readonly CaseAmounts[]): {
  readonly exposedCents: number;
  readonly creditedCents: number;
  readonly recoveredCents: number;
  readonly legalCostsCents: number;
} {
  const totals = { exposedCents: 0, creditedCents: 0, recoveredCents: 0, legalCostsCents: 0 };
  cases.forEach((c, index) => {
    for (const key of ["disputedCents", "creditedCents", "recoveredCents", "legalCostsCents"] as const) assertCents(c[key], `cases[${index}].${key}`);
    totals.exposedCents += c.disputedCents;
    totals.creditedCents += c.creditedCents;
    totals.recoveredCents += c.recoveredCents;
    totals.legalCostsCents += c.legalCostsCents;
  });
  for (const [key, value] of Object.entries(totals)) if (!Number.isSafeInteger(value)) fail("invalid_amount", key, { reason: "overflow" });
  return totals;
}

// ---------------------------------------------------------------- DSO impact

export interface InvoiceHold {
  readonly amountCents: number;
  /** First day on hold (the dispute opened on the invoice). */
  readonly holdStart: IsoDate;
  /** Day the hold ended (resolution); null while still on hold. */
  readonly holdEnd: IsoDate | null;
}

/**
 * DSO impact: Σ amount × days on hold, where days on hold =
 * `min(holdEnd ?? asOf, asOf) − holdStart` in calendar days (never below 0).
 * `averageDays` is that sum divided by the amounts on hold (amount-weighted).
 */
export function dsoImpact(holds: readonly InvoiceHold[], asOf: IsoDate): { readonly amountCents: number; readonly centDays: number; readonly averageDays: number | null } {
  assertIsoDate(asOf, "asOf");
  let amountCents = 0;
  let centDays = 0;
  holds.forEach((hold, index) => {
    assertCents(hold.amountCents, `holds[${index}].amountCents`);
    assertIsoDate(hold.holdStart, `holds[${index}].holdStart`);
    if (hold.holdEnd !== null) assertIsoDate(hold.holdEnd, `holds[${index}].holdEnd`);
    const end = hold.holdEnd === null || hold.holdEnd > asOf ? asOf : hold.holdEnd;
    amountCents += hold.amountCents;
    centDays += hold.amountCents * Math.max(0, daysBetween(hold.holdStart, end));
  });
  if (!Number.isSafeInteger(centDays)) fail("invalid_amount", "holds", { reason: "overflow" });
  return { amountCents, centDays, averageDays: amountCents === 0 ? null : centDays / amountCents };
}

// ---------------------------------------------------------------- amicable vs litigation

export interface DecidedCase {
  readonly outcome: Outcome | null;
  readonly wentToLitigation: boolean;
  readonly legalCostsCents: number;
}

/**
 * Over decided cases (outcome not null): amicable = never went to
 * litigation, litigation = went. Legal costs avoided = amicable cases × the
 * cost of one litigation: `estimatedLegalCostPerLitigationCents` when given,
 * else the mean legal costs of the litigated cases (rounded half up to the
 * cent; null when there is none).
 */
export function resolutionChannels(cases: readonly DecidedCase[], options: { readonly estimatedLegalCostPerLitigationCents?: number } = {}) {
  let amicable = 0;
  let litigation = 0;
  let legalCostsCents = 0;
  cases.forEach((c, index) => {
    if (c.outcome !== null && !isOutcome(c.outcome)) fail("unknown_outcome", `cases[${index}].outcome`, { value: String(c.outcome) });
    assertCents(c.legalCostsCents, `cases[${index}].legalCostsCents`);
    if (c.outcome === null) return;
    if (c.wentToLitigation) {
      litigation += 1;
      legalCostsCents += c.legalCostsCents;
    } else amicable += 1;
  });
  const estimate = options.estimatedLegalCostPerLitigationCents;
  if (estimate !== undefined) assertCents(estimate, "estimatedLegalCostPerLitigationCents");
  const perLitigation = estimate ?? (litigation === 0 ? null : Math.floor((2 * legalCostsCents + litigation) / (2 * litigation)));
  const decided = amicable + litigation;
  return {
    decided,
    amicable,
    litigation,
    amicableRate: percent(amicable, decided),
    litigationRate: percent(litigation, decided),
    legalCostsCents,
    legalCostsAvoidedCents: perLitigation === null ? null : amicable * perLitigation,
  };
}

// ---------------------------------------------------------------- NPS

/**
 * Net Promoter Score from 0–10 answers: promoters 9–10, passives 7–8,
 * detractors 0–6; NPS = % promoters − % detractors (−100 to 100).
 */
export function nps(scores: readonly number[]) {
  let promoters = 0;
  let detractors = 0;
  scores.forEach((score, index) => {
    if (!Number.isInteger(score) || score < 0 || score > 10) fail("invalid_argument", `scores[${index}]`, { value: String(score) });
    if (score >= 9) promoters += 1;
    else if (score <= 6) detractors += 1;
  });
  const responses = scores.length;
  return { responses, promoters, passives: responses - promoters - detractors, detractors, nps: percent(promoters - detractors, responses) };
}

// ---------------------------------------------------------------- churn after a dispute

/**
 * Churn after a dispute. The population is the accounts with a dispute
 * resolved at least `windowDays` before `asOf`; for each, the latest such
 * resolution day D counts. The account churned when it has no invoice
 * issued in `(D, D + windowDays]`. Rate = churned × 100 / accounts.
 */
export function churnAfterDispute(input: {
  readonly disputes: readonly { readonly accountId: string; readonly resolvedOn: IsoDate }[];
  readonly invoices: readonly { readonly accountId: string; readonly issuedOn: IsoDate }[];
  readonly asOf: IsoDate;
  readonly windowDays?: number;
}) {
  const windowDays = input.windowDays ?? 180;
  if (!Number.isSafeInteger(windowDays) || windowDays <= 0) fail("invalid_argument", "windowDays", { value: String(windowDays) });
  assertIsoDate(input.asOf, "asOf");
  const latest = new Map<string, IsoDate>();
  input.disputes.forEach((d, index) => {
    assertIsoDate(d.resolvedOn, `disputes[${index}].resolvedOn`);
    if (daysBetween(d.resolvedOn, input.asOf) < windowDays) return;
    const known = latest.get(d.accountId);
    if (known === undefined || d.resolvedOn > known) latest.set(d.accountId, d.resolvedOn);
  });
  input.invoices.forEach((invoice, index) => assertIsoDate(invoice.issuedOn, `invoices[${index}].issuedOn`));
  const churnedAccountIds = [...latest.entries()]
    .filter(([accountId, resolvedOn]) => !input.invoices.some((i) => i.accountId === accountId && i.issuedOn > resolvedOn && daysBetween(resolvedOn, i.issuedOn) <= windowDays))
    .map(([accountId]) => accountId)
    .sort();
  return { accounts: latest.size, churned: churnedAccountIds.length, rate: percent(churnedAccountIds.length, latest.size), churnedAccountIds };
}

// ---------------------------------------------------------------- corrective-action effectiveness

export interface CorrectiveActionRecord {
  readonly id: string;
  readonly rootCause: string;
  readonly completedAt: Date;
  /** When set, only this account's cases count. */
  readonly accountId?: string | null;
  /** The case the action was taken on: when set, that case is never one of its recurrences. */
  readonly caseId?: string | null;
}

export interface RecurrenceRecord {
  readonly rootCause: string | null;
  readonly accountId: string;
  readonly openedAt: Date;
  /** Identifies the case, so that an action's own case can be left out (see `caseId` of the action). */
  readonly caseId?: string;
}

/**
 * Recurrences before and after each corrective action: cases with the
 * action's root cause (and account, when the action names one; never the
 * action's own case, when both name it) opened in
 * `[completedAt − W, completedAt)` and in `[completedAt, completedAt + W)`,
 * W = `windowDays` × 24 h (90 days by default). Only actions whose "after"
 * window has ended by `asOf` count. Reduction = (before − after) × 100 / before.
 */
export function correctiveActionEffectiveness(input: {
  readonly actions: readonly CorrectiveActionRecord[];
  readonly cases: readonly RecurrenceRecord[];
  readonly asOf: Date;
  readonly windowDays?: number;
}) {
  const windowDays = input.windowDays ?? 90;
  if (!Number.isSafeInteger(windowDays) || windowDays <= 0) fail("invalid_argument", "windowDays", { value: String(windowDays) });
  assertInstant(input.asOf, "asOf");
  input.cases.forEach((c, index) => assertInstant(c.openedAt, `cases[${index}].openedAt`));
  const window = windowDays * DAY_MS;
  const rows = input.actions
    .map((action, index) => {
      assertInstant(action.completedAt, `actions[${index}].completedAt`);
      return action;
    })
    .filter((action) => action.completedAt.getTime() + window <= input.asOf.getTime())
    .map((action) => {
      const done = action.completedAt.getTime();
      const related = input.cases.filter((c) => c.rootCause === action.rootCause && (action.accountId == null || c.accountId === action.accountId) && (action.caseId == null || c.caseId !== action.caseId));
      const before = related.filter((c) => c.openedAt.getTime() >= done - window && c.openedAt.getTime() < done).length;
      const after = related.filter((c) => c.openedAt.getTime() >= done && c.openedAt.getTime() < done + window).length;
      return { id: action.id, rootCause: action.rootCause, before, after, reductionPercent: percent(before - after, before) };
    });
  const before = rows.reduce((sum, row) => sum + row.before, 0);
  const after = rows.reduce((sum, row) => sum + row.after, 0);
  return { actions: rows, before, after, reductionPercent: percent(before - after, before) };
}

// ---------------------------------------------------------------- gains

/**
 * Cost per dispute over a population of cases (e.g. those resolved in the period): the time recorded
 * on them valued at `hourlyCostCents`, plus their legal costs. The time cost is computed once on the
 * total minutes, `minutes × hourlyCostCents / 60` rounded half up to the cent (so it does not depend
 * on how the minutes are split among cases); `perCaseCents` is the exact mean, null when no case.
 */
export function costPerDispute(input: { readonly cases: readonly { readonly minutes: number; readonly legalCostsCents: number }[]; readonly hourlyCostCents: number }) {
  assertCents(input.hourlyCostCents, "hourlyCostCents");
  let minutes = 0;
  let legalCostsCents = 0;
  input.cases.forEach((c, index) => {
    if (!Number.isSafeInteger(c.minutes) || c.minutes < 0) fail("invalid_argument", `cases[${index}].minutes`, { value: String(c.minutes) });
    assertCents(c.legalCostsCents, `cases[${index}].legalCostsCents`);
    minutes += c.minutes;
    legalCostsCents += c.legalCostsCents;
  });
  // Half up on non-negative integers: ⌊(2·m·h + 60) / 120⌋.
  const timeCostCents = Math.floor((2 * minutes * input.hourlyCostCents + 60) / 120);
  const totalCents = timeCostCents + legalCostsCents;
  if (!Number.isSafeInteger(2 * minutes * input.hourlyCostCents + 60) || !Number.isSafeInteger(totalCents)) fail("invalid_amount", "cases", { reason: "overflow" });
  const count = input.cases.length;
  return { count, minutes, timeCostCents, legalCostsCents, totalCents, perCaseCents: count === 0 ? null : totalCents / count };
}

/**
 * Credit notes granted without a confirmed root cause: the decisions granting a credit (`grantedCents`
 * > 0) whose case has no root cause (null or empty code), counted and summed.
 */
export function creditNotesWithoutRootCause(decisions: readonly { readonly grantedCents: number; readonly rootCause: string | null }[]) {
  let count = 0;
  let cents = 0;
  decisions.forEach((d, index) => {
    assertCents(d.grantedCents, `decisions[${index}].grantedCents`);
    if (d.grantedCents > 0 && (d.rootCause === null || d.rootCause === "")) {
      count += 1;
      cents += d.grantedCents;
    }
  });
  if (!Number.isSafeInteger(cents)) fail("invalid_amount", "decisions", { reason: "overflow" });
  return { count, cents };
}

/** Contractual penalties paid: the decisions with penalties (> 0), counted and summed. */
export function penaltiesPaid(decisions: readonly { readonly penaltiesCents: number }[]) {
  let count = 0;
  let cents = 0;
  decisions.forEach((d, index) => {
    assertCents(d.penaltiesCents, `decisions[${index}].penaltiesCents`);
    if (d.penaltiesCents > 0) {
      count += 1;
      cents += d.penaltiesCents;
    }
  });
  if (!Number.isSafeInteger(cents)) fail("invalid_amount", "decisions", { reason: "overflow" });
  return { count, cents };
}

// ---------------------------------------------------------------- periods and buckets

/** A period of whole local days, `lastDay` included, with its steps for a time series. */
export interface DayPeriod {
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
}

/**
 * The steps of a time series over a period of days: calendar months when the period spans more
 * than 92 days, ISO weeks (from Monday) otherwise. The first and last steps are cut to the period.
 * Each step is `{ key, firstDay, lastDay }`, `key` being the month's first day or the week's Monday.
 */
export function periodBuckets(period: DayPeriod): { readonly granularity: "month" | "week"; readonly buckets: readonly (DayPeriod & { readonly key: IsoDate })[] } {
  assertIsoDate(period.firstDay, "firstDay");
  assertIsoDate(period.lastDay, "lastDay");
  if (period.lastDay < period.firstDay) fail("invalid_argument", "lastDay", { reason: "before_first_day" });
  const granularity = daysBetween(period.firstDay, period.lastDay) + 1 > 92 ? "month" : "week";
  const buckets: (DayPeriod & { key: IsoDate })[] = [];
  let key = granularity === "month" ? `${period.firstDay.slice(0, 8)}01` : addDays(period.firstDay, -WEEKDAYS.indexOf(weekdayOf(period.firstDay)));
  while (key <= period.lastDay) {
    const next = granularity === "month" ? addDays(endOfMonth(key), 1) : addDays(key, 7);
    const last = addDays(next, -1);
    buckets.push({ key, firstDay: key < period.firstDay ? period.firstDay : key, lastDay: last > period.lastDay ? period.lastDay : last });
    key = next;
  }
  return { granularity, buckets };
}

/** The period of the same number of days that ends the day before `period` starts (the trends' reference). */
export function previousPeriod(period: DayPeriod): DayPeriod {
  assertIsoDate(period.firstDay, "firstDay");
  assertIsoDate(period.lastDay, "lastDay");
  const length = daysBetween(period.firstDay, period.lastDay) + 1;
  return { firstDay: addDays(period.firstDay, -length), lastDay: addDays(period.firstDay, -1) };
}

/** A trend: `(current − previous) × 100 / previous`; null when either is null or previous is 0. */
export function trend(current: number | null, previous: number | null): { readonly current: number | null; readonly previous: number | null; readonly changePercent: number | null } {
  return { current, previous, changePercent: current === null || previous === null || previous === 0 ? null : ((current - previous) * 100) / previous };
}
