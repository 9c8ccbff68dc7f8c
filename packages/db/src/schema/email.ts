import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, type Language, tstz } from "./common";

/**
 * queued → sent (Resend took it) → delivered (Resend's webhook says it arrived);
 * queued → undelivered (refused for good: a 4xx, a suppressed address; or later bounced/complained);
 * queued → failed (still transient after the last attempt). See ADR 0033.
 */
export type EmailState = "queued" | "sent" | "delivered" | "undelivered" | "failed";

/** Why an e-mail did not reach its recipient (state `undelivered`). */
export type UndeliveredReason = "refused" | "bounced" | "complained" | "suppressed";

/** A file an e-mail carries: its bytes are in the content-addressed file store under `sha256`. */
export interface EmailAttachmentRef {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** The outbox: one row per e-mail, queued with its delivery job in the business transaction. */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: id(),
    to: text("to").array().notNull(),
    from: text("from").notNull(),
    template: text("template").notNull(),
    language: text("language").$type<Language>().notNull(),
    subject: text("subject").notNull().default(""),
    props: jsonb("props").$type<Record<string, unknown>>().notNull(),
    state: text("state").$type<EmailState>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** The case the e-mail is about, if any (for the case's history and for leak tests). */
    caseId: uuid("case_id"),
    /** Files carried by the e-mail (e.g. the agreement PDF), each held in the file store. */
    attachments: jsonb("attachments").$type<EmailAttachmentRef[]>().notNull().default([]),
    queuedAt: tstz("queued_at").notNull(),
    sentAt: tstz("sent_at"),
    /** When a transient failure put the next attempt (the delivery job's run_at); null when none is due. */
    nextAttemptAt: tstz("next_attempt_at"),
    /** Resend's webhook said it reached the mailbox. */
    deliveredAt: tstz("delivered_at"),
    /** Why it is undelivered (state `undelivered`); the details are in `last_error`. */
    undeliveredReason: text("undelivered_reason").$type<UndeliveredReason>(),
    undeliveredAt: tstz("undelivered_at"),
    /** The Reply-To it carried: a customer's e-mail about a case answers to the case's reply address (ADR 0036). */
    replyTo: text("reply_to"),
    /** The Message-ID it carried (`<id@INBOUND_EMAIL_DOMAIN>`), so a reply's In-Reply-To finds it. */
    messageId: text("message_id"),
  },
  (t) => [
    uniqueIndex("email_messages_idempotency_key").on(t.idempotencyKey),
    index("email_messages_case_idx").on(t.caseId),
    check("email_messages_state_check", sql`${t.state} in ('queued', 'sent', 'delivered', 'undelivered', 'failed')`),
    check(
      "email_messages_undelivered_reason_check",
      sql`${t.undeliveredReason} is null or ${t.undeliveredReason} in ('refused', 'bounced', 'complained', 'suppressed')`,
    ),
    // The webhook finds the row by Resend's id.
    index("email_messages_provider_id_idx").on(t.providerId).where(sql`${t.providerId} is not null`),
    // The staff admins' "E-mails non remis" list, newest first.
    index("email_messages_undelivered_idx").on(t.undeliveredAt.desc(), t.id).where(sql`${t.state} in ('undelivered', 'failed')`),
    uniqueIndex("email_messages_message_id_key").on(t.messageId).where(sql`${t.messageId} is not null`),
    check("email_messages_language_check", sql`${t.language} in ('fr', 'en')`),
  ],
);

export type SuppressionReason = "bounced" | "complained";

/**
 * Addresses no e-mail goes to any more (ADR 0033): Resend said they bounced, or their owner marked an
 * e-mail as spam. Stored lowercased; the first event wins.
 */
export const suppressedAddresses = pgTable(
  "suppressed_addresses",
  {
    address: text("address").primaryKey(),
    reason: text("reason").$type<SuppressionReason>().notNull(),
    /** What Resend said (bounce type and message), when it said something. */
    detail: text("detail"),
    /** The webhook event (svix-id) that suppressed it. */
    eventId: text("event_id").notNull(),
    at: tstz("at").notNull(),
  },
  (t) => [check("suppressed_addresses_reason_check", sql`${t.reason} in ('bounced', 'complained')`), check("suppressed_addresses_lowercase", sql`${t.address} = lower(${t.address})`)],
);

/** Webhook events already handled, by provider and event id: a replay changes nothing. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    receivedAt: tstz("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
