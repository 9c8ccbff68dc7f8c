import { businessCalendars, caseEvents, cases, customerAccounts, slaNotices, slaPolicies, type DbOrTx, type Tx } from "@accord/db";
import {
  computeSla,
  DEFAULT_CALENDAR,
  isCaseStatus,
  selectSlaPolicy,
  slaNoticeKey,
  type BusinessCalendar,
  type CaseStatus,
  type CaseType,
  type CustomerTier,
  type Priority,
  type SlaStatus,
  type StatusChange,
} from "@accord/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { loadEscalationSettings } from "../admin/get-escalation-settings";

/** The policy a case runs under, with its calendar. */
export interface SlaPolicyWithCalendar {
  id: string;
  name: string;
  priority: Priority | null;
  type: CaseType | null;
  tier: CustomerTier | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  calendarId: string;
  calendar: BusinessCalendar;
}

/** Every active policy with its calendar (a few dozen rows at most). */
export async function loadSlaPolicies(db: DbOrTx): Promise<SlaPolicyWithCalendar[]> {
  const rows = await db
    .select({ policy: slaPolicies, calendar: businessCalendars.definition })
    .from(slaPolicies)
    .innerJoin(businessCalendars, eq(businessCalendars.id, slaPolicies.calendarId))
    .where(eq(slaPolicies.active, true))
    .orderBy(asc(slaPolicies.createdAt), asc(slaPolicies.id));
  return rows.map(({ policy, calendar }) => ({
    id: policy.id,
    name: policy.name,
    priority: policy.priority as Priority | null,
    type: policy.type as CaseType | null,
    tier: policy.tier as CustomerTier | null,
    firstResponseMinutes: policy.firstResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    calendarId: policy.calendarId,
    calendar: calendar as BusinessCalendar,
  }));
}

/** The policy for a case profile; null when no policy matches (the case then has no SLA deadlines). */
export async function selectPolicyFor(
  db: DbOrTx,
  profile: { priority: Priority; type: CaseType; tier: CustomerTier },
): Promise<SlaPolicyWithCalendar | null> {
  return selectSlaPolicy(await loadSlaPolicies(db), profile);
}

/** The default business calendar (the seeded French one, or the domain's when none is stored). */
export async function defaultCalendar(db: DbOrTx): Promise<BusinessCalendar> {
  const [row] = await db.select({ definition: businessCalendars.definition }).from(businessCalendars).where(eq(businessCalendars.isDefault, true)).limit(1);
  return (row?.definition as BusinessCalendar | undefined) ?? DEFAULT_CALENDAR;
}

/**
 * A case's status history from its event chain: `case_received` opens it, and every event whose
 * payload has `{ to: <status> }` is a status change (the convention of every use case that moves a case).
 */
export function statusHistoryOf(events: readonly { type: string; at: Date; payload: Record<string, unknown> }[]): StatusChange[] {
  const history: StatusChange[] = [];
  for (const event of events) {
    if (event.type === "case_received") history.push({ status: "received", at: event.at });
    else if (isCaseStatus(event.payload.to) && event.payload.to !== history.at(-1)?.status) {
      history.push({ status: event.payload.to as CaseStatus, at: event.at });
    }
  }
  return history;
}

/** The stored SLA columns of a case from the domain's verdict. */
export function slaColumns(status: SlaStatus) {
  return {
    firstResponseDueAt: status.firstResponse.deadlineAt,
    firstResponseWarnAt: status.firstResponse.warningAt,
    resolutionDueAt: status.resolution.deadlineAt,
    resolutionWarnAt: status.resolution.warningAt,
    nextSlaAt: status.nextCheckAt,
  };
}

/** The SLA verdict of one case at `now` (from its policy, calendar and status history); null without a policy. */
export async function caseSlaStatus(
  db: DbOrTx,
  caseId: string,
  now: Date,
): Promise<{ status: SlaStatus; policy: SlaPolicyWithCalendar; history: StatusChange[] } | null> {
  const [row] = await db
    .select({ slaPolicyId: cases.slaPolicyId, firstRespondedAt: cases.firstRespondedAt, priority: cases.priority, type: cases.type, tier: customerAccounts.tier })
    .from(cases)
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const policies = await loadSlaPolicies(db);
  const policy =
    policies.find((p) => p.id === row.slaPolicyId) ??
    selectSlaPolicy(policies, { priority: row.priority as Priority, type: row.type as CaseType, tier: row.tier as CustomerTier });
  if (!policy) return null;
  const events = await db
    .select({ type: caseEvents.type, at: caseEvents.at, payload: caseEvents.payload })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
  const history = statusHistoryOf(events);
  if (history.length === 0) return null;
  // The warning instant follows the administration's escalation setting (ADR 0032).
  const { warningShare } = await loadEscalationSettings(db);
  const status = computeSla({
    history,
    targets: policy,
    calendar: policy.calendar,
    now,
    firstResponseAt: row.firstRespondedAt,
    warningShare,
  });
  return { status, policy, history };
}

