import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { customerUsers, staffUsers } from "./accounts";
import { cases } from "./cases";
import { createdAt, id, requiredRef, tstz, type Language } from "./common";
import { storedFiles } from "./files";
import { invoices } from "./invoices";
import { mediations } from "./mediation";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Mirrors the domain's PROPOSAL_KINDS (a unit test compares them). */
export const PROPOSAL_KIND_VALUES = ["credit_note", "replacement", "refund", "commercial_gesture", "price_adjustment", "contract_amendment", "settlement"] as const;
/** Mirrors the domain's PROPOSAL_STATUSES (a unit test compares them). */
export const PROPOSAL_STATUS_VALUES = ["draft", "pending_approval", "refused", "offered", "accepted", "declined", "countered", "expired", "superseded", "withdrawn"] as const;

/** What each side gives up in a settlement ("transaction": reciprocal concessions, art. 2044 C. civ.). */
export interface ProposalConcessions {
  supplier: string[];
  customer: string[];
}

/**
 * A resolution offered (or to be offered) to the customer. Amounts excl. VAT in integer cents; the
 * VAT shown is computed from the contested lines' rates. A customer's counter-proposal is a draft
 * of its own (`origin` customer, `counterOfId` the proposal it answers), for the agent to take up.
 * Once offered, the exact text the customer reads is frozen (`offeredText`, its SHA-256).
 */
