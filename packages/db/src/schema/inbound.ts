import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts, customerUsers, staffUsers } from "./accounts";
import { cases } from "./cases";
import { createdAt, id, tstz } from "./common";

/** What the endpoint did with a message (ADR 0036). */
export type InboundOutcome = "claim_opened" | "reply_appended" | "quarantined" | "ignored_auto_reply";
/** A quarantined message waits for an agent; then it is attached (as a claim or a message) or rejected. */
export type InboundStatus = "handled" | "ignored" | "quarantined" | "attached" | "rejected";

/** A file an inbound e-mail carried: its bytes are in the file store; a quarantined message holds a reference. */
export interface InboundAttachment {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/**
 * Every e-mail the inbound endpoint accepted, whatever became of it: the journal of the channel, the
 * quarantine (status `quarantined`) and the key that makes a provider's retry harmless (sender +
 * Message-ID: the same message twice gets the first answer).
 */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: id(),
    receivedAt: tstz("received_at").notNull(),
    outcome: text("outcome").$type<InboundOutcome>().notNull(),
    status: text("status").$type<InboundStatus>().notNull(),
    /** Why it was quarantined (a QuarantineReason) or ignored (an AutomaticReason). */
    reason: text("reason"),
    fromAddress: text("from_address").notNull(),
    fromName: text("from_name").notNull().default(""),
    toAddresses: text("to_addresses").array().notNull().default(sql`'{}'::text[]`),
    subject: text("subject").notNull().default(""),
    /** The message's own Message-ID header, when it has one. */
    messageId: text("message_id"),
    /** The text as written (HTML turned to text), and the new part of a reply (quoted history trimmed). */
    text: text("text").notNull().default(""),
    trimmedText: text("trimmed_text").notNull().default(""),
    attachments: jsonb("attachments").$type<InboundAttachment[]>().notNull().default([]),
    /** The case it opened or reached, or the one it named (quarantine). */
    caseId: uuid("case_id").references(() => cases.id),
    /** The account it came from, or the one its sender's domain suggests (quarantine). */
    accountId: uuid("account_id").references(() => customerAccounts.id),
    /** The customer user it was filed as (sender, or the contact the agent chose). */
    customerUserId: uuid("customer_user_id").references(() => customerUsers.id),
    handledAt: tstz("handled_at"),
    handledById: uuid("handled_by_id").references(() => staffUsers.id),
    rejectReason: text("reject_reason"),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("inbound_emails_sender_message_key").on(t.fromAddress, t.messageId).where(sql`${t.messageId} is not null`),
    // The quarantine list, oldest first.
    index("inbound_emails_quarantine_idx").on(t.receivedAt, t.id).where(sql`${t.status} = 'quarantined'`),
    check("inbound_emails_outcome_check", sql`${t.outcome} in ('claim_opened', 'reply_appended', 'quarantined', 'ignored_auto_reply')`),
    check("inbound_emails_status_check", sql`${t.status} in ('handled', 'ignored', 'quarantined', 'attached', 'rejected')`),
  ],
);
