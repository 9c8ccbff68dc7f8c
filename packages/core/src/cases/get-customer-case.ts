import {
  caseEvents,
  caseLines,
  cases,
  customerUsers,
  evidence,
  evidenceRequests,
  kbArticles,
  invoiceLines,
  invoices,
  messages,
  staffUsers,
  type ActorKind,
  type CaseChannel,
  type CaseStatus,
  type CaseType,
  type EvidenceRequestStatus,
} from "@accord/db";
import {
  describeTarget,
  isTerminal,
  nextStepOf,
  readClaimDetails,
  requiredPermission,
  workingDayMinutes,
  type ClaimDetails,
  type ClockState,
  type NextStep,
  type SlaState,
  type TargetInWords,
} from "@accord/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { hasPermission } from "@accord/auth";
import { requireCustomer } from "../access";
import { caseSlaStatus } from "../sla/case-sla";
import { customerCaseScope, findCustomerCase } from "./customer-case-scope";
import type { UseCaseArgs } from "../use-case";

/** One SLA target as the customer reads it. */
export interface CustomerSlaTarget {
  targetMinutes: number;
  /** The target in plain words ("1 jour ouvré"): a value and a unit of the case's calendar. */
  inWords: TargetInWords;
  deadlineAt: Date | null;
  completedAt: Date | null;
  clock: ClockState;
  state: SlaState;
}

export interface CustomerCaseSla {
  firstResponse: CustomerSlaTarget;
  resolution: CustomerSlaTarget;
  /** The length of a working day of the case's calendar, to say "1 jour ouvré". */
  workingDayMinutes: number;
  /** Whether the clock waits on the customer now. */
  paused: boolean;
}

export interface CustomerCaseFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByKind: ActorKind;
  createdAt: Date;
  messageId: string | null;
  evidenceRequestId: string | null;
}

export interface CustomerCase {
  case: {
    id: string;
    reference: string;
    title: string;
    description: string;
    desiredOutcome: string | null;
    /** What the customer typed in the claim form beyond the title and description. */
    details: ClaimDetails;
    type: CaseType;
    kind: "claim" | "dispute";
    status: CaseStatus;
    nextStep: NextStep;
    receivedAt: Date;
    /** How the claim arrived: portal, e-mail, API, phone (filed by staff on the customer's behalf), CSV import. */
    channel: CaseChannel;
    lastActivityAt: Date;
    currency: string;
    disputedAmountCents: number;
    creditedAmountCents: number;
    contactName: string;
  };
  sla: CustomerCaseSla | null;
  /**
   * The case this one was merged into (it is followed there): its reference, and whether this user
   * may open it (a member does not open a colleague's case).
   */
  mergedInto: { reference: string; canOpen: boolean } | null;
  /** What the signed-in user may do here (the use cases check again). */
  can: { reply: boolean; answer: boolean; withdraw: boolean };
  timeline: { seq: number; type: string; at: Date; actorKind: ActorKind; details: TimelineDetails }[];
  messages: {
    id: string;
    body: string;
    authorKind: ActorKind;
    authorName: string | null;
    createdAt: Date;
    attachments: CustomerCaseFile[];
    /** The published help articles the reply links to (as in its e-mail). */
    articles: { slug: string; titleFr: string; titleEn: string }[];
  }[];
  /** Every shared file of the case (claim evidence, attachments, answers). */
  evidence: CustomerCaseFile[];
  /** Open requests first (the to-do list), then the answered ones. */
  evidenceRequests: {
    id: string;
    items: string[];
    message: string | null;
    dueDate: string;
    status: EvidenceRequestStatus;
    createdAt: Date;
    answeredAt: Date | null;
    answerText: string | null;
    files: CustomerCaseFile[];
    /** Whether this user may answer this request now (it is open, the case is not closed, the user may reply). */
    canAnswer: boolean;
  }[];
  lines: {
    id: string;
    invoiceNumber: string;
    lineNo: number;
    description: string;
    productCode: string | null;
    quantityMilli: number;
    unit: string;
    unitPriceCents: number;
    totalExclTaxCents: number;
    contestedQuantityMilli: number | null;
    contestedUnitPriceCents: number | null;
    disputedAmountCents: number;
  }[];
}

