import { caseDecisions, cases, correctiveActions, customerAccounts, rootCauses, staffUsers, type DbOrTx, type Language } from "@accord/db";
import { localDate, type IsoDate } from "@accord/domain";
import { sql, type SQL } from "drizzle-orm";
import { kpiCaseConditions, within } from "./kpi-conditions";
import type { KpiScope } from "./kpi-query";

/**
 * The lists of the monthly review pack (issue 15, point 5), each one SQL statement over the cases of
 * the scope's filters. Instants are read as epoch milliseconds (drizzle's postgres.js client leaves
 * timestamps of raw statements as text).
 */

const instant = (at: Date): SQL => sql`${at.toISOString()}::timestamptz`;
const ms = (column: SQL | unknown): SQL => sql`(extract(epoch from ${column}) * 1000)::float8`;
const dateOf = (value: number | null): Date | null => (value === null ? null : new Date(value));
const filtersOf = (scope: KpiScope): SQL => sql.join(kpiCaseConditions(scope.filters), sql` and `);

export interface TopDispute {
  readonly reference: string;
  readonly title: string;
  readonly accountName: string;
  readonly type: string;
  readonly status: string;
  readonly disputedAmountCents: number;
  readonly receivedAt: Date;
  readonly endedAt: Date | null;
}

/**
 * The 10 largest disputed amounts among the cases received in the period or still open at its end
 * (received before `asOf`, not ended before it: the instant `asOf` itself belongs to the next period);
 * ties by reception, then reference.
 */
export async function topDisputes(db: DbOrTx, scope: KpiScope): Promise<TopDispute[]> {
  const asOf = instant(scope.asOf);
  const rows = await db.execute<{ reference: string; title: string; account_name: string; type: string; status: string; amount: number; received_ms: number; ended_ms: number | null }>(sql`
    select ${cases.reference} as reference, ${cases.title} as title, ${customerAccounts.name} as account_name, ${cases.type} as type, ${cases.status} as status,
      ${cases.disputedAmountCents}::float8 as amount, ${ms(cases.receivedAt)} as received_ms, ${ms(cases.endedAt)} as ended_ms
    from ${cases} join ${customerAccounts} on ${customerAccounts.id} = ${cases.accountId}
    where ${filtersOf(scope)}
      and (${within(cases.receivedAt, scope.period)} or (${cases.receivedAt} < ${asOf} and (${cases.endedAt} is null or ${cases.endedAt} >= ${asOf})))
    order by ${cases.disputedAmountCents} desc, ${cases.receivedAt}, ${cases.reference}
    limit 10`);
  return rows.map((row) => ({
    reference: row.reference,
    title: row.title,
    accountName: row.account_name,
    type: row.type,
    status: row.status,
    disputedAmountCents: Number(row.amount),
    receivedAt: new Date(row.received_ms),
    endedAt: dateOf(row.ended_ms),
  }));
}

export interface SlaBreach {
  readonly reference: string;
  readonly accountName: string;
  readonly target: "first_response" | "resolution";
  readonly dueAt: Date;
  /** The first response, or the case's end (resolution); null while not done. */
  readonly doneAt: Date | null;
  readonly assigneeName: string | null;
}

/**
 * The SLA targets whose deadline fell in the period and was missed: first response done after its
 * deadline or still not given at `asOf` (a case that ended before its deadline without a response was
 * not missed); resolution ended after its deadline (`ended_at`) or still open at `asOf`. A deadline after
 * `asOf` is not missed yet. By deadline, then reference, first response first.
 */
export async function slaBreaches(db: DbOrTx, scope: KpiScope): Promise<SlaBreach[]> {
  const asOf = instant(scope.asOf);
  const from = instant(scope.period.from);
  const to = instant(scope.period.to);
  const rows = await db.execute<{ reference: string; account_name: string; target: "first_response" | "resolution"; due_ms: number; done_ms: number | null; assignee_name: string | null }>(sql`
    select ${cases.reference} as reference, ${customerAccounts.name} as account_name, target.name as target,
      ${ms(sql`target.due_at`)} as due_ms, ${ms(sql`target.done_at`)} as done_ms, ${staffUsers.name} as assignee_name
    from ${cases}
      join ${customerAccounts} on ${customerAccounts.id} = ${cases.accountId}
      left join ${staffUsers} on ${staffUsers.id} = ${cases.assigneeId}
      cross join lateral (values
        ('first_response', ${cases.firstResponseDueAt}, ${cases.firstRespondedAt}, coalesce(${cases.firstRespondedAt}, ${cases.endedAt})),
        ('resolution', ${cases.resolutionDueAt}, ${cases.endedAt}, ${cases.endedAt})
      ) as target (name, due_at, done_at, stopped_at)
    where ${filtersOf(scope)}
      and target.due_at >= ${from} and target.due_at < ${to}
      and target.due_at < coalesce(least(target.stopped_at, ${asOf}), ${asOf})
    order by target.due_at, ${cases.reference}, target.name`);
  return rows.map((row) => ({
    reference: row.reference,
    accountName: row.account_name,
    target: row.target,
    dueAt: new Date(row.due_ms),
    doneAt: dateOf(row.done_ms),
    assigneeName: row.assignee_name,
  }));
}

