import { fail } from "../errors/errors";
import { assertInstant, addDays, daysBetween, type IsoDate } from "../dates/iso-date";
import { addBusinessMinutes, BusinessClock } from "../calendar/business-time";
import type { BusinessCalendar } from "../calendar/calendar";
import { PRIORITIES, type Priority } from "../lifecycle/statuses";

/**
 * The notices the SLA and escalation sweeps send (ADR 0032). Each has a unique key, so a sweep run
 * twice sends nothing twice: the sweep records the key with the notice and skips a key it finds.
 */
export type SlaNoticeKind =
  | "first_response_warning"
  | "first_response_breach"
  | "resolution_warning"
  | "resolution_breach"
  | "inactivity"
  | "customer_reminder_1"
  | "customer_reminder_2"
  | "customer_action"
  | "pre_due";

export const SLA_NOTICE_KINDS = [
  "first_response_warning",
  "first_response_breach",
  "resolution_warning",
  "resolution_breach",
  "inactivity",
  "customer_reminder_1",
  "customer_reminder_2",
  "customer_action",
  "pre_due",
] as const satisfies readonly SlaNoticeKind[];

export interface DueNotice {
  readonly kind: SlaNoticeKind;
  readonly key: string;
  /** The instant the notice became due. */
  readonly dueAt: Date;
  /**
   * A later notice of the same series is due too (a sweep missed a window): the notice is recorded,
   * so it never goes later, but not sent — only the latest of a series is.
   */
  readonly superseded: boolean;
}

/** The escalation thresholds the sweeps read (the administration's « escalation » setting). */
export interface EscalationThresholds {
  /** Share of a target at which the warning fires, in (0, 1). */
  readonly warningShare: number;
  /** Business days without staff activity on an open case before the assignee is reminded. */
  readonly inactivityBusinessDays: number;
  /** Business days of customer silence before the first reminder. */
  readonly customerReminderBusinessDays: number;
  /** Business days after the first reminder before the second. */
  readonly customerSecondReminderBusinessDays: number;
  /** Business days after the second reminder before an unanswered evidence request closes the case as abandoned; null = nothing. */
  readonly abandonAfterBusinessDays: number | null;
  /** Calendar days before an invoice's due date at which its contacts are reminded; null = off. */
  readonly preDueReminderDays: number | null;
  /** Business days after resolution without a new message before the case closes. */
  readonly closeResolvedAfterBusinessDays: number;
}

/** The SLA instants stored on a case (`cases.*_warn_at`, `*_due_at`, `first_responded_at`). */
export interface CaseSlaInstants {
  readonly firstResponseWarnAt: Date | null;
  readonly firstResponseDueAt: Date | null;
  readonly resolutionWarnAt: Date | null;
  readonly resolutionDueAt: Date | null;
  readonly firstRespondedAt: Date | null;
}

export const slaNoticeKey = (caseId: string, target: "first_response" | "resolution", level: "warning" | "breach"): string =>
  `sla:${caseId}:${target}:${level}`;
export const inactivityNoticeKey = (caseId: string, lastActivityAt: Date): string => `inactivity:${caseId}:${lastActivityAt.toISOString()}`;
export const customerReminderKey = (subjectId: string, step: 1 | 2 | "action"): string => `reminder:${subjectId}:${step}`;
export const preDueReminderKey = (invoiceId: string, dueDate: IsoDate): string => `pre_due:${invoiceId}:${dueDate}`;

/** Marks every notice but the last of a series as superseded. */
function latestOnly(notices: DueNotice[]): DueNotice[] {
  return notices.map((notice, index) => ({ ...notice, superseded: index < notices.length - 1 }));
}

/**
 * The warnings and breaches due on a case at `at`, from its stored instants: the first-response pair
 * while no first response was given, the resolution pair always. A breach supersedes the warning of
 * the same target when both are due. Also the next instant still to come (the case's new
 * `next_sla_at`), null when none.
 */
