import {
  cases,
  customerUsers,
  evidenceRequests,
  invoices,
  OPEN_CASE,
  proposals,
  slaNotices,
  staffTeams,
  staffUsers,
  type Db,
  type Tx,
} from "@accord/db";
import {
  addBusinessDays,
  dueCustomerReminders,
  dueInactivityNotice,
  dueSlaNotices,
  inPreDueWindow,
  localDate,
  preDueReminderKey,
  preDueWindowEnd,
  raisedPriority,
  type DueNotice,
  type IsoDate,
  type Priority,
  type SlaNoticeKind,
} from "@accord/domain";
import { wantsEmail } from "@accord/email";
import { and, asc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { loadEscalationSettings } from "../admin/get-escalation-settings";
import type { EscalationSettings } from "../admin/update-escalation-settings";
import { SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { applyCommand, type StaffCaseRow } from "../instruction/staff-case";
import { onHold } from "../receivables/invoice-facts";
import { closeResolvedCase } from "../settlement/close-case";
import { expireDueProposals } from "../settlement/expire-due-proposals";
import { backofficeCaseUrl, PARIS, portalCaseUrl, portalProposalUrl } from "../settlement/settlement-case";
import { businessClockFor } from "./business-clock-for";
import { defaultCalendar } from "./case-sla";

/** The worker's recurring task that runs {@link runSlaSweeps}. */
export const RUN_SLA_SWEEPS_TASK = "run_sla_sweeps";

/** What one run did: per notice kind (and the closes and expiries), the references (or invoice numbers) touched. */
export type SlaSweepReport = Record<SlaNoticeKind | "closed_resolved" | "proposals_expired" | "failed", string[]>;

export interface RunSlaSweepsOptions {
  db: Db;
  /** The instant the sweeps run at (`sla:sweep --at` in tests). */
  now: Date;
  portalUrl: string;
  backofficeUrl: string;
  /** At most this many rows per sweep and run; the next run takes the rest. */
  limit?: number;
}

const DAY_MS = 86_400_000;

/**
 * Runs every SLA and escalation sweep once (ADR 0032), each an indexed query on stored instants and
 * one transaction per case (or per customer account), so one failure does not hold the others back:
 * warnings and breaches, inactivity, customer reminders and the abandon, proposal expiry, the close of
 * resolved cases, and the pre-due reminders. Each notice has a unique key in `sla_notices`: a second
 * run sends nothing twice.
 */
export async function runSlaSweeps({ db, now, portalUrl, backofficeUrl, limit = 500 }: RunSlaSweepsOptions): Promise<SlaSweepReport> {
  const report: SlaSweepReport = {
    first_response_warning: [],
    first_response_breach: [],
    resolution_warning: [],
    resolution_breach: [],
    inactivity: [],
    customer_reminder_1: [],
    customer_reminder_2: [],
    customer_action: [],
    pre_due: [],
    closed_resolved: [],
    proposals_expired: [],
    failed: [],
  };
  const settings = await loadEscalationSettings(db);
  const clock = businessClockFor(await defaultCalendar(db));
  const urls = { portalUrl, backofficeUrl };
  await sweepSlaDeadlines(db, { now, limit, report, urls });
  await sweepInactivity(db, { now, limit, report, urls, settings, clock });
  await sweepCustomerReminders(db, { now, limit, report, urls, settings, clock });
  report.proposals_expired.push(...(await expireDueProposals({ db, now, limit })));
  await sweepResolvedCases(db, { now, limit, report, urls, settings, clock });
  if (settings.preDueReminderEnabled) await sweepPreDueInvoices(db, { now, limit, report, urls, settings });
  return report;
}

interface SweepContext {
  now: Date;
  limit: number;
  report: SlaSweepReport;
  urls: { portalUrl: string; backofficeUrl: string };
}
type Clock = ReturnType<typeof businessClockFor>;

/**
 * One case's (or account's) transaction: a failure is reported (`failed`: what, and why) and the
 * sweep goes on with the others; the next run tries it again, since nothing of it was written.
 */
async function isolated(report: SlaSweepReport, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    report.failed.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Records a notice; true when it is new (this run handles it). The unique key makes a second run,
 * or two workers at once, a no-op.
 */
async function claimNotice(tx: Tx, notice: DueNotice, caseId: string | null, now: Date, sent: boolean): Promise<boolean> {
  const inserted = await tx
    .insert(slaNotices)
    .values({ key: notice.key, kind: notice.kind, caseId, dueAt: notice.dueAt, handledAt: now, sent })
    .onConflictDoNothing({ target: slaNotices.key })
    .returning({ key: slaNotices.key });
  return inserted.length > 0;
}

/** System events are not activity: the sweeps put `last_activity_at` back after appending theirs. */
async function appendSystemEvents(tx: Tx, row: StaffCaseRow, now: Date, events: Parameters<typeof appendCaseEvents>[1]["events"]) {
  await appendCaseEvents(tx, { caseId: row.id, actor: SYSTEM, at: now, events });
  await tx.update(cases).set({ lastActivityAt: row.lastActivityAt }).where(eq(cases.id, row.id));
}

async function lockCase(tx: Tx, caseId: string): Promise<StaffCaseRow | null> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  return row ?? null;
}

/** The assignee (when active). */
async function assigneeOf(tx: Tx, row: StaffCaseRow) {
  if (!row.assigneeId) return null;
  const [staff] = await tx
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, row.assigneeId), eq(staffUsers.active, true)));
  return staff ?? null;
}

