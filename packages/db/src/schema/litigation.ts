import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { staffUsers } from "./accounts";
import { cases, evidence } from "./cases";
import { createdAt, id, requiredRef, tstz } from "./common";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Mirrors the domain's LEGAL_STEP_KINDS (mise en demeure, injonction de payer, audience, jugement). */
export const LEGAL_STEP_KIND_VALUES = ["formal_notice", "injunction_to_pay", "court_hearing", "judgment"] as const;
/** Mirrors the domain's JUDGMENT_RULINGS. */
export const JUDGMENT_RULING_VALUES = ["supplier", "customer", "partly"] as const;
export const LITIGATION_ENDINGS = ["judged", "settled_out_of_court"] as const;

/**
 * A case's hand-over to legal (contentieux): why, what is at stake (excl. VAT), who and when; then how it
 * ended (a judgment, or a settlement out of court with its terms). Internal: the customer never reads it.
 */
export const litigations = pgTable(
  "litigations",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    reason: text("reason").notNull(),
    amountAtStakeCents: bigint("amount_at_stake_cents", { mode: "number" }).notNull(),
    handedOverById: requiredRef("handed_over_by_id", () => staffUsers.id),
    handedOverAt: tstz("handed_over_at").notNull(),
    ending: text("ending").$type<(typeof LITIGATION_ENDINGS)[number]>(),
    /** Out of court: what the customer is given (excl. VAT) and the terms agreed. */
    settlementAmountCents: bigint("settlement_amount_cents", { mode: "number" }),
    settlementTerms: text("settlement_terms"),
    endedById: uuid("ended_by_id").references(() => staffUsers.id),
    endedAt: tstz("ended_at"),
  },
  (t) => [
    index("litigations_case_idx").on(t.caseId, t.handedOverAt),
    check("litigations_amount_check", sql`${t.amountAtStakeCents} > 0 and (${t.settlementAmountCents} is null or ${t.settlementAmountCents} >= 0)`),
    check("litigations_ending_check", sql`${t.ending} is null or ${t.ending} in (${inList(LITIGATION_ENDINGS)})`),
  ],
);

/**
 * One step of the procedure, dated, with its document (an evidence row of the case, internal unless the
 * step is shared with the customer). A judgment carries its ruling and amounts.
 */
export const legalSteps = pgTable(
  "legal_steps",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    kind: text("kind").$type<(typeof LEGAL_STEP_KIND_VALUES)[number]>().notNull(),
    occurredOn: date("occurred_on").notNull(),
    notes: text("notes"),
    documentId: uuid("document_id").references(() => evidence.id),
    sharedWithCustomer: boolean("shared_with_customer").notNull().default(false),
    ruling: text("ruling").$type<(typeof JUDGMENT_RULING_VALUES)[number]>(),
    grantedCents: bigint("granted_cents", { mode: "number" }),
    owedCents: bigint("owed_cents", { mode: "number" }),
    recordedById: requiredRef("recorded_by_id", () => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("legal_steps_case_idx").on(t.caseId, t.occurredOn),
    check("legal_steps_kind_check", sql`${t.kind} in (${inList(LEGAL_STEP_KIND_VALUES)})`),
    check(
      "legal_steps_judgment_check",
      sql`(${t.kind} = 'judgment') = (${t.ruling} is not null) and (${t.ruling} is null or (${t.ruling} in (${inList(JUDGMENT_RULING_VALUES)}) and ${t.grantedCents} >= 0 and ${t.owedCents} >= 0))`,
    ),
  ],
);

/** A legal cost (fees, bailiff, court); `cases.legal_costs_cents` holds their sum. */
export const legalCosts = pgTable(
  "legal_costs",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    label: text("label").notNull(),
    incurredOn: date("incurred_on").notNull(),
    recordedById: requiredRef("recorded_by_id", () => staffUsers.id),
    createdAt: createdAt(),
  },
  (t) => [index("legal_costs_case_idx").on(t.caseId, t.incurredOn), check("legal_costs_amount_check", sql`${t.amountCents} > 0`)],
);
