import type { Actor, StaffActor } from "@accord/auth";
import {
  cases,
  customerAccounts,
  OPEN_CASE,
  rootCauses,
  staffUsers,
  teams,
  TERMINAL_CASE_STATUSES,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
  type CaseType,
  type DbOrTx,
} from "@accord/db";
import {
  addDays,
  businessMinutesBetween,
  DEFAULT_CALENDAR,
  startOfLocalDay,
  workingDayMinutes,
  type BusinessCalendar,
  type BusinessClock,
  type Outcome,
} from "@accord/domain";
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { staffCaseScope } from "../instruction/staff-case";
import { defaultCalendar, loadSlaPolicies } from "../sla/case-sla";
import { businessClockFor } from "../sla/business-clock-for";
import {
  caseQueueQuerySchema,
  encodeQueueCursor,
  NO_ROOT_CAUSE,
  QUEUE_PAGE_SIZE,
  UNASSIGNED,
  type CaseQueueQuery,
  type CaseQueueQueryInput,
  type QueueSlaState,
} from "./case-queue-query";

export interface CaseQueueItem {
  id: string;
  reference: string;
  title: string;
  customerName: string;
  accountId: string;
  type: CaseType;
  status: CaseStatus;
  priority: CasePriority;
  channel: CaseChannel;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  teamName: string | null;
  disputedAmountCents: number;
  currency: string;
  receivedAt: Date;
  /** The nearest deadline still binding (first response while unanswered, else resolution); null when none runs. */
  deadlineAt: Date | null;
  deadlineKind: "first_response" | "resolution" | null;
  /** Business minutes from `now` to the deadline in the case's calendar; negative once it passed. */
  businessMinutesLeft: number | null;
  /** Working minutes of a day in the case's calendar (to say "2 j ouvrés"); null without a deadline. */
  businessDayMinutes: number | null;
  slaState: QueueSlaState;
  /** When the case was resolved or ended (null while it runs): ended rows show it instead of a countdown. */
  endedAt: Date | null;
  outcome: Outcome | null;
  rootCauseCode: string | null;
}

export interface CaseQueuePage {
  query: CaseQueueQuery;
  cases: CaseQueueItem[];
  /** The cursor of the next page (`after=`), null on the last one. */
  nextCursor: string | null;
}

/** The SQL condition of an SLA state at `now`, on the stored (generated) instants only. */
function slaStateCondition(state: QueueSlaState, now: Date): SQL {
  switch (state) {
    case "breached":
      return lte(cases.slaDueAt, now);
    case "warning":
      return and(gt(cases.slaDueAt, now), lte(cases.slaWarnAt, now))!;
    case "ok":
      return and(gt(cases.slaDueAt, now), or(isNull(cases.slaWarnAt), gt(cases.slaWarnAt, now)))!;
  }
}

/** The dashboard's time zone: a period's days are Paris days. */
const PERIOD_TIME_ZONE = "Europe/Paris";

/** The date a period applies to. */
function periodColumn(query: CaseQueueQuery) {
  return query.on === "ended" ? cases.endedAt : query.on === "resolved" ? cases.resolvedAt : cases.receivedAt;
}

/**
 * The `ended` sort's key: the end instant. Over every case (`state=all`) the running ones have none and
 * come last ('-infinity' in a descending order, so the keyset comparison never meets a null).
 */
function endedKey(query: CaseQueueQuery): SQL {
  return query.state === "ended" ? sql`${cases.endedAt}` : sql`coalesce(${cases.endedAt}, '-infinity'::timestamptz)`;
}

