import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customerAccounts, customerUsers, staffUsers, teams } from "./accounts";
import { createdAt, id, requiredRef, tstz } from "./common";
import { storedFiles } from "./files";

export type CaseStatus =
  | "received"
  | "qualified"
  | "investigating"
  | "awaiting_customer"
  | "negotiating"
  | "mediation"
  | "litigation"
  | "resolved"
  | "closed"
  | "withdrawn"
  | "rejected"
  | "duplicate";
export type CaseKind = "claim" | "dispute";
export type CaseType = "quality" | "delivery" | "price_billing" | "compliance" | "other";
export type CasePriority = "P1" | "P2" | "P3" | "P4";
export type CaseChannel = "portal" | "email" | "api" | "phone" | "csv";
export type ActorKind = "customer" | "staff" | "system" | "api";
export type Visibility = "public" | "internal";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Statuses a case never leaves: the queue's partial indexes hold every other case. */
export const TERMINAL_CASE_STATUSES = ["closed", "withdrawn", "rejected", "duplicate"] as const satisfies readonly CaseStatus[];
/** The predicate of the queue's partial indexes; a query must repeat it literally to use them. */
export const OPEN_CASE = sql.raw(`status not in (${TERMINAL_CASE_STATUSES.map((v) => `'${v}'`).join(", ")})`);