/** The supervisors of the case's team; every active supervisor when the case has no team. */
async function supervisorsOf(tx: Tx, row: StaffCaseRow) {
  const isSupervisor = and(eq(staffUsers.active, true), sql`'supervisor' = any(${staffUsers.roles})`);
  const columns = { id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language };
  if (row.teamId) {
    return tx
      .select(columns)
      .from(staffUsers)
      .innerJoin(staffTeams, eq(staffTeams.staffId, staffUsers.id))
      .where(and(isSupervisor, eq(staffTeams.teamId, row.teamId)))
      .orderBy(asc(staffUsers.email));
  }
  return tx.select(columns).from(staffUsers).where(isSupervisor).orderBy(asc(staffUsers.email));
}

/**
 * Warnings and breaches: the cases whose `next_sla_at` has come (`cases_next_sla_idx`). A warning goes
 * to the assignee; a breach raises the priority one level, records `sla_breached`, and goes to the
 * assignee and the team's supervisors. `next_sla_at` then moves to the next instant still to come.
 */
async function sweepSlaDeadlines(db: Db, { now, limit, report, urls }: SweepContext) {
  const due = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(lte(cases.nextSlaAt, now), OPEN_CASE))
    .orderBy(asc(cases.nextSlaAt))
    .limit(limit);
  for (const { id } of due) {
    await isolated(report, id, () =>
      db.transaction(async (tx) => {
        const row = await lockCase(tx, id);
        if (!row || row.nextSlaAt === null || row.nextSlaAt.getTime() > now.getTime()) return;
        const { notices, nextCheckAt } = dueSlaNotices(row.id, row, now);
        let priority = row.priority as Priority;
        for (const notice of notices) {
          if (!(await claimNotice(tx, notice, row.id, now, !notice.superseded))) continue;
          if (notice.superseded) continue;
          const target = notice.kind.startsWith("first_response") ? ("first_response" as const) : ("resolution" as const);
          const caseUrl = backofficeCaseUrl(urls.backofficeUrl, row.reference);
          const assignee = await assigneeOf(tx, row);
          if (notice.kind.endsWith("_warning")) {
            if (assignee) {
              await queueEmail(tx, {
                to: assignee.email,
                template: "sla-warning",
                language: assignee.language,
                props: { name: assignee.name, reference: row.reference, title: row.title, target, dueAt: (target === "first_response" ? row.firstResponseDueAt : row.resolutionDueAt)?.toISOString() ?? notice.dueAt.toISOString(), caseUrl },
                idempotencyKey: `${notice.key}:${assignee.id}`,
                caseId: row.id,
                now,
              });
            }
          } else {
            const before = priority;
            priority = raisedPriority(priority);
            await tx.update(cases).set({ priority, updatedAt: now }).where(eq(cases.id, row.id));
            await appendSystemEvents(tx, row, now, [{ type: "sla_breached", visibility: "internal", payload: { target, dueAt: notice.dueAt.toISOString(), priorityFrom: before, priorityTo: priority } }]);
            const recipients = [...(assignee ? [assignee] : []), ...(await supervisorsOf(tx, row))].filter((r, i, all) => all.findIndex((o) => o.id === r.id) === i);
            for (const recipient of recipients) {
              await queueEmail(tx, {
                to: recipient.email,
                template: "sla-breach",
                language: recipient.language,
                props: { name: recipient.name, reference: row.reference, title: row.title, target, dueAt: notice.dueAt.toISOString(), priorityBefore: before, priorityAfter: priority, assigneeName: assignee?.name ?? null, caseUrl },
                idempotencyKey: `${notice.key}:${recipient.id}`,
                caseId: row.id,
                now,
              });
            }
          }
          report[notice.kind].push(row.reference);
        }
        await tx.update(cases).set({ nextSlaAt: nextCheckAt }).where(eq(cases.id, row.id));
      }),
    );
  }
}