export const proposals = pgTable(
  "proposals",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    /** 1, 2, 3… within the case. */
    number: integer("number").notNull(),
    kind: text("kind").$type<(typeof PROPOSAL_KIND_VALUES)[number]>().notNull(),
    status: text("status").$type<(typeof PROPOSAL_STATUS_VALUES)[number]>().notNull(),
    origin: text("origin").$type<"staff" | "customer">().notNull().default("staff"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    vatCents: bigint("vat_cents", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull().default("EUR"),
    /** The terms in the customer's words (what is given, how, when). */
    terms: text("terms").notNull().default(""),
    concessions: jsonb("concessions").$type<ProposalConcessions>(),
    /** The suggestion's reasoning as the author saw it (internal). */
    suggestion: jsonb("suggestion").$type<Record<string, unknown>>(),
    /** The last day the customer may accept (Europe/Paris), counted in business days by the author. */
    expiresOn: date("expires_on"),
    authorStaffId: uuid("author_staff_id").references(() => staffUsers.id),
    authorCustomerId: uuid("author_customer_id").references(() => customerUsers.id),
    counterOfId: uuid("counter_of_id").references((): AnyPgColumn => proposals.id),
    /** The mediation the proposal comes from (written while the case was in mediation). */
    mediationId: uuid("mediation_id").references(() => mediations.id),
    offeredAt: tstz("offered_at"),
    offeredLanguage: text("offered_language").$type<Language>(),
    /** The exact text the customer reads and accepts, frozen at offer. */
    offeredText: text("offered_text"),
    offeredTextSha256: text("offered_text_sha256"),
    respondedAt: tstz("responded_at"),
    respondedById: uuid("responded_by_id").references(() => customerUsers.id),
    /** The customer's reason for declining, or the comment of a counter-proposal. */
    responseComment: text("response_comment"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("proposals_case_number_key").on(t.caseId, t.number),
    // One proposal with the customer at a time.
    uniqueIndex("proposals_one_offered_key").on(t.caseId).where(sql`${t.status} = 'offered'`),
    index("proposals_pending_idx").on(t.status, t.createdAt).where(sql`${t.status} = 'pending_approval'`),
    index("proposals_expiry_idx").on(t.expiresOn).where(sql`${t.status} = 'offered'`),
    // The customer-reminder sweep (ADR 0032): offered proposals, oldest first.
    index("proposals_offered_at_idx").on(t.offeredAt).where(sql`${t.status} = 'offered'`),
    check("proposals_kind_check", sql`${t.kind} in (${inList(PROPOSAL_KIND_VALUES)})`),
    check("proposals_status_check", sql`${t.status} in (${inList(PROPOSAL_STATUS_VALUES)})`),
    check("proposals_origin_check", sql`${t.origin} in ('staff', 'customer')`),
    check("proposals_amount_check", sql`${t.amountCents} >= 0 and ${t.vatCents} >= 0`),
    check("proposals_author_check", sql`(${t.authorStaffId} is not null) <> (${t.authorCustomerId} is not null)`),
    check("proposals_offered_text_check", sql`${t.offeredTextSha256} is null or ${t.offeredTextSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** One decision per approval level of a proposal (four eyes: never its author). */
export const proposalApprovals = pgTable(
  "proposal_approvals",
  {
    id: id(),
    proposalId: requiredRef("proposal_id", () => proposals.id),
    level: text("level").$type<"supervisor" | "finance">().notNull(),
    approverId: requiredRef("approver_id", () => staffUsers.id),
    decision: text("decision").$type<"approved" | "rejected">().notNull(),
    comment: text("comment").notNull(),
    decidedAt: tstz("decided_at").notNull(),
  },
  (t) => [
    uniqueIndex("proposal_approvals_level_key").on(t.proposalId, t.level),
    check("proposal_approvals_level_check", sql`${t.level} in ('supervisor', 'finance')`),
    check("proposal_approvals_decision_check", sql`${t.decision} in ('approved', 'rejected')`),
  ],
);

/**
 * The customer's acceptance of a proposal (a simple electronic signature): who, when, from where,
 * the SHA-256 of the exact text shown, and the agreement PDF rendered once at that moment.
 * One per proposal: a second tab's acceptance finds this row and is refused.
 */
export const proposalAcceptances = pgTable(
  "proposal_acceptances",
  {
    id: id(),
    proposalId: requiredRef("proposal_id", () => proposals.id),
    caseId: requiredRef("case_id", () => cases.id),
    customerUserId: requiredRef("customer_user_id", () => customerUsers.id),
    signerName: text("signer_name").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    textSha256: text("text_sha256").notNull(),
    agreementSha256: text("agreement_sha256").references(() => storedFiles.sha256),
    /** The data the agreement PDF was rendered from (its printable page shows exactly these). */
    agreementDocument: jsonb("agreement_document").$type<Record<string, unknown>>(),
    acceptedAt: tstz("accepted_at").notNull(),
  },
  (t) => [
    uniqueIndex("proposal_acceptances_proposal_key").on(t.proposalId),
    uniqueIndex("proposal_acceptances_case_key").on(t.caseId),
    check("proposal_acceptances_sha_check", sql`${t.textSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** Mirrors the domain's OUTCOMES. */
export const OUTCOME_VALUES = ["settled_amicably", "upheld", "partially_upheld", "rejected", "withdrawn", "judged"] as const;

/**
 * The decision that ends a case: created by an accepted proposal (settled amicably) or by `resolve`,
 * then completed by the agent (rationale, the ERP's credit-note number) without a status change.
 */
export const caseDecisions = pgTable(
  "case_decisions",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    proposalId: uuid("proposal_id").references(() => proposals.id),
    outcome: text("outcome").$type<(typeof OUTCOME_VALUES)[number]>().notNull(),
    /** What the customer is granted, excl. VAT. */
    grantedCents: bigint("granted_cents", { mode: "number" }).notNull().default(0),
    /** Contractual penalties paid to the customer, if any. */
    penaltiesCents: bigint("penalties_cents", { mode: "number" }).notNull().default(0),
    /** The rationale's public part goes to the customer; the internal part stays in the back-office. */
    publicRationale: text("public_rationale"),
    internalRationale: text("internal_rationale"),
    /** The credit note's number once the ERP issued it (the UBL CreditNote's ID). */
    creditNoteNumber: text("credit_note_number"),
    creditNoteIssuedOn: date("credit_note_issued_on"),
    decidedById: uuid("decided_by_id").references(() => staffUsers.id),
    decidedAt: tstz("decided_at").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    check("case_decisions_outcome_check", sql`${t.outcome} in (${inList(OUTCOME_VALUES)})`),
    check("case_decisions_amounts_check", sql`${t.grantedCents} >= 0 and ${t.penaltiesCents} >= 0`),
    uniqueIndex("case_decisions_credit_note_key").on(t.creditNoteNumber).where(sql`${t.creditNoteNumber} is not null`),
  ],
);

/**
 * What a resolution did to each disputed invoice: the undisputed part keeps its due date, the rest
 * (disputed minus credited) falls due after the contractual term counted from the resolution date.
 */
export const invoiceSettlements = pgTable(
  "invoice_settlements",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    invoiceId: requiredRef("invoice_id", () => invoices.id),
    disputedCents: bigint("disputed_cents", { mode: "number" }).notNull(),
    creditedCents: bigint("credited_cents", { mode: "number" }).notNull(),
    undisputedCents: bigint("undisputed_cents", { mode: "number" }).notNull(),
    undisputedDueDate: date("undisputed_due_date").notNull(),
    remainderCents: bigint("remainder_cents", { mode: "number" }).notNull(),
    remainderDueDate: date("remainder_due_date").notNull(),
    resolvedOn: date("resolved_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invoice_settlements_case_invoice_key").on(t.caseId, t.invoiceId),
    index("invoice_settlements_invoice_idx").on(t.invoiceId),
    check(
      "invoice_settlements_amounts_check",
      sql`${t.disputedCents} >= 0 and ${t.creditedCents} >= 0 and ${t.creditedCents} <= ${t.disputedCents} and ${t.undisputedCents} >= 0 and ${t.remainderCents} >= 0`,
    ),
  ],
);

/** The customer's rating of the handling, 0–10, once per case. */
export const caseSurveys = pgTable(
  "case_surveys",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id),
    customerUserId: requiredRef("customer_user_id", () => customerUsers.id),
    score: integer("score").notNull(),
    comment: text("comment"),
    answeredAt: tstz("answered_at").notNull(),
  },
  (t) => [check("case_surveys_score_check", sql`${t.score} between 0 and 10`)],
);