export interface DecisionRow {
  readonly reference: string;
  readonly accountName: string;
  readonly outcome: string;
  readonly grantedCents: number;
  readonly penaltiesCents: number;
  readonly creditNoteNumber: string | null;
  readonly decidedAt: Date;
}

/** The decisions recorded in the period (`decided_at`), in order. */
export async function decisions(db: DbOrTx, scope: KpiScope): Promise<DecisionRow[]> {
  const rows = await db.execute<{ reference: string; account_name: string; outcome: string; granted: number; penalties: number; credit_note_number: string | null; decided_ms: number }>(sql`
    select ${cases.reference} as reference, ${customerAccounts.name} as account_name, ${caseDecisions.outcome} as outcome,
      ${caseDecisions.grantedCents}::float8 as granted, ${caseDecisions.penaltiesCents}::float8 as penalties,
      ${caseDecisions.creditNoteNumber} as credit_note_number, ${ms(caseDecisions.decidedAt)} as decided_ms
    from ${caseDecisions}
      join ${cases} on ${cases.id} = ${caseDecisions.caseId}
      join ${customerAccounts} on ${customerAccounts.id} = ${cases.accountId}
    where ${filtersOf(scope)} and ${within(caseDecisions.decidedAt, scope.period)}
    order by ${caseDecisions.decidedAt}, ${cases.reference}`);
  return rows.map((row) => ({
    reference: row.reference,
    accountName: row.account_name,
    outcome: row.outcome,
    grantedCents: Number(row.granted),
    penaltiesCents: Number(row.penalties),
    creditNoteNumber: row.credit_note_number,
    decidedAt: new Date(row.decided_ms),
  }));
}

export interface CorrectiveFollowUpRow {
  readonly id: string;
  readonly title: string;
  readonly caseReference: string;
  readonly rootCause: string;
  readonly rootCauseLabel: string;
  readonly ownerName: string;
  readonly dueDate: IsoDate;
  readonly status: "open" | "done" | "waived";
  readonly doneAt: Date | null;
  /** Not done by its due day: done after it, or still open (not waived) after it at `asOf`. */
  readonly overdue: boolean;
}

/**
 * The corrective actions created or done in the period, or open at its end (created before `asOf`,
 * neither done nor waived before it), on the cases of the filters; by due date. Root-cause labels in `language`.
 */
export async function correctiveFollowUp(db: DbOrTx, scope: KpiScope, language: Language = "fr"): Promise<CorrectiveFollowUpRow[]> {
  const asOf = instant(scope.asOf);
  const asOfDay = localDate(scope.asOf, scope.timeZone);
  const label = language === "en" ? rootCauses.labelEn : rootCauses.labelFr;
  const doneBy = sql`(${correctiveActions.doneAt} is not null and ${correctiveActions.doneAt} < ${asOf})`;
  const waivedBy = sql`(${correctiveActions.waivedAt} is not null and ${correctiveActions.waivedAt} < ${asOf})`;
  const rows = await db.execute<{
    id: string;
    title: string;
    case_reference: string;
    root_cause: string;
    root_cause_label: string;
    owner_name: string;
    due_date: string;
    status: "open" | "done" | "waived";
    done_ms: number | null;
    overdue: boolean;
  }>(sql`
    select ${correctiveActions.id} as id, ${correctiveActions.title} as title, ${cases.reference} as case_reference,
      ${correctiveActions.rootCauseCode} as root_cause, ${label} as root_cause_label, ${staffUsers.name} as owner_name,
      ${correctiveActions.dueDate}::text as due_date, ${correctiveActions.status} as status, ${ms(correctiveActions.doneAt)} as done_ms,
      (not ${waivedBy} and ${correctiveActions.dueDate} < case when ${doneBy}
        then (${correctiveActions.doneAt} at time zone ${scope.timeZone})::date else ${asOfDay}::date end) as overdue
    from ${correctiveActions}
      join ${cases} on ${cases.id} = ${correctiveActions.caseId}
      join ${rootCauses} on ${rootCauses.code} = ${correctiveActions.rootCauseCode}
      join ${staffUsers} on ${staffUsers.id} = ${correctiveActions.ownerId}
    where ${filtersOf(scope)}
      and (${within(correctiveActions.createdAt, scope.period)} or ${within(correctiveActions.doneAt, scope.period)}
        or (${correctiveActions.createdAt} < ${asOf} and not ${doneBy} and not ${waivedBy}))
    order by ${correctiveActions.dueDate}, ${cases.reference}, ${correctiveActions.createdAt}, ${correctiveActions.id}`);
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    caseReference: row.case_reference,
    rootCause: row.root_cause,
    rootCauseLabel: row.root_cause_label,
    ownerName: row.owner_name,
    dueDate: row.due_date,
    status: row.status,
    doneAt: dateOf(row.done_ms),
    overdue: row.overdue,
  }));
}