/** Statuses in which the case waits on the staff (the customer-waiting and resolved ones have their own sweeps). */
const STAFF_STATUSES = ["received", "qualified", "investigating", "mediation"] as const;

/**
 * Inactivity: open cases waiting on the staff whose last staff activity (or reception) is N business
 * days old (`cases_open_staff_activity_idx`; a customer's message does not restart this clock), not yet reminded for this period of silence: the assignee (or, without
 * one, the team's supervisors) is reminded, once per period.
 */
async function sweepInactivity(db: Db, { now, limit, report, urls, settings, clock }: SweepContext & { settings: EscalationSettings; clock: Clock }) {
  const days = settings.inactivityBusinessDays;
  // N business days never take less than N − 1 calendar days: a safe bound for the index.
  const before = new Date(now.getTime() - Math.max(0, days - 1) * DAY_MS);
  const candidates = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        OPEN_CASE,
        lte(cases.lastStaffActivityAt, before),
        inArray(cases.status, [...STAFF_STATUSES]),
        sql`not exists (select 1 from ${slaNotices} where ${slaNotices.caseId} = ${cases.id} and ${slaNotices.kind} = 'inactivity' and ${slaNotices.dueAt} > ${cases.lastStaffActivityAt})`,
      ),
    )
    .orderBy(asc(cases.lastStaffActivityAt))
    .limit(limit);
  for (const { id } of candidates) {
    await isolated(report, id, () =>
      db.transaction(async (tx) => {
        const row = await lockCase(tx, id);
        if (!row || !(STAFF_STATUSES as readonly string[]).includes(row.status)) return;
        const notice = dueInactivityNotice({ caseId: row.id, lastActivityAt: row.lastStaffActivityAt, inactivityBusinessDays: days, calendar: clock }, now);
        if (!notice || !(await claimNotice(tx, notice, row.id, now, true))) return;
        const assignee = await assigneeOf(tx, row);
        const recipients = assignee ? [assignee] : await supervisorsOf(tx, row);
        for (const recipient of recipients) {
          await queueEmail(tx, {
            to: recipient.email,
            template: "inactivity-reminder",
            language: recipient.language,
            props: { name: recipient.name, reference: row.reference, title: row.title, businessDays: days, lastActivityAt: row.lastStaffActivityAt.toISOString(), caseUrl: backofficeCaseUrl(urls.backofficeUrl, row.reference) },
            idempotencyKey: `${notice.key}:${recipient.id}`,
            caseId: row.id,
            now,
          });
        }
        report.inactivity.push(row.reference);
      }),
    );
  }
}