export function dueSlaNotices(caseId: string, instants: CaseSlaInstants, at: Date): { notices: DueNotice[]; nextCheckAt: Date | null } {
  assertInstant(at, "at");
  const atMs = at.getTime();
  const notices: DueNotice[] = [];
  const upcoming: number[] = [];
  const targets = [
    { target: "first_response" as const, warn: instants.firstResponseWarnAt, due: instants.firstResponseDueAt, live: instants.firstRespondedAt === null },
    { target: "resolution" as const, warn: instants.resolutionWarnAt, due: instants.resolutionDueAt, live: true },
  ];
  for (const { target, warn, due, live } of targets) {
    if (!live) continue;
    const series: DueNotice[] = [];
    for (const [level, instant] of [["warning", warn], ["breach", due]] as const) {
      if (instant === null) continue;
      if (instant.getTime() <= atMs) series.push({ kind: `${target}_${level}`, key: slaNoticeKey(caseId, target, level), dueAt: instant, superseded: false });
      else upcoming.push(instant.getTime());
    }
    notices.push(...latestOnly(series));
  }
  const next = upcoming.length > 0 ? new Date(Math.min(...upcoming)) : null;
  return { notices, nextCheckAt: next };
}

/** `days` business days after `from` on the calendar (one business day is the working time of a Monday, as `workingDayMinutes`). */
export function addBusinessDays(from: Date, days: number, calendar: BusinessCalendar | BusinessClock): Date {
  assertInstant(from, "from");
  if (!Number.isSafeInteger(days) || days < 0) fail("invalid_argument", "days", { value: String(days) });
  const clock = calendar instanceof BusinessClock ? calendar : new BusinessClock(calendar);
  const dayMinutes = clock.calendar.weekly.mon.reduce((sum, [start, end]) => sum + end - start, 0);
  return addBusinessMinutes(from, days * dayMinutes, clock);
}

/** The inactivity reminder of an open case, once per period of silence (keyed by the last activity), or null. */
export function dueInactivityNotice(
  input: { caseId: string; lastActivityAt: Date; inactivityBusinessDays: number; calendar: BusinessCalendar | BusinessClock },
  at: Date,
): DueNotice | null {
  assertInstant(at, "at");
  const dueAt = addBusinessDays(input.lastActivityAt, input.inactivityBusinessDays, input.calendar);
  if (dueAt.getTime() > at.getTime()) return null;
  return { kind: "inactivity", key: inactivityNoticeKey(input.caseId, input.lastActivityAt), dueAt, superseded: false };
}

/**
 * The customer reminders due on an unanswered evidence request or proposal (`subjectId`) sent at
 * `since`: the first after `firstDays` business days, the second `secondDays` after it, then the
 * configured action `actionDays` after the second (null: none). Only the latest due is not superseded.
 */
export function dueCustomerReminders(
  input: {
    subjectId: string;
    since: Date;
    firstDays: number;
    secondDays: number;
    actionDays: number | null;
    calendar: BusinessCalendar | BusinessClock;
  },
  at: Date,
): DueNotice[] {
  assertInstant(at, "at");
  const clock = input.calendar instanceof BusinessClock ? input.calendar : new BusinessClock(input.calendar);
  const first = addBusinessDays(input.since, input.firstDays, clock);
  const second = addBusinessDays(first, input.secondDays, clock);
  const steps: { kind: SlaNoticeKind; step: 1 | 2 | "action"; dueAt: Date }[] = [
    { kind: "customer_reminder_1", step: 1, dueAt: first },
    { kind: "customer_reminder_2", step: 2, dueAt: second },
  ];
  if (input.actionDays !== null) steps.push({ kind: "customer_action", step: "action", dueAt: addBusinessDays(second, input.actionDays, clock) });
  const due = steps
    .filter((step) => step.dueAt.getTime() <= at.getTime())
    .map((step) => ({ kind: step.kind, key: customerReminderKey(input.subjectId, step.step), dueAt: step.dueAt, superseded: false }));
  return latestOnly(due);
}

/** Whether an invoice due on `dueDate` is in its pre-due reminder window on `today` (from `daysBefore` days before, up to the day itself). */
export function inPreDueWindow(dueDate: IsoDate, today: IsoDate, daysBefore: number): boolean {
  const left = daysBetween(today, dueDate);
  return left >= 0 && left <= daysBefore;
}

/** The last due date still in the window on `today` (for the sweep's range query). */
export function preDueWindowEnd(today: IsoDate, daysBefore: number): IsoDate {
  return addDays(today, daysBefore);
}

/** The priority one level up, on a breach: P4 → P3 → P2 → P1; P1 stays P1. */
export function raisedPriority(priority: Priority): Priority {
  const index = PRIORITIES.indexOf(priority);
  if (index < 0) fail("invalid_argument", "priority", { value: String(priority) });
  return PRIORITIES[Math.max(0, index - 1)] as Priority;
}