/** The queryable state of a case (dossier). Its history lives in case_events. */
export const cases = pgTable(
  "cases",
  {
    id: id(),
    /** LIT-YYYY-NNNNNN, from accord_next_case_reference(year). */
    reference: text("reference").notNull(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    /** The customer user who follows the case (the filer, or the one staff named). */
    customerContactId: requiredRef("customer_contact_id", () => customerUsers.id),
    kind: text("kind").$type<CaseKind>().notNull().default("claim"),
    type: text("type").$type<CaseType>().notNull(),
    status: text("status").$type<CaseStatus>().notNull().default("received"),
    priority: text("priority").$type<CasePriority>().notNull(),
    channel: text("channel").$type<CaseChannel>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    desiredOutcome: text("desired_outcome"),
    /** Type-specific fields (lot number, delivery note…), validated by the use case's schema. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    teamId: uuid("team_id").references(() => teams.id),
    assigneeId: uuid("assignee_id").references(() => staffUsers.id),
    impactScore: integer("impact_score").notNull().default(0),
    currency: text("currency").notNull().default("EUR"),
    disputedAmountCents: bigint("disputed_amount_cents", { mode: "number" }).notNull().default(0),
    creditedAmountCents: bigint("credited_amount_cents", { mode: "number" }).notNull().default(0),
    recoveredAmountCents: bigint("recovered_amount_cents", { mode: "number" }).notNull().default(0),
    legalCostsCents: bigint("legal_costs_cents", { mode: "number" }).notNull().default(0),
    slaPolicyId: uuid("sla_policy_id"),
    firstResponseDueAt: tstz("first_response_due_at"),
    firstResponseWarnAt: tstz("first_response_warn_at"),
    resolutionDueAt: tstz("resolution_due_at"),
    resolutionWarnAt: tstz("resolution_warn_at"),
    /** The nearest SLA instant still to come (warning or breach): sweeps are one indexed query on it. */
    nextSlaAt: tstz("next_sla_at"),
    firstRespondedAt: tstz("first_responded_at"),
    /**
     * The queue's sort key, kept by PostgreSQL from the stored instants: the nearest deadline still
     * binding (first response while unanswered, resolution), 'infinity' when the case has none, so
     * keyset pagination is one row comparison on one index (ADR 0010).
     */
    slaDueAt: tstz("sla_due_at")
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce(least(case when first_responded_at is null then first_response_due_at end, resolution_due_at), 'infinity'::timestamptz)`,
      ),
    /** The matching warning instant (null when none): the queue's "warning" filter. */
    slaWarnAt: tstz("sla_warn_at").generatedAlwaysAs(
      sql`least(case when first_responded_at is null then first_response_warn_at end, resolution_warn_at)`,
    ),
    lastActivityAt: tstz("last_activity_at").notNull().defaultNow(),
    /** The last action of staff on the case (its reception until then): the inactivity reminder's clock (issue 13). */
    lastStaffActivityAt: tstz("last_staff_activity_at").notNull().defaultNow(),
    receivedAt: tstz("received_at").notNull(),
    resolvedAt: tstz("resolved_at"),
    /**
     * Business minutes from reception to `resolvedAt` in the case's SLA calendar, computed by the
     * domain when the case is resolved (SQL cannot run the calendar): the KPI's business MTTR averages it.
     */
    resolutionBusinessMinutes: integer("resolution_business_minutes"),
    closedAt: tstz("closed_at"),
    /**
     * When the case left the backlog: reached `resolved` or a terminal status (the first of them, so a
     * resolved case later closed keeps its resolution instant); null while it is open, cleared on reopening.
     * Kept by a trigger from `updated_at`, the instant every use case writes with the new status (ADR 0040).
     */
    endedAt: tstz("ended_at"),
    outcome: text("outcome"),
    rootCauseCode: text("root_cause_code"),
    /** Free analysis text next to the root-cause code. */
    rootCauseAnalysis: text("root_cause_analysis"),
    mergedIntoId: uuid("merged_into_id"),
    /** Optimistic concurrency counter, bumped by every use case that changes the case. */
    version: integer("version").notNull().default(1),
    /**
     * The one-time key of the form (or request) that filed the case: the same post replayed (a double
     * click, a retry after a lost answer) finds this case instead of filing a second one.
     */
    submissionKey: uuid("submission_key"),
    /**
     * The case's secret reply token (ADR 0036): the customer's e-mails about the case carry
     * `Reply-To: reply+<token>@<INBOUND_EMAIL_DOMAIN>`, and a message to that address lands on the case.
     * 128 random bits, drawn by PostgreSQL for every case (existing ones too).
     */
    replyToken: text("reply_token").notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cases_reference_key").on(t.reference),
    uniqueIndex("cases_reply_token_key").on(t.replyToken),
    uniqueIndex("cases_submission_key").on(t.accountId, t.submissionKey).where(sql`${t.submissionKey} is not null`),
    index("cases_account_received_idx").on(t.accountId, t.receivedAt.desc(), t.id),
    index("cases_contact_received_idx").on(t.customerContactId, t.receivedAt.desc(), t.id),
    index("cases_next_sla_idx").on(t.nextSlaAt).where(sql`${t.nextSlaAt} is not null`),
    // The inactivity and close-resolved sweeps (ADR 0032): open cases by last activity.
    index("cases_open_activity_idx").on(t.lastActivityAt).where(OPEN_CASE),
    index("cases_open_staff_activity_idx").on(t.lastStaffActivityAt).where(OPEN_CASE),
    // The back-office queue (ADR 0010): open cases only, each ending in the keyset (sort key, id).
    index("cases_queue_sla_idx").on(t.slaDueAt, t.id).where(OPEN_CASE),
    index("cases_queue_team_sla_idx").on(t.teamId, t.slaDueAt, t.id).where(OPEN_CASE),
    index("cases_queue_assignee_sla_idx").on(t.assigneeId, t.slaDueAt, t.id).where(OPEN_CASE),
    index("cases_queue_account_sla_idx").on(t.accountId, t.slaDueAt, t.id).where(OPEN_CASE),
    // The KPI panels (ADR 0040): every case by reception, ended ones by their end.
    index("cases_received_idx").on(t.receivedAt),
    index("cases_ended_idx").on(t.endedAt).where(sql`${t.endedAt} is not null`),
    index("cases_queue_received_idx").on(t.receivedAt.desc(), t.id.desc()).where(OPEN_CASE),
    check(
      "cases_status_check",
      sql`${t.status} in (${inList(["received", "qualified", "investigating", "awaiting_customer", "negotiating", "mediation", "litigation", "resolved", "closed", "withdrawn", "rejected", "duplicate"])})`,
    ),
    check("cases_kind_check", sql`${t.kind} in ('claim', 'dispute')`),
    check("cases_type_check", sql`${t.type} in (${inList(["quality", "delivery", "price_billing", "compliance", "other"])})`),
    check("cases_priority_check", sql`${t.priority} in ('P1', 'P2', 'P3', 'P4')`),
    check("cases_channel_check", sql`${t.channel} in (${inList(["portal", "email", "api", "phone", "csv"])})`),
    check("cases_reference_check", sql`${t.reference} ~ '^LIT-[0-9]{4}-[0-9]{6}$'`),
    check("cases_amounts_check", sql`${t.disputedAmountCents} >= 0 and ${t.creditedAmountCents} >= 0 and ${t.recoveredAmountCents} >= 0 and ${t.legalCostsCents} >= 0`),
  ],
);

/** One counter per year for case references (LIT-YYYY-NNNNNN); gaps are allowed. */
export const caseReferenceCounters = pgTable("case_reference_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/**
 * Append-only events, one SHA-256 chain per case: hash = SHA-256(prevHash + canonical JSON of the event).
 * A trigger refuses UPDATE and DELETE; the appender locks the case row so two writers never fork the chain.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: requiredRef("case_id", () => cases.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorKind: text("actor_kind").$type<ActorKind>().notNull(),
    actorId: uuid("actor_id"),
    at: tstz("at").notNull(),
    /** Whether the event shows in the customer's public timeline. */
    visibility: text("visibility").$type<Visibility>().notNull().default("internal"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("case_events_case_seq_key").on(t.caseId, t.seq),
    check("case_events_visibility_check", sql`${t.visibility} in ('public', 'internal')`),
  ],
);

/** Administrative changes (settings, users, policies): one chain of their own. */
export const adminEvents = pgTable(
  "admin_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorKind: text("actor_kind").$type<ActorKind>().notNull(),
    actorId: uuid("actor_id"),
    at: tstz("at").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("admin_events_seq_key").on(t.seq)],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    authorKind: text("author_kind").$type<ActorKind>().notNull(),
    authorId: uuid("author_id"),
    visibility: text("visibility").$type<Visibility>().notNull(),
    body: text("body").notNull(),
    /** Knowledge-base articles linked in a reply. */
    kbArticleIds: uuid("kb_article_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index("messages_case_idx").on(t.caseId, t.createdAt),
    check("messages_visibility_check", sql`${t.visibility} in ('public', 'internal')`),
  ],
);

/** Evidence metadata; the bytes live in the content-addressed file store under their SHA-256. */
export const evidence = pgTable(
  "evidence",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    messageId: uuid("message_id").references(() => messages.id),
    /** The evidence request this file answers, if any. */
    evidenceRequestId: uuid("evidence_request_id"),
    sha256: text("sha256")
      .notNull()
      .references(() => storedFiles.sha256),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    fileName: text("file_name").notNull(),
    uploadedByKind: text("uploaded_by_kind").$type<ActorKind>().notNull(),
    uploadedById: uuid("uploaded_by_id"),
    visibility: text("visibility").$type<Visibility>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("evidence_case_idx").on(t.caseId, t.createdAt),
    index("evidence_sha256_idx").on(t.sha256),
    check("evidence_visibility_check", sql`${t.visibility} in ('public', 'internal')`),
    check("evidence_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