/** The fields of a public event's payload the portal may show (anything else stays out). */
export interface TimelineDetails {
  from?: string;
  to?: string;
  /** The items of an evidence request, or the reasons of a rejection. */
  items?: string[];
  dueDate?: string;
  reason?: string;
  outcome?: string;
}

/** Event types whose `reason` the customer wrote or may read (a staff reason may be meant for staff only). */
const CUSTOMER_REASONS = new Set(["case_withdrawn"]);

function timelineDetails(type: string, payload: Record<string, unknown>): TimelineDetails {
  const details: TimelineDetails = {};
  for (const key of ["from", "to", "dueDate", "outcome"] as const) {
    if (typeof payload[key] === "string") details[key] = payload[key];
  }
  if (CUSTOMER_REASONS.has(type) && typeof payload.reason === "string") details.reason = payload.reason;
  if (type === "information_requested" && Array.isArray(payload.items) && payload.items.every((item) => typeof item === "string")) details.items = payload.items as string[];
  // The reasons of a rejection are the customer's to read: they are e-mailed to them too.
  if (type === "case_rejected" && Array.isArray(payload.reasons) && payload.reasons.every((reason) => typeof reason === "string")) details.items = payload.reasons as string[];
  return details;
}

/**
 * The case page of the portal, by reference, scoped to what the customer may see (another
 * account's case, or a member's colleague's case, is not_found). Only PUBLIC events, messages and
 * evidence are selected: the visibility filter is in every query.
 */
