import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, type Language, tstz } from "./common";

export type EmailState = "queued" | "sent" | "failed";

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
  },
  (t) => [
    uniqueIndex("email_messages_idempotency_key").on(t.idempotencyKey),
    index("email_messages_case_idx").on(t.caseId),
    check("email_messages_state_check", sql`${t.state} in ('queued', 'sent', 'failed')`),
    check("email_messages_language_check", sql`${t.language} in ('fr', 'en')`),
  ],
);
