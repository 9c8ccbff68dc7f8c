import { Resend, type Attachment } from "resend";
import type { EmailTransport, OutgoingAttachment } from "./transport";

export interface ResendTransportOptions {
  apiKey: string;
  /** Another endpoint (e.g. a local fake in tests); defaults to Resend's API. */
  baseUrl?: string;
}

export class EmailSendError extends Error {
  readonly statusCode: number | null;
  readonly providerCode: string;
  constructor(message: string, providerCode: string, statusCode: number | null) {
    super(message);
    this.name = "EmailSendError";
    this.providerCode = providerCode;
    this.statusCode = statusCode;
  }
}

export function resendTransport({ apiKey, baseUrl }: ResendTransportOptions): EmailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email) {
      // The SDK returns `{ data, error }` rather than throwing; a failure must throw
      // so the job is retried, with the same idempotency key.
      const { data, error } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.attachments?.length ? { attachments: email.attachments.map(toResendAttachment) } : {}),
        },
        { idempotencyKey: email.idempotencyKey },
      );
      if (error) throw new EmailSendError(`Resend: ${error.message}`, error.name, error.statusCode);
      return { providerId: data.id };
    },
  };
}

/**
 * Resend's API takes each file as `{ filename, content (base64), content_type }`; the SDK maps
 * `contentType` to `content_type`. The content is encoded here, so the body does not depend on how
 * the SDK serialises binary data.
 */
function toResendAttachment(attachment: OutgoingAttachment): Attachment {
  const { buffer, byteOffset, byteLength } = attachment.content;
  return {
    filename: attachment.name,
    content: Buffer.from(buffer, byteOffset, byteLength).toString("base64"),
    contentType: attachment.type,
  };
}
