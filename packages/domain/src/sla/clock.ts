import { fail } from "../errors/errors";
import { assertInstant } from "../dates/iso-date";
import { addBusinessMinutes, BusinessClock, businessMinutesBetween } from "../calendar/business-time";
import type { BusinessCalendar } from "../calendar/calendar";
import { clockStateOf, isCaseStatus, type CaseStatus, type ClockState } from "../lifecycle/statuses";

/** One entry of a case's status history: the status it entered, and when. */
export interface StatusChange {
  readonly status: CaseStatus;
  readonly at: Date;
}

/** The two SLA targets of a policy, in business minutes. */
export interface SlaTargets {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

export const DEFAULT_WARNING_SHARE = 0.8;

export interface SlaInput {
  /** Every status the case entered, oldest first; the first entry opens the case. */
  readonly history: readonly StatusChange[];
  readonly targets: SlaTargets;
  readonly calendar: BusinessCalendar | BusinessClock;
  /** The instant the question is asked at; history after it is ignored. */
  readonly now: Date;
  /** The first public reply or customer-visible status change by staff, if any. */
  readonly firstResponseAt?: Date | null;
  /** Share of a target at which the warning fires, in (0, 1]; 0.8 by default. */
  readonly warningShare?: number;
}

/** ok below the warning share, warning from it, breached from 100 % of the target. */
export type SlaState = "ok" | "warning" | "breached";

export interface SlaTargetStatus {
  readonly targetMinutes: number;
  /** Business minutes the clock has run for this target up to `now` (or up to completion). */
  readonly elapsedMinutes: number;
  /** `max(0, target − elapsed)`. */
  readonly remainingMinutes: number;
  /** What this target's clock does at `now`; `stopped` once the target is completed. */
  readonly clock: ClockState;
  /** When the target was completed (first response given, case resolved or ended), else null. */
  readonly completedAt: Date | null;
  /**
   * When the warning share is (or was) reached: a past instant when already
   * reached, a future one while the clock runs, null while it is paused or
   * stopped short of it.
   */
  readonly warningAt: Date | null;
  /** When 100 % is (or was) reached — the breach instant — under the same rule. */
  readonly deadlineAt: Date | null;
  readonly state: SlaState;
}

export interface SlaStatus {
  readonly firstResponse: SlaTargetStatus;
  readonly resolution: SlaTargetStatus;
  /** The earliest future warning or deadline instant, for the sweeper; null when nothing is due. */
  readonly nextCheckAt: Date | null;
}

/** Statuses that complete the resolution target (the case is resolved or ended). */
const COMPLETING: readonly CaseStatus[] = ["resolved", "closed", "withdrawn", "rejected", "duplicate"];

/** A running period of the clock; `end` null while it still runs at `now`. */
interface Segment {
  readonly start: number;
  readonly end: number | null;
}

/**
 * Computes both SLA targets of a case from its whole status history.
 *
 * The clock runs in `received`, `qualified`, `investigating` and
 * `mediation`, pauses while the case waits on the customer
 * (`awaiting_customer`, `negotiating`) and stops in `litigation`, `resolved`
 * and the terminal statuses; it counts business time of the calendar only.
 * The first-response clock also stops at `firstResponseAt`.
 *
 * Deadlines are derived from the history every time, never stored as a
 * running total: when the priority or policy changes, call it again with the
 * new targets and the time already paused stays paused.
 *
 * @throws DomainValidationError `invalid_history`, `unknown_status`, `invalid_policy`, `invalid_argument`, `invalid_date`.
 */
export function computeSla(input: SlaInput): SlaStatus {
  const { history, targets, now } = checkInput(input);
  const clock = input.calendar instanceof BusinessClock ? input.calendar : new BusinessClock(input.calendar);
  const warningShare = input.warningShare ?? DEFAULT_WARNING_SHARE;
  const nowMs = now.getTime();
  const known = history.filter((change) => change.at.getTime() <= nowMs);
  const current = known.at(-1)?.status ?? null;

  const resolutionDone = current !== null && COMPLETING.includes(current) ? completionInstant(known) : null;
  const responseAt = input.firstResponseAt ?? null;
  const responseDone = responseAt !== null && responseAt.getTime() <= nowMs ? Math.max(responseAt.getTime(), startOf(known, nowMs)) : null;

  const resolutionSegments = runningSegments(known, nowMs, null);
  const responseSegments = runningSegments(known, nowMs, responseDone);
  const statusClock: ClockState = current === null ? "stopped" : clockStateOf(current);

  const firstResponse = targetStatus({
    segments: responseSegments,
    target: targets.firstResponseMinutes,
    warningShare,
    clockState: responseDone !== null ? "stopped" : statusClock,
    completedAt: responseDone ?? (resolutionDone ?? null),
    nowMs,
    clock,
  });
  const resolution = targetStatus({
    segments: resolutionSegments,
    target: targets.resolutionMinutes,
    warningShare,
    clockState: statusClock,
    completedAt: resolutionDone,
    nowMs,
    clock,
  });
  const upcoming = [firstResponse, resolution]
    .flatMap((status) => [status.warningAt, status.deadlineAt])
    .filter((instant): instant is Date => instant !== null && instant.getTime() > nowMs)
    .sort((a, b) => a.getTime() - b.getTime());
  return { firstResponse, resolution, nextCheckAt: upcoming[0] ?? null };
}

function checkInput(input: SlaInput): SlaInput {
  assertInstant(input.now, "now");
  if (!Array.isArray(input.history) || input.history.length === 0) fail("invalid_history", "history", { reason: "empty" });
  input.history.forEach((change, index) => {
    if (!isCaseStatus(change?.status)) fail("unknown_status", `history[${index}].status`, { value: String(change?.status) });
    assertInstant(change.at, `history[${index}].at`);
    const previous = input.history[index - 1];
    if (previous && previous.at.getTime() > change.at.getTime()) fail("invalid_history", `history[${index}].at`, { reason: "not_in_order" });
  });
  for (const key of ["firstResponseMinutes", "resolutionMinutes"] as const) {
    const value = input.targets?.[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) fail("invalid_policy", `targets.${key}`, { value: String(value) });
  }
  const share = input.warningShare;
  if (share !== undefined && (typeof share !== "number" || !(share > 0 && share <= 1))) fail("invalid_argument", "warningShare", { value: String(share) });
  if (input.firstResponseAt !== undefined && input.firstResponseAt !== null) assertInstant(input.firstResponseAt, "firstResponseAt");
  return input;
}

function startOf(history: readonly StatusChange[], nowMs: number): number {
  return history[0]?.at.getTime() ?? nowMs;
}

/** The instant the case entered the completing run it is still in (resolved → closed counts from resolved). */
function completionInstant(history: readonly StatusChange[]): number {
  let index = history.length - 1;
  while (index > 0 && COMPLETING.includes((history[index - 1] as StatusChange).status)) index -= 1;
  return (history[index] as StatusChange).at.getTime();
}

/** The periods during which the clock ran, cut at `now` and at `stopAt` when given. */
function runningSegments(history: readonly StatusChange[], nowMs: number, stopAt: number | null): Segment[] {
  const segments: Segment[] = [];
  history.forEach((change, index) => {
    if (clockStateOf(change.status) !== "running") return;
    const start = change.at.getTime();
    const next = history[index + 1]?.at.getTime() ?? null;
    let end: number | null = next;
    if (stopAt !== null) end = Math.min(end ?? stopAt, stopAt);
    if (end !== null && end <= start) return;
    segments.push({ start, end });
  });
  return segments;
}

interface TargetInput {
  readonly segments: readonly Segment[];
  readonly target: number;
  readonly warningShare: number;
  readonly clockState: ClockState;
  readonly completedAt: number | null;
  readonly nowMs: number;
  readonly clock: BusinessClock;
}

function targetStatus(input: TargetInput): SlaTargetStatus {
  const { segments, target, warningShare, nowMs, clock } = input;
  const elapsed = segments.reduce(
    (sum, segment) => sum + businessMinutesBetween(new Date(segment.start), new Date(segment.end ?? nowMs), clock),
    0,
  );
  const state: SlaState = elapsed >= target ? "breached" : elapsed >= target * warningShare ? "warning" : "ok";
  return {
    targetMinutes: target,
    elapsedMinutes: elapsed,
    remainingMinutes: Math.max(0, target - elapsed),
    clock: input.completedAt !== null ? "stopped" : input.clockState,
    completedAt: input.completedAt === null ? null : new Date(input.completedAt),
    warningAt: instantReaching(segments, target * warningShare, clock),
    deadlineAt: instantReaching(segments, target, clock),
    state,
  };
}

/**
 * The instant at which the running time reaches `minutes`: inside a past
 * segment when it already did, in the future when the last segment still
 * runs, null otherwise.
 */
function instantReaching(segments: readonly Segment[], minutes: number, clock: BusinessClock): Date | null {
  let counted = 0;
  for (const segment of segments) {
    const start = new Date(segment.start);
    if (segment.end === null) return addBusinessMinutes(start, minutes - counted, clock);
    const length = businessMinutesBetween(start, new Date(segment.end), clock);
    if (counted + length >= minutes) return addBusinessMinutes(start, minutes - counted, clock);
    counted += length;
  }
  return null;
}
