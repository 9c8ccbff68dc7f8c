import type { InboundAttachment } from "@accord/db";

/** An inbound e-mail as the use cases keep it: its attachments already staged in the file store. */
export interface InboundContent {
  from: string;
  fromName: string;
  recipients: string[];
  subject: string;
  messageId: string | null;
  /** The whole text (an HTML-only body turned into text). */
  text: string;
  /** The new part of a reply (quoted history trimmed). */
  trimmedText: string;
  files: readonly InboundAttachment[];
  sizeBytes: number;
}

/** The journal row's (inbound_emails) columns that every outcome shares. */
export function journalRow(content: InboundContent, now: Date) {
  return {
    receivedAt: now,
    fromAddress: content.from,
    fromName: content.fromName.slice(0, 300),
    toAddresses: content.recipients.slice(0, 50),
    subject: content.subject.slice(0, 1000),
    messageId: content.messageId?.slice(0, 998) ?? null,
    text: content.text,
    trimmedText: content.trimmedText,
    attachments: [...content.files],
    sizeBytes: content.sizeBytes,
    createdAt: now,
  };
}
