/** A file the e-mail carries, its bytes read from the file store. */
export interface OutgoingAttachment {
  /** The name shown to the recipient (display only; never a path). */
  name: string;
  /** Its media type, e.g. `application/pdf`. */
  type: string;
  /** SHA-256 of `content`, lowercase hex (the file store's key). */
  sha256: string;
  content: Uint8Array;
}

/** A fully rendered e-mail, ready to leave. */
export interface OutgoingEmail {
  /** Stable id of the e-mail (the outbox row id); names the mailbox file. */
  id: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  /** Same key on every retry, so the provider sends the e-mail once. */
  idempotencyKey: string;
  /** Files carried by the e-mail; absent or empty when there are none. */
  attachments?: OutgoingAttachment[];
  /** Where the recipient's answer goes: a case's reply address `reply+<token>@…` (ADR 0036). */
  replyTo?: string;
  /** The Message-ID header to send (`<id@domain>`), so a reply's In-Reply-To names this e-mail. */
  messageId?: string;
}

export interface SendResult {
  /** The provider's message id, when there is one. */
  providerId: string | null;
}

export interface EmailTransport {
  readonly name: string;
  /** Throws when the e-mail could not be handed over (the caller retries). */
  send(email: OutgoingEmail, now: Date): Promise<SendResult>;
}

/**
 * The primary transport decides the outcome; the copies (e.g. the dev mailbox)
 * get the e-mail only once the primary has accepted it, so a retry after a
 * provider failure does not leave a copy of an e-mail that never left.
 */
export function composeTransports(primary: EmailTransport, ...copies: EmailTransport[]): EmailTransport {
  if (copies.length === 0) return primary;
  return {
    name: [primary, ...copies].map((t) => t.name).join("+"),
    async send(email, now) {
      const result = await primary.send(email, now);
      for (const copy of copies) await copy.send(email, now);
      return result;
    },
  };
}
