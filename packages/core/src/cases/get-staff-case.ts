import {
  caseEvents,
  caseLines,
  cases,
  caseTasks,
  customerAccounts,
  customerUsers,
  evidence,
  evidenceRequests,
  invoiceLines,
  invoices,
  kbArticles,
  messages,
  responseTemplates,
  rootCauses,
  staffTeams,
  staffUsers,
  teams,
  timeEntries,
  type ContractClauses,
  type PaymentTerm,
} from "@accord/db";
import {
  admissibilityWarnings,
  allowedCommands,
  CASE_STATUSES,
  clockStateOf,
  hasPriceCheck,
  impactScore,
  isFirstQualification,
  isTerminal,
  mayCompleteTask,
  proposedPriority,
  readClaimDetails,
  requiredPermission,
  staffCaseCapabilities,
  type AdmissibilityWarning,
  type CaseCommandType,
  type CaseKind,
  type CaseStatus,
  type CaseType,
  type CustomerTier,
  type ImpactScore,
  type Priority,
  type SlaStatus,
} from "@accord/domain";
import { and, asc, desc, eq, gte, inArray, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { findStaffCase, holds, staffCaseScope } from "../instruction/staff-case";
import { RESPONSE_PLACEHOLDERS, renderResponseTemplate, templateDeadline, type PlaceholderValues } from "../instruction/render-response-template";
import { caseSlaStatus } from "../sla/case-sla";
import { staffCaseFacts } from "../mediation/mediation-case";
import type { UseCaseArgs } from "../use-case";
import { undeliveredEmailsOfCase } from "../email/undelivered-emails";

const TERMINAL: CaseStatus[] = CASE_STATUSES.filter(isTerminal);
/** Recurrences: cases of the same account with the same root cause within this many days. */
export const RECURRENCE_WINDOW_DAYS = 90;

export interface PausedInterval {
  status: CaseStatus;
  from: Date;
  /** null while the case still waits. */
  to: Date | null;
}

export interface StaffCaseAction {
  command: CaseCommandType;
  /** Whether this staff member may run it (the domain names the permission). */
  permitted: boolean;
}

/**
 * Everything the back-office case page shows, internal content included: staff only. A mediator
 * sees only the cases they mediate (not_found otherwise).
 */
export async function getStaffCase({ db, actor, input, now }: UseCaseArgs<{ reference: string }>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [account] = await tx.select().from(customerAccounts).where(eq(customerAccounts.id, row.accountId));
      const [contact] = await tx
        .select({ id: customerUsers.id, name: customerUsers.name, email: customerUsers.email, language: customerUsers.language, role: customerUsers.role })
        .from(customerUsers)
        .where(eq(customerUsers.id, row.customerContactId));
      if (!account || !contact) throw new AppError("not_found");

      const staffNames = new Map<string, string>();
      const staffRows = await tx
        .select({ id: staffUsers.id, name: staffUsers.name, roles: staffUsers.roles, active: staffUsers.active })
        .from(staffUsers)
        .orderBy(asc(staffUsers.name));
      for (const s of staffRows) staffNames.set(s.id, s.name);
      const customerNames = new Map<string, string>();
      for (const c of await tx.select({ id: customerUsers.id, name: customerUsers.name }).from(customerUsers).where(eq(customerUsers.accountId, row.accountId))) {
        customerNames.set(c.id, c.name);
      }
      const nameOf = (kind: string, id: string | null) =>
        id === null ? null : kind === "staff" ? (staffNames.get(id) ?? null) : kind === "customer" ? (customerNames.get(id) ?? null) : null;

      const [team] = row.teamId ? await tx.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams).where(eq(teams.id, row.teamId)) : [];

      // Lines with their invoice.
      const lines = await tx
        .select({
          id: caseLines.id,
          invoiceId: invoices.id,
          invoiceNumber: invoices.number,
          issueDate: invoices.issueDate,
          deliveryDate: invoices.deliveryDate,
          dueDate: invoices.dueDate,
          paidStatus: invoices.paidStatus,
          lineNo: invoiceLines.lineNo,
          productCode: invoiceLines.productCode,
          description: invoiceLines.description,
          quantityMilli: invoiceLines.quantityMilli,
          unit: invoiceLines.unit,
          unitPriceCents: invoiceLines.unitPriceCents,
          lineTotalCents: invoiceLines.totalExclTaxCents,
          lotNumber: invoiceLines.lotNumber,
          contestedQuantityMilli: caseLines.contestedQuantityMilli,
          contestedUnitPriceCents: caseLines.contestedUnitPriceCents,
          computedAmountCents: caseLines.computedAmountCents,
          disputedAmountCents: caseLines.disputedAmountCents,
        })
        .from(caseLines)
        .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
        .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
        .where(eq(caseLines.caseId, row.id))
        .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));

      // Customer panel: other open cases and recurrences, within what this staff member may see (a
      // mediator: only the cases they mediate, as everywhere else).
      const visibleToActor = staffCaseScope(staff);
      const otherOpenCases = await tx
        .select({ reference: cases.reference, title: cases.title, status: cases.status, type: cases.type, priority: cases.priority, receivedAt: cases.receivedAt })
        .from(cases)
        .where(and(eq(cases.accountId, row.accountId), ne(cases.id, row.id), notInArray(cases.status, TERMINAL), visibleToActor))
        .orderBy(desc(cases.receivedAt))
        .limit(20);
      const windowStart = new Date(now.getTime() - RECURRENCE_WINDOW_DAYS * 86_400_000);
      // Same root cause when one is set; before the analysis, the same type stands in for it.
      const recurrenceBasis: "root_cause" | "type" = row.rootCauseCode ? "root_cause" : "type";
      const recurrent = and(
        eq(cases.accountId, row.accountId),
        ne(cases.id, row.id),
        gte(cases.receivedAt, windowStart),
        row.rootCauseCode ? eq(cases.rootCauseCode, row.rootCauseCode) : eq(cases.type, row.type),
        ne(cases.status, "duplicate"),
      );
      const recurrences = await tx
        .select({ reference: cases.reference, title: cases.title, status: cases.status, rootCauseCode: cases.rootCauseCode, receivedAt: cases.receivedAt })
        .from(cases)
        .where(and(recurrent, visibleToActor))
        .orderBy(desc(cases.receivedAt))
        .limit(20);
      // The impact score counts every recurrence, whoever reads the page (a number, no reference or title).
      const [recurrenceTotal] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(sql`(select 1 from ${cases} where ${recurrent} limit 20) as recurrent`);

      // Yearly revenue of the account: invoices of the last 12 months (excl. tax).
      const [revenue] = await tx
        .select({ cents: sql<string | null>`sum(${invoices.totalExclTaxCents})` })
        .from(invoices)
        .where(and(eq(invoices.accountId, row.accountId), gte(invoices.issueDate, isoDay(new Date(now.getTime() - 365 * 86_400_000)))));
      const yearlyRevenueCents = revenue?.cents === null || revenue?.cents === undefined ? null : Number(revenue.cents);
      const clauses = account.clauses as ContractClauses;
      const impact: ImpactScore = impactScore({
        disputedCents: row.disputedAmountCents,
        yearlyRevenueCents,
        penaltyClause: clauses.penalty?.applies === true,
        tier: account.tier as CustomerTier,
        recurrenceCount: recurrenceTotal?.count ?? 0,
      });

      const deliveryDates = lines.map((l) => l.deliveryDate).filter((d): d is string => d !== null).sort();
      const signed = (row.details as Record<string, unknown>).deliveryNoteSignedWithoutReservation;
      const warnings: AdmissibilityWarning[] = admissibilityWarnings({
        type: row.type as CaseType,
        filedAt: row.receivedAt,
        deliveryDate: deliveryDates[0] ?? null,
        claimDeadlineDays: clauses.claimDeadlineDays ?? null,
        deliveryNoteSignedWithoutReservation: typeof signed === "boolean" ? signed : null,
      });

      // Timeline, conversation, evidence, work.
      const events = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq));
      const messageRows = await tx.select().from(messages).where(eq(messages.caseId, row.id)).orderBy(asc(messages.createdAt));
      const evidenceRows = await tx
        .select({
          id: evidence.id,
          fileName: evidence.fileName,
          contentType: evidence.contentType,
          sizeBytes: evidence.sizeBytes,
          sha256: evidence.sha256,
          visibility: evidence.visibility,
          uploadedByKind: evidence.uploadedByKind,
          uploadedById: evidence.uploadedById,
          messageId: evidence.messageId,
          evidenceRequestId: evidence.evidenceRequestId,
          createdAt: evidence.createdAt,
        })
        .from(evidence)
        .where(eq(evidence.caseId, row.id))
        .orderBy(asc(evidence.createdAt));
      const tasks = await tx.select().from(caseTasks).where(eq(caseTasks.caseId, row.id)).orderBy(asc(caseTasks.position), asc(caseTasks.createdAt));
      const requests = await tx.select().from(evidenceRequests).where(eq(evidenceRequests.caseId, row.id)).orderBy(desc(evidenceRequests.createdAt));
      const time = await tx.select().from(timeEntries).where(eq(timeEntries.caseId, row.id)).orderBy(desc(timeEntries.spentOn), desc(timeEntries.createdAt));
      const totals = new Map<string, number>();
      for (const entry of time) totals.set(entry.staffId, (totals.get(entry.staffId) ?? 0) + entry.minutes);

      // SLA panel.
      const sla = await caseSlaStatus(tx, row.id, now);
      const pausedIntervals: PausedInterval[] = [];
      if (sla) {
        sla.history.forEach((change, i) => {
          if (clockStateOf(change.status) !== "paused") return;
          pausedIntervals.push({ status: change.status, from: change.at, to: sla.history[i + 1]?.at ?? null });
        });
      }

      // Form options.
      const teamRows = await tx.select({ id: teams.id, code: teams.code, name: teams.name }).from(teams).orderBy(asc(teams.name));
      const memberships = await tx.select().from(staffTeams);
      const rootCauseRows = await tx.select().from(rootCauses).where(eq(rootCauses.active, true)).orderBy(asc(rootCauses.position), asc(rootCauses.code));
      const templateRows = await tx
        .select()
        .from(responseTemplates)
        .where(and(eq(responseTemplates.active, true), or(isNull(responseTemplates.caseType), eq(responseTemplates.caseType, row.type))))
        .orderBy(asc(responseTemplates.name));
      const articles = await tx
        .select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn })
        .from(kbArticles)
        .where(eq(kbArticles.published, true))
        .orderBy(asc(kbArticles.titleFr));
      const linkedIds = [...new Set(messageRows.flatMap((m) => m.kbArticleIds))];
      const linked = linkedIds.length
        ? await tx.select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn }).from(kbArticles).where(inArray(kbArticles.id, linkedIds))
        : [];

      const status = row.status as CaseStatus;
      const state = { status, kind: row.kind as CaseKind };
      // The template's placeholders in the customer's words; a date the case does not have stays null.
      const inWords = (at: Date | null | undefined) => (at ? formatDeadline(at, contact.language) : null);
      const openRequest = requests.find((request) => request.status === "open");
      const evidenceDueDate = openRequest ? formatDeadline(new Date(`${openRequest.dueDate}T12:00:00Z`), contact.language) : null;
      const resolutionDeadline = inWords(sla?.status.resolution.completedAt ? null : sla?.status.resolution.deadlineAt);
      const placeholderValues: PlaceholderValues = {
        customerName: contact.name,
        reference: row.reference,
        agentName: staff.name,
        deadline: templateDeadline({ evidenceDueDate, resolutionDeadline }),
        firstResponseDeadline: inWords(sla?.status.firstResponse.completedAt ? null : sla?.status.firstResponse.deadlineAt),
        resolutionDeadline,
        evidenceDueDate,
      };
      const actions: StaffCaseAction[] = allowedCommands(state).map((command) => {
        const permission = requiredPermission(status, command);
        return { command, permitted: permission !== null && holds(staff, permission) };
      });

      return {
        case: {
          id: row.id,
          reference: row.reference,
          kind: row.kind,
          type: row.type as CaseType,
          status,
          terminal: isTerminal(status),
          priority: row.priority as Priority,
          channel: row.channel,
          title: row.title,
          description: row.description,
          desiredOutcome: row.desiredOutcome,
          details: row.details as Record<string, unknown>,
          /** What the customer typed beyond the title and description, field by field. */
          claimDetails: readClaimDetails(row.details),
          currency: row.currency,
          disputedAmountCents: row.disputedAmountCents,
          receivedAt: row.receivedAt,
          firstRespondedAt: row.firstRespondedAt,
          rootCauseCode: row.rootCauseCode,
          rootCauseAnalysis: row.rootCauseAnalysis,
          mergedIntoReference: row.mergedIntoId
            ? ((await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, row.mergedIntoId)))[0]?.reference ?? null)
            : null,
          team: team ?? null,
          assignee: row.assigneeId ? { id: row.assigneeId, name: staffNames.get(row.assigneeId) ?? "" } : null,
        },
        customer: {
          account: {
            id: account.id,
            name: account.name,
            tier: account.tier as CustomerTier,
            paymentTerm: account.paymentTerm as PaymentTerm,
            clauses,
            language: account.language,
            yearlyRevenueCents,
          },
          contact,
          otherOpenCases,
          recurrences,
          recurrenceBasis,
          recurrenceWindowDays: RECURRENCE_WINDOW_DAYS,
        },
        lines,
        impact,
        admissibilityWarnings: warnings,
        sla: sla
          ? {
              policyName: sla.policy.name,
              firstResponse: sla.status.firstResponse,
              resolution: sla.status.resolution,
              elapsedBusinessMinutes: sla.status.resolution.elapsedMinutes,
              paused: sla.status.resolution.clock === "paused",
              pausedIntervals,
            }
          : null,
        timeline: events.map((e) => ({
          seq: e.seq,
          type: e.type,
          at: e.at,
          visibility: e.visibility,
          actorKind: e.actorKind,
          actorName: nameOf(e.actorKind, e.actorId),
          payload: e.payload,
        })),
        messages: messageRows.map((m) => ({
          id: m.id,
          visibility: m.visibility,
          body: m.body,
          authorKind: m.authorKind,
          authorName: nameOf(m.authorKind, m.authorId),
          createdAt: m.createdAt,
          articles: linked.filter((a) => m.kbArticleIds.includes(a.id)),
        })),
        evidence: evidenceRows.map((e) => ({ ...e, uploadedByName: nameOf(e.uploadedByKind, e.uploadedById) })),
        tasks: tasks.map((task) => ({
          ...task,
          assigneeName: task.assigneeId ? (staffNames.get(task.assigneeId) ?? null) : null,
          canComplete: mayCompleteTask(task, staff),
        })),
        /** E-mails of this case that did not reach their recipient, and why (ADR 0033). */
        undeliveredEmails: await undeliveredEmailsOfCase(tx, row.id),
        evidenceRequests: requests.map((r) => ({ ...r, requestedByName: r.requestedById ? (staffNames.get(r.requestedById) ?? null) : null })),
        time: {
          entries: time.map((entry) => ({ ...entry, staffName: staffNames.get(entry.staffId) ?? "" })),
          totals: [...totals].map(([staffId, minutes]) => ({ staffId, staffName: staffNames.get(staffId) ?? "", minutes })),
          totalMinutes: time.reduce((sum, entry) => sum + entry.minutes, 0),
        },
        actions,
        /** What this staff member may do now: the rules the use cases enforce, from the domain. */
        can: staffCaseCapabilities(state, staff.permissions, await staffCaseFacts(tx, row.id)),
        /** Values the page shows that a rule decides. */
        derived: {
          proposedPriority: proposedPriority(status, row.priority as Priority, impact.priority),
          firstQualification: isFirstQualification(state),
          priceCheck: hasPriceCheck(row.type as CaseType),
        },
        options: {
          teams: teamRows,
          staff: staffRows
            .filter((s) => s.active && !(s.roles.length === 1 && s.roles[0] === "admin"))
            .map((s) => ({ id: s.id, name: s.name, teamIds: memberships.filter((m) => m.staffId === s.id).map((m) => m.teamId) })),
          rootCauses: rootCauseRows.map((r) => ({ code: r.code, labelFr: r.labelFr, labelEn: r.labelEn, category: r.category })),
          responseTemplates: templateRows.map((tpl) => ({
            id: tpl.id,
            name: tpl.name,
            body: renderResponseTemplate(contact.language === "en" ? tpl.bodyEn : tpl.bodyFr, placeholderValues),
          })),
          kbArticles: articles,
          responsePlaceholders: [...RESPONSE_PLACEHOLDERS],
        },
      };
    },
    { accessMode: "read only" },
  );
}

export type StaffCase = Awaited<ReturnType<typeof getStaffCase>>;
export type StaffCaseSla = NonNullable<StaffCase["sla"]>;
export type { SlaStatus };

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A deadline in the customer's words ("vendredi 4 décembre 2026"), Paris time. */
export function formatDeadline(at: Date, language: "fr" | "en"): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "fr-FR", { dateStyle: "full", timeZone: "Europe/Paris" }).format(at);
}
