import { Resend, type Attachment } from "resend";
import { classifyProviderAnswer, type SendOutcome } from "./delivery";
import type { EmailTransport, OutgoingAttachment } from "./transport";

export interface ResendTransportOptions {
  apiKey: string;
  /** Another endpoint (e.g. a local fake in tests); defaults to Resend's API. */
  baseUrl?: string | undefined;
  /** An attempt that has no answer after this long is abandoned (a transient failure). Default 30 s. */
  timeoutMs?: number;
}

/**
 * The provider did not take the e-mail. `outcome` says whether trying again may help (transient: 5xx,
 * 429, timeout, network) or not (permanent: another 4xx); see `classifyProviderAnswer`.
 */
export class EmailSendError extends Error {
  readonly statusCode: number | null;
  readonly providerCode: string;
  readonly outcome: Exclude<SendOutcome, { kind: "delivered" }>;
  constructor(message: string, providerCode: string, statusCode: number | null, outcome?: Exclude<SendOutcome, { kind: "delivered" }>) {
    super(message);
    this.name = "EmailSendError";
    this.providerCode = providerCode;
    this.statusCode = statusCode;
    this.outcome = outcome ?? { kind: "transient", reason: message, retryAfterMs: null };
  }
}

export function resendTransport({ apiKey, baseUrl, timeoutMs = 30_000 }: ResendTransportOptions): EmailTransport {
  const client = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email, now) {
      // The SDK returns `{ data, error }` rather than throwing (a timeout or a network error too: status
      // null); a failure throws, classified, with the same idempotency key on every attempt.
      const { data, error, headers } = await client.emails.send(
        {
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.attachments?.length ? { attachments: email.attachments.map(toResendAttachment) } : {}),
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          ...(email.messageId ? { headers: { "Message-ID": email.messageId } } : {}),
        },
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const outcome = classifyProviderAnswer({ status: error.statusCode ?? null, message: error.message, retryAfter: headers?.["retry-after"] ?? null }, now);
        if (outcome.kind === "delivered") throw new Error("Resend answered 2xx with an error");
        throw new EmailSendError(`Resend: ${error.message}`, error.name, error.statusCode, outcome);
      }
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
