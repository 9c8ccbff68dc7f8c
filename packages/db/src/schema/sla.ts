import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { tstz } from "./common";

/** The kinds of notice the SLA and escalation sweeps send (`@accord/domain`'s SlaNoticeKind). */
export const SLA_NOTICE_KIND_VALUES = [
  "first_response_warning",
  "first_response_breach",
  "resolution_warning",
  "resolution_breach",
  "inactivity",
  "customer_reminder_1",
  "customer_reminder_2",
  "customer_action",
  "pre_due",
] as const;

/**
 * Every notice the sweeps handled, by its unique key (`sla:<caseId>:first_response:warning`,
 * `reminder:<requestId>:1`, `pre_due:<invoiceId>:<dueDate>`…): a sweep run twice finds the key and
 * sends nothing twice (ADR 0032). A superseded notice (a later one of its series was due at the same
 * run) is recorded unsent, so it never goes late.
 */
export const slaNotices = pgTable(
  "sla_notices",
  {
    key: text("key").primaryKey(),
    kind: text("kind").$type<(typeof SLA_NOTICE_KIND_VALUES)[number]>().notNull(),
    /** The case it is about; null for a pre-due reminder (about invoices). */
    caseId: uuid("case_id").references(() => cases.id),
    /** When the notice became due (the threshold), and when the sweep handled it. */
    dueAt: tstz("due_at").notNull(),
    handledAt: tstz("handled_at").notNull(),
    sent: boolean("sent").notNull(),
  },
  (t) => [
    index("sla_notices_case_idx").on(t.caseId).where(sql`${t.caseId} is not null`),
    check("sla_notices_kind_check", sql`${t.kind} in (${sql.raw(SLA_NOTICE_KIND_VALUES.map((v) => `'${v}'`).join(", "))})`),
  ],
);