/**
 * Customers who have not answered: open evidence requests (`evidence_requests_open_idx`) and offered
 * proposals (`proposals_offered_at_idx`) old enough for a first reminder and not through their series
 * yet. Reminder 1, reminder 2 (if the contact did not turn reminders off), then for an evidence
 * request the configured action: the case closes as abandoned, with its notice. A proposal's action
 * is its expiry on its last day ({@link expireDueProposals}).
 */
async function sweepCustomerReminders(db: Db, { now, limit, report, urls, settings, clock }: SweepContext & { settings: EscalationSettings; clock: Clock }) {
  const first = settings.customerReminderBusinessDays;
  const before = new Date(now.getTime() - Math.max(0, first - 1) * DAY_MS);
  const lastRequestStep = settings.autoCloseBusinessDays === null ? "2" : "action";
  const requests = await db
    .select({ id: evidenceRequests.id, caseId: evidenceRequests.caseId, since: evidenceRequests.createdAt, items: evidenceRequests.items })
    .from(evidenceRequests)
    .where(
      and(
        eq(evidenceRequests.status, "open"),
        lte(evidenceRequests.createdAt, before),
        sql`not exists (select 1 from ${slaNotices} where ${slaNotices.key} = 'reminder:' || ${evidenceRequests.id} || ${`:${lastRequestStep}`})`,
      ),
    )
    .orderBy(asc(evidenceRequests.createdAt))
    .limit(limit);
  for (const request of requests) {
    const notices = dueCustomerReminders(
      { subjectId: request.id, since: request.since, firstDays: first, secondDays: settings.customerSecondReminderBusinessDays, actionDays: settings.autoCloseBusinessDays, calendar: clock },
      now,
    );
    if (notices.length === 0) continue;
    await isolated(report, request.id, () =>
      db.transaction(async (tx) => {
        const row = await lockCase(tx, request.caseId);
        const [current] = await tx.select({ status: evidenceRequests.status }).from(evidenceRequests).where(eq(evidenceRequests.id, request.id)).for("update");
        if (!row || current?.status !== "open") return;
        for (const notice of notices) {
          if (!(await claimNotice(tx, notice, row.id, now, !notice.superseded)) || notice.superseded) continue;
          if (notice.kind === "customer_action") {
            if (row.status !== "awaiting_customer") continue;
            await abandonCase(tx, { row, requestId: request.id, now, portalUrl: urls.portalUrl });
          } else {
            const step = notice.kind === "customer_reminder_1" ? 1 : 2;
            await remindCustomer(tx, { row, key: notice.key, step, about: "evidence_request", items: request.items, closesAfter: settings.autoCloseBusinessDays, caseUrl: portalCaseUrl(urls.portalUrl, row.reference), now });
          }
          report[notice.kind].push(row.reference);
        }
      }),
    );
  }

  const offered = await db
    .select({ id: proposals.id, caseId: proposals.caseId, since: proposals.offeredAt })
    .from(proposals)
    .where(
      and(
        eq(proposals.status, "offered"),
        lte(proposals.offeredAt, before),
        sql`not exists (select 1 from ${slaNotices} where ${slaNotices.key} = 'reminder:' || ${proposals.id} || ':2')`,
      ),
    )
    .orderBy(asc(proposals.offeredAt))
    .limit(limit);
  for (const proposal of offered) {
    if (!proposal.since) continue;
    const notices = dueCustomerReminders(
      { subjectId: proposal.id, since: proposal.since, firstDays: first, secondDays: settings.customerSecondReminderBusinessDays, actionDays: null, calendar: clock },
      now,
    );
    if (notices.length === 0) continue;
    await isolated(report, proposal.id, () =>
      db.transaction(async (tx) => {
        const row = await lockCase(tx, proposal.caseId);
        const [current] = await tx.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, proposal.id)).for("update");
        if (!row || current?.status !== "offered") return;
        for (const notice of notices) {
          if (!(await claimNotice(tx, notice, row.id, now, !notice.superseded)) || notice.superseded) continue;
          const step = notice.kind === "customer_reminder_1" ? 1 : 2;
          await remindCustomer(tx, { row, key: notice.key, step, about: "proposal", items: [], closesAfter: null, caseUrl: portalProposalUrl(urls.portalUrl, row.reference), now });
          report[notice.kind].push(row.reference);
        }
      }),
    );
  }
}