/** Every WHERE condition of a query, the keyset one included. */
function conditions(actor: StaffActor, query: CaseQueueQuery, now: Date): SQL[] {
  const where: SQL[] = [];
  if (query.state === "open") {
    // Open cases unless a closed status is asked for: the partial indexes need this literal predicate.
    if (!query.status.some((status) => (TERMINAL_CASE_STATUSES as readonly string[]).includes(status))) where.push(OPEN_CASE);
  } else if (query.state === "ended") {
    where.push(isNotNull(cases.endedAt));
  }
  if (query.status.length > 0) where.push(inArray(cases.status, query.status));

  const scope = staffCaseScope(actor);
  if (scope) where.push(scope);
  if (query.scope === "mine") where.push(eq(cases.assigneeId, actor.userId));
  if (query.scope === "team") where.push(actor.teamIds.length > 0 ? inArray(cases.teamId, actor.teamIds) : sql`false`);

  if (query.type) where.push(eq(cases.type, query.type));
  if (query.priority) where.push(eq(cases.priority, query.priority));
  if (query.team) where.push(eq(cases.teamId, query.team));
  if (query.assignee) where.push(query.assignee === UNASSIGNED ? isNull(cases.assigneeId) : eq(cases.assigneeId, query.assignee));
  if (query.account) where.push(eq(cases.accountId, query.account));
  if (query.channel) where.push(eq(cases.channel, query.channel));
  if (query.amountMin !== undefined) where.push(gte(cases.disputedAmountCents, query.amountMin));
  if (query.amountMax !== undefined) where.push(lte(cases.disputedAmountCents, query.amountMax));
  if (query.sla) where.push(slaStateCondition(query.sla, now));
  // Paris days, `to` included: from the first day's midnight to the midnight after the last.
  if (query.from) where.push(gte(periodColumn(query), startOfLocalDay(query.from, PERIOD_TIME_ZONE)));
  if (query.to) where.push(lt(periodColumn(query), startOfLocalDay(addDays(query.to, 1), PERIOD_TIME_ZONE)));
  if (query.rootCause) where.push(query.rootCause === NO_ROOT_CAUSE ? isNull(cases.rootCauseCode) : eq(cases.rootCauseCode, query.rootCause));
  if (query.outcome) where.push(eq(cases.outcome, query.outcome));
  if (query.tier) where.push(sql`${cases.accountId} in (select ${customerAccounts.id} from ${customerAccounts} where ${customerAccounts.tier} = ${query.tier})`);

  if (query.after) {
    const { key, id } = query.after;
    where.push(
      query.sort === "sla"
        ? sql`(${cases.slaDueAt}, ${cases.id}) > (${key}::timestamptz, ${id}::uuid)`
        : query.sort === "ended"
          ? sql`(${endedKey(query)}, ${cases.id}) < (${key}::timestamptz, ${id}::uuid)`
          : sql`(${cases.receivedAt}, ${cases.id}) < (${key}::timestamptz, ${id}::uuid)`,
    );
  }
  return where;
}

/** The ORDER BY of a sort, matching its index (ADR 0010). */
function orderBy(query: CaseQueueQuery): SQL[] {
  switch (query.sort) {
    case "sla":
      return [sql`${cases.slaDueAt} asc`, sql`${cases.id} asc`];
    case "ended":
      return [sql`${endedKey(query)} desc`, sql`${cases.id} desc`];
    case "received":
      return [sql`${cases.receivedAt} desc nulls last`, sql`${cases.id} desc nulls last`];
  }
}

/** The sort key a row's cursor carries. */
function sortKey(query: CaseQueueQuery): SQL {
  return query.sort === "sla" ? sql`${cases.slaDueAt}` : query.sort === "ended" ? endedKey(query) : sql`${cases.receivedAt}`;
}

/** The page's one query (exported for the benchmark, which runs the same SQL alone). */
export function caseQueueStatement(db: DbOrTx, actor: StaffActor, query: CaseQueueQuery, now: Date) {
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      title: cases.title,
      customerName: customerAccounts.name,
      accountId: cases.accountId,
      type: cases.type,
      status: cases.status,
      priority: cases.priority,
      channel: cases.channel,
      assigneeId: cases.assigneeId,
      assigneeName: staffUsers.name,
      teamId: cases.teamId,
      teamName: teams.name,
      disputedAmountCents: cases.disputedAmountCents,
      currency: cases.currency,
      receivedAt: cases.receivedAt,
      slaPolicyId: cases.slaPolicyId,
      firstRespondedAt: cases.firstRespondedAt,
      firstResponseDueAt: cases.firstResponseDueAt,
      resolutionDueAt: cases.resolutionDueAt,
      slaWarnAt: cases.slaWarnAt,
      endedAt: cases.endedAt,
      outcome: cases.outcome,
      rootCauseCode: cases.rootCauseCode,
      /** The exact sort key as text (microseconds, or '±infinity'), for the next page's cursor. */
      sortKey: sql<string>`case when isfinite(${sortKey(query)}) then to_char(${sortKey(query)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') when ${sortKey(query)} < 'epoch'::timestamptz then '-infinity' else 'infinity' end`,
    })
    .from(cases)
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assigneeId))
    .leftJoin(teams, eq(teams.id, cases.teamId))
    .where(and(...conditions(actor, query, now)))
    .orderBy(...orderBy(query))
    .limit(QUEUE_PAGE_SIZE + 1);
}

type QueueRow = Awaited<ReturnType<typeof caseQueueStatement>>[number];