/**
 * Recomputes and stores a case's SLA instants after a change (status, priority, first response), in
 * the caller's transaction, after the change's events were appended.
 */
export async function refreshCaseSla(tx: Tx, caseId: string, now: Date): Promise<SlaStatus | null> {
  const verdict = await caseSlaStatus(tx, caseId, now);
  if (!verdict) return null;
  const pending = await unsentPastInstant(tx, caseId, verdict.status, now);
  await tx.update(cases).set(storedSlaColumns(verdict.status, verdict.policy, pending)).where(and(eq(cases.id, caseId)));
  return verdict.status;
}

/**
 * The SLA columns of a case about to be filed (status received at `receivedAt`, no first response),
 * computed before the case exists so that filing writes them with the case row and takes the year's
 * reference counter as late as it can (ADR 0049). The same verdict as `refreshCaseSla` once the
 * `case_received` event is appended; no notice can be recorded for a case not filed yet. Also the
 * policy (for the acknowledgement's commitment); null without a policy.
 */
export async function newCaseSla(
  db: DbOrTx,
  profile: { priority: Priority; type: CaseType; tier: CustomerTier },
  receivedAt: Date,
  now: Date,
): Promise<{ policy: SlaPolicyWithCalendar; columns: ReturnType<typeof storedSlaColumns> } | null> {
  const policy = await selectPolicyFor(db, profile);
  if (!policy) return null;
  const { warningShare } = await loadEscalationSettings(db);
  const status = computeSla({
    history: [{ status: "received", at: receivedAt }],
    targets: policy,
    calendar: policy.calendar,
    now,
    firstResponseAt: null,
    warningShare,
  });
  const reached = reachedInstants(status, now).map((r) => r.at.getTime());
  return { policy, columns: storedSlaColumns(status, policy, reached.length > 0 ? new Date(Math.min(...reached)) : null) };
}

/** What a case stores of its verdict: the instants, the next check (a reached but unsent notice first) and the policy. */
function storedSlaColumns(status: SlaStatus, policy: SlaPolicyWithCalendar, pending: Date | null) {
  const next = status.nextCheckAt;
  return {
    ...slaColumns(status),
    // A warning or breach already reached but not yet handled by the sweep stays due (ADR 0032).
    nextSlaAt: pending && (!next || pending.getTime() < next.getTime()) ? pending : next,
    slaPolicyId: policy.id,
  };
}

/** The warning and breach instants of the targets still running that `now` has reached. */
function reachedInstants(status: SlaStatus, now: Date): { target: "first_response" | "resolution"; level: "warning" | "breach"; at: Date }[] {
  const reached: { target: "first_response" | "resolution"; level: "warning" | "breach"; at: Date }[] = [];
  for (const [target, verdict] of [["first_response", status.firstResponse], ["resolution", status.resolution]] as const) {
    if (verdict.completedAt !== null) continue;
    for (const [level, at] of [["warning", verdict.warningAt], ["breach", verdict.deadlineAt]] as const) {
      if (at && at.getTime() <= now.getTime()) reached.push({ target, level, at });
    }
  }
  return reached;
}

/**
 * The earliest warning or breach instant of a target still running that is already reached but whose
 * notice the sweep has not recorded yet (a change between the instant and the sweep's next run must
 * not make it skip the notice); null when none.
 */
async function unsentPastInstant(tx: Tx, caseId: string, status: SlaStatus, now: Date): Promise<Date | null> {
  const reached = reachedInstants(status, now).map(({ target, level, at }) => ({ key: slaNoticeKey(caseId, target, level), at }));
  if (reached.length === 0) return null;
  const recorded = new Set((await tx.select({ key: slaNotices.key }).from(slaNotices).where(inArray(slaNotices.key, reached.map((r) => r.key)))).map((r) => r.key));
  const unsent = reached.filter((r) => !recorded.has(r.key)).map((r) => r.at.getTime());
  return unsent.length > 0 ? new Date(Math.min(...unsent)) : null;
}