async function remindCustomer(
  tx: Tx,
  options: { row: StaffCaseRow; key: string; step: 1 | 2; about: "evidence_request" | "proposal"; items: string[]; closesAfter: number | null; caseUrl: string; now: Date },
) {
  const { row, now } = options;
  const [contact] = await tx
    .select({ id: customerUsers.id, email: customerUsers.email, name: customerUsers.name, language: customerUsers.language, active: customerUsers.active, preferences: customerUsers.emailPreferences })
    .from(customerUsers)
    .where(eq(customerUsers.id, row.customerContactId));
  const sent = Boolean(contact?.active) && wantsEmail(contact!.preferences, "reminder");
  if (sent) {
    await queueEmail(tx, {
      to: contact!.email,
      template: "customer-reminder",
      language: contact!.language,
      props: { name: contact!.name, reference: row.reference, about: options.about, step: options.step, items: options.items, closesAfterBusinessDays: options.closesAfter, caseUrl: options.caseUrl },
      idempotencyKey: options.key,
      caseId: row.id,
      now,
    });
  }
  await appendSystemEvents(tx, row, now, [{ type: "customer_reminded", visibility: "internal", payload: { about: options.about, step: options.step, emailed: sent } }]);
}

/** The lifecycle's `close_as_abandoned` by the system: the request cancelled, the case closed (outcome withdrawn), the customer told. */
async function abandonCase(tx: Tx, { row, requestId, now, portalUrl }: { row: StaffCaseRow; requestId: string; now: Date; portalUrl: string }) {
  await tx.update(evidenceRequests).set({ status: "cancelled" }).where(eq(evidenceRequests.id, requestId));
  await applyCommand(tx, { actor: null, row, command: { type: "close_as_abandoned", requestId }, now, set: { outcome: "withdrawn" } });
  const [contact] = await tx
    .select({ email: customerUsers.email, name: customerUsers.name, language: customerUsers.language })
    .from(customerUsers)
    .where(eq(customerUsers.id, row.customerContactId));
  if (!contact) return;
  await queueEmail(tx, {
    to: contact.email,
    template: "case-abandoned",
    language: contact.language,
    props: { name: contact.name, reference: row.reference, caseUrl: portalCaseUrl(portalUrl, row.reference) },
    idempotencyKey: `case-abandoned:${row.id}`,
    caseId: row.id,
    now,
  });
}

/**
 * Resolved cases without a new message for N business days close (`cases_open_activity_idx`), through
 * the same close as an agent's. A case the close refuses (corrective actions still open) stays.
 */