/** The binding deadline of a row, by the same rule as the generated `sla_due_at` column. */
function bindingDeadline(row: QueueRow): { at: Date; kind: "first_response" | "resolution" } | null {
  const firstResponse = row.firstRespondedAt === null ? row.firstResponseDueAt : null;
  if (firstResponse && (!row.resolutionDueAt || firstResponse.getTime() <= row.resolutionDueAt.getTime())) {
    return { at: firstResponse, kind: "first_response" };
  }
  return row.resolutionDueAt ? { at: row.resolutionDueAt, kind: "resolution" } : null;
}

/**
 * The back-office queue: one page of 50 cases for a staff member's scope (mine, my teams, all) and
 * filters, by the nearest SLA deadline (cases without one last) or the most recent first, with
 * keyset pagination. Time left is in business time of each case's policy calendar.
 * A mediator sees only the cases they mediate.
 */
export async function listCaseQueue({
  db,
  actor,
  input = {},
  now,
}: {
  db: DbOrTx;
  actor: Actor | null | undefined;
  input?: CaseQueueQueryInput | Record<string, unknown>;
  now: Date;
}): Promise<CaseQueuePage> {
  const staff = requireStaff(actor, "case:read");
  const parsed = caseQueueQuerySchema.safeParse(input);
  if (!parsed.success) throw queryError(parsed.error);
  const query = parsed.data;
  if (query.rootCause && query.rootCause !== NO_ROOT_CAUSE) {
    // An unknown code is a wrong link, said on its field rather than shown as an empty list.
    const [cause] = await db.select({ code: rootCauses.code }).from(rootCauses).where(eq(rootCauses.code, query.rootCause)).limit(1);
    if (!cause) throw new AppError("validation", { messageKey: "queue.error.invalidQuery", fieldErrors: { rootCause: ["queue.error.invalid"] } });
  }

  const rows = await caseQueueStatement(db, staff, query, now);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > QUEUE_PAGE_SIZE && last) {
    nextCursor = encodeQueueCursor({ key: last.sortKey, id: last.id });
  }

  const clocks = await calendarClocks(db, page);
  return {
    query,
    nextCursor,
    cases: page.map((row) => {
      const deadline = bindingDeadline(row);
      const slaState: QueueSlaState =
        deadline && deadline.at.getTime() <= now.getTime() ? "breached" : row.slaWarnAt && row.slaWarnAt.getTime() <= now.getTime() ? "warning" : "ok";
      return {
        id: row.id,
        reference: row.reference,
        title: row.title,
        customerName: row.customerName,
        accountId: row.accountId,
        type: row.type,
        status: row.status,
        priority: row.priority,
        channel: row.channel,
        assigneeId: row.assigneeId,
        assigneeName: row.assigneeName,
        teamId: row.teamId,
        teamName: row.teamName,
        disputedAmountCents: row.disputedAmountCents,
        currency: row.currency,
        receivedAt: row.receivedAt,
        deadlineAt: deadline?.at ?? null,
        deadlineKind: deadline?.kind ?? null,
        businessMinutesLeft: deadline ? Math.round(businessMinutesBetween(now, deadline.at, clocks(row.slaPolicyId).clock)) : null,
        businessDayMinutes: deadline ? clocks(row.slaPolicyId).dayMinutes : null,
        slaState,
        endedAt: row.endedAt,
        outcome: row.outcome as Outcome | null,
        rootCauseCode: row.rootCauseCode,
      };
    }),
  };
}

/** A bad query string, each message on its form field (`status.2` is the `status` field). */
function queryError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "query");
    const messages = (fieldErrors[field] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return new AppError("validation", { messageKey: "queue.error.invalidQuery", fieldErrors });
}

/** The business clock of each row's calendar (policies are read only when a row needs one). */
async function calendarClocks(db: DbOrTx, rows: QueueRow[]): Promise<(policyId: string | null) => { clock: BusinessClock; dayMinutes: number }> {
  const needed = rows.some((row) => bindingDeadline(row) !== null);
  const policies = needed ? await loadSlaPolicies(db) : [];
  const fallback = needed ? await defaultCalendar(db) : DEFAULT_CALENDAR;
  const clocks = new Map<string, { clock: BusinessClock; dayMinutes: number }>();
  const clockOf = (key: string, calendar: BusinessCalendar) => {
    let clock = clocks.get(key);
    if (!clock) clocks.set(key, (clock = { clock: businessClockFor(calendar), dayMinutes: workingDayMinutes(calendar) }));
    return clock;
  };
  return (policyId) => {
    const policy = policyId ? policies.find((p) => p.id === policyId) : undefined;
    return policy ? clockOf(policy.calendarId, policy.calendar) : clockOf("default", fallback);
  };
}