export async function getCustomerCase({ db, actor, input, now }: UseCaseArgs<{ reference: string }>): Promise<CustomerCase> {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(async (tx) => {
    const found = await findCustomerCase(tx, customer, input.reference);
    const [row] = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        title: cases.title,
        description: cases.description,
        desiredOutcome: cases.desiredOutcome,
        storedDetails: cases.details,
        type: cases.type,
        kind: cases.kind,
        status: cases.status,
        receivedAt: cases.receivedAt,
        channel: cases.channel,
        lastActivityAt: cases.lastActivityAt,
        currency: cases.currency,
        disputedAmountCents: cases.disputedAmountCents,
        creditedAmountCents: cases.creditedAmountCents,
        contactName: customerUsers.name,
        mergedIntoId: cases.mergedIntoId,
      })
      .from(cases)
      .innerJoin(customerUsers, eq(customerUsers.id, cases.customerContactId))
      .where(eq(cases.id, found.id));
    const { mergedIntoId, storedDetails, ...caseRow } = row!;
    const [mergedCase] = mergedIntoId
      ? await tx
          .select({ reference: cases.reference, canOpen: sql<boolean>`${customerCaseScope(customer)}` })
          .from(cases)
          .where(and(eq(cases.id, mergedIntoId), eq(cases.accountId, customer.accountId)))
      : [];

    const events = await tx
      .select({ seq: caseEvents.seq, type: caseEvents.type, at: caseEvents.at, actorKind: caseEvents.actorKind, payload: caseEvents.payload })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, found.id), eq(caseEvents.visibility, "public")))
      .orderBy(asc(caseEvents.seq));

    const files = await tx
      .select({
        id: evidence.id,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
        sizeBytes: evidence.sizeBytes,
        uploadedByKind: evidence.uploadedByKind,
        createdAt: evidence.createdAt,
        messageId: evidence.messageId,
        evidenceRequestId: evidence.evidenceRequestId,
      })
      .from(evidence)
      .where(and(eq(evidence.caseId, found.id), eq(evidence.visibility, "public")))
      .orderBy(asc(evidence.createdAt), asc(evidence.id));

    const messageRows = await tx
      .select({
        id: messages.id,
        body: messages.body,
        authorKind: messages.authorKind,
        createdAt: messages.createdAt,
        customerName: customerUsers.name,
        staffName: staffUsers.name,
        kbArticleIds: messages.kbArticleIds,
      })
      .from(messages)
      .leftJoin(customerUsers, and(eq(messages.authorKind, "customer"), eq(customerUsers.id, messages.authorId)))
      .leftJoin(staffUsers, and(eq(messages.authorKind, "staff"), eq(staffUsers.id, messages.authorId)))
      .where(and(eq(messages.caseId, found.id), eq(messages.visibility, "public")))
      .orderBy(asc(messages.createdAt), asc(messages.id));
    const linkedIds = [...new Set(messageRows.flatMap((message) => message.kbArticleIds))];
    const linked = linkedIds.length
      ? await tx
          .select({ id: kbArticles.id, slug: kbArticles.slug, titleFr: kbArticles.titleFr, titleEn: kbArticles.titleEn })
          .from(kbArticles)
          .where(and(inArray(kbArticles.id, linkedIds), eq(kbArticles.published, true)))
      : [];

    const requests = await tx
      .select({
        id: evidenceRequests.id,
        items: evidenceRequests.items,
        message: evidenceRequests.message,
        dueDate: evidenceRequests.dueDate,
        status: evidenceRequests.status,
        createdAt: evidenceRequests.createdAt,
        answeredAt: evidenceRequests.answeredAt,
        answerText: evidenceRequests.answerText,
      })
      .from(evidenceRequests)
      .where(and(eq(evidenceRequests.caseId, found.id), sql`${evidenceRequests.status} <> 'cancelled'`))
      .orderBy(sql`(${evidenceRequests.status} = 'open') desc`, asc(evidenceRequests.dueDate), desc(evidenceRequests.createdAt));

    const lines = await tx
      .select({
        id: caseLines.id,
        invoiceNumber: invoices.number,
        lineNo: invoiceLines.lineNo,
        description: invoiceLines.description,
        productCode: invoiceLines.productCode,
        quantityMilli: invoiceLines.quantityMilli,
        unit: invoiceLines.unit,
        unitPriceCents: invoiceLines.unitPriceCents,
        totalExclTaxCents: invoiceLines.totalExclTaxCents,
        contestedQuantityMilli: caseLines.contestedQuantityMilli,
        contestedUnitPriceCents: caseLines.contestedUnitPriceCents,
        disputedAmountCents: caseLines.disputedAmountCents,
      })
      .from(caseLines)
      .innerJoin(invoices, and(eq(invoices.id, caseLines.invoiceId), eq(invoices.accountId, customer.accountId)))
      .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
      .where(eq(caseLines.caseId, found.id))
      .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));

    const verdict = await caseSlaStatus(tx, found.id, now);
    const target = (t: NonNullable<typeof verdict>["status"]["firstResponse"]): CustomerSlaTarget => ({
      targetMinutes: t.targetMinutes,
      inWords: describeTarget(t.targetMinutes, verdict!.policy.calendar),
      deadlineAt: t.deadlineAt,
      completedAt: t.completedAt,
      clock: t.clock,
      state: t.state,
    });
    const sla: CustomerCaseSla | null = verdict
      ? {
          firstResponse: target(verdict.status.firstResponse),
          resolution: target(verdict.status.resolution),
          workingDayMinutes: workingDayMinutes(verdict.policy.calendar),
          paused: verdict.status.resolution.clock === "paused",
        }
      : null;

    const openRequests = requests.some((r) => r.status === "open");
    const acts = (permission: "case:reply" | "case:withdraw") => hasPermission(customer, permission);
    const mayAnswer = acts("case:reply") && !isTerminal(caseRow.status);
    return {
      case: { ...caseRow, details: readClaimDetails(storedDetails), nextStep: nextStepOf(caseRow.status) },
      sla,
      mergedInto: mergedCase ? { reference: mergedCase.reference, canOpen: mergedCase.canOpen } : null,
      can: {
        reply: acts("case:reply") && !isTerminal(caseRow.status),
        answer: mayAnswer && openRequests,
        withdraw: acts("case:withdraw") && requiredPermission(caseRow.status, "withdraw") !== null,
      },
      timeline: events.map((event) => ({ seq: event.seq, type: event.type, at: event.at, actorKind: event.actorKind, details: timelineDetails(event.type, event.payload) })),
      messages: messageRows.map((message) => ({
        id: message.id,
        body: message.body,
        authorKind: message.authorKind,
        authorName: message.customerName ?? message.staffName ?? null,
        createdAt: message.createdAt,
        attachments: files.filter((file) => file.messageId === message.id),
        articles: linked.filter((article) => message.kbArticleIds.includes(article.id)).map(({ slug, titleFr, titleEn }) => ({ slug, titleFr, titleEn })),
      })),
      evidence: files,
      evidenceRequests: requests.map((request) => ({
        ...request,
        files: files.filter((file) => file.evidenceRequestId === request.id),
        canAnswer: mayAnswer && request.status === "open",
      })),
      lines,
    };
  });
}