async function sweepResolvedCases(db: Db, { now, limit, report, urls, settings, clock }: SweepContext & { settings: EscalationSettings; clock: Clock }) {
  const days = settings.closeResolvedAfterBusinessDays;
  const before = new Date(now.getTime() - Math.max(0, days - 1) * DAY_MS);
  const candidates = await db
    .select({ id: cases.id, lastActivityAt: cases.lastActivityAt })
    .from(cases)
    .where(and(OPEN_CASE, eq(cases.status, "resolved"), lte(cases.lastActivityAt, before)))
    .orderBy(asc(cases.lastActivityAt))
    .limit(limit);
  for (const candidate of candidates) {
    if (addBusinessDays(candidate.lastActivityAt, days, clock).getTime() > now.getTime()) continue;
    try {
      await db.transaction(async (tx) => {
        const row = await lockCase(tx, candidate.id);
        if (!row || row.status !== "resolved" || row.lastActivityAt.getTime() !== candidate.lastActivityAt.getTime()) return;
        await closeResolvedCase(tx, { actor: null, row, now, portalUrl: urls.portalUrl });
        report.closed_resolved.push(row.reference);
      });
    } catch (error) {
      // The close refused (e.g. corrective actions still open): the case stays resolved, the next run tries again.
      if (!(error instanceof AppError)) report.failed.push(`${candidate.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Pre-due reminders: unpaid invoices not on hold falling due within N days (`invoices_unpaid_due_idx`),
 * not yet reminded for that due date. One e-mail per customer contact (admins and members who have
 * not turned reminders off) lists the account's invoices, each with its « Signaler un problème » link.
 * One transaction per account.
 */
async function sweepPreDueInvoices(db: Db, { now, limit, report, urls, settings }: SweepContext & { settings: EscalationSettings }) {
  const today = localDate(now, PARIS);
  const until = preDueWindowEnd(today, settings.preDueReminderDays);
  const due = await db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      number: invoices.number,
      dueDate: invoices.dueDate,
      currency: invoices.currency,
      totalInclTaxCents: invoices.totalInclTaxCents,
      paidCents: invoices.paidCents,
    })
    .from(invoices)
    .where(
      and(
        ne(invoices.paidStatus, "paid"),
        gte(invoices.dueDate, today),
        lte(invoices.dueDate, until),
        sql`not ${onHold()}`,
        sql`not exists (select 1 from ${slaNotices} where ${slaNotices.key} = 'pre_due:' || ${invoices.id} || ':' || to_char(${invoices.dueDate}, 'YYYY-MM-DD'))`,
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.number))
    .limit(limit);
  const byAccount = new Map<string, typeof due>();
  for (const invoice of due) {
    if (!inPreDueWindow(invoice.dueDate as IsoDate, today, settings.preDueReminderDays)) continue;
    byAccount.set(invoice.accountId, [...(byAccount.get(invoice.accountId) ?? []), invoice]);
  }
  for (const [accountId, list] of byAccount) {
    await isolated(report, accountId, () =>
      db.transaction(async (tx) => {
        const fresh: typeof list = [];
        for (const invoice of list) {
          const notice: DueNotice = { kind: "pre_due", key: preDueReminderKey(invoice.id, invoice.dueDate as IsoDate), dueAt: now, superseded: false };
          if (await claimNotice(tx, notice, null, now, true)) fresh.push(invoice);
        }
        if (fresh.length === 0) return;
        const contacts = await tx
          .select({ id: customerUsers.id, email: customerUsers.email, name: customerUsers.name, language: customerUsers.language, preferences: customerUsers.emailPreferences })
          .from(customerUsers)
          .where(and(eq(customerUsers.accountId, accountId), eq(customerUsers.active, true), inArray(customerUsers.role, ["admin", "member"])))
          .orderBy(asc(customerUsers.email));
        const portal = urls.portalUrl.replace(/\/+$/, "");
        const props = fresh.map((invoice) => ({
          number: invoice.number,
          dueDate: invoice.dueDate,
          amountDueCents: Math.max(0, invoice.totalInclTaxCents - invoice.paidCents),
          currency: invoice.currency,
          reportUrl: `${portal}/claims/new?invoice=${encodeURIComponent(invoice.id)}`,
        }));
        for (const contact of contacts) {
          if (!wantsEmail(contact.preferences, "reminder")) continue;
          await queueEmail(tx, {
            to: contact.email,
            template: "pre-due-reminder",
            language: contact.language,
            props: { name: contact.name, invoices: props, preferencesUrl: `${portal}/profile` },
            // Each invoice is claimed once per due date: the first of the list names this e-mail.
            idempotencyKey: `pre-due:${contact.id}:${fresh[0]!.id}:${today}`,
            now,
          });
        }
        report.pre_due.push(...fresh.map((invoice) => invoice.number));
      }),
    );
  }
}
