import { createHash } from "node:crypto";
import { cases, emailMessages, suppressedAddresses, type Tx, type Db, type EmailAttachmentRef, type UndeliveredReason } from "@accord/db";
import {
  DEFAULT_RETRY_POLICY,
  EmailSendError,
  emailTemplates,
  isEmailLanguage,
  isEmailTemplateName,
  isFinalAttempt,
  redactEmailProps,
  renderEmail,
  retryDelayMs,
  type EmailTemplateProps,
  type EmailTransport,
  type OutgoingAttachment,
  type RetryPolicy,
} from "@accord/email";
import { replyAddress } from "@accord/domain";
import { eq, inArray, sql } from "drizzle-orm";
import type { FileStore } from "../files/file-store";
import { EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "./constants";
import { markUndelivered } from "./mark-undelivered";

export type DeliverEmailResult =
  | { status: "sent"; providerId: string | null }
  /** A transient failure: the next attempt is scheduled at `at`. */
  | { status: "retry"; at: Date; error: string }
  /** Refused for good (a 4xx other than 429, or every recipient suppressed): never retried. */
  | { status: "undelivered"; reason: UndeliveredReason; error: string }
  /** Still failing after the last attempt. */
  | { status: "failed"; error: string }
  | { status: "skipped"; reason: "not_found" | "already_sent" | "already_failed" | "unknown_template" | "superseded" };

/** The outbox's retries (ADR 0033): ten attempts, 30 s doubling up to an hour, jittered. */
export const EMAIL_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: EMAIL_MAX_ATTEMPTS };

export interface DeliverEmailOptions {
  db: Db;
  emailId: string;
  transport: EmailTransport;
  /** Where the attachments' bytes are (FILE_STORE_DIR). */
  store: FileStore;
  now: Date;
  /** The sender to use (the worker's EMAIL_FROM); defaults to the one stored on the row. */
  from?: string;
  /**
   * Which attempt the delivery job was scheduled for (its payload's `attempt`; 1 for the job
   * queueEmail adds). A job for an attempt that already happened while a later one is scheduled is
   * a leftover (a worker that died after rescheduling) and sends nothing.
   */
  attempt?: number;
  /** Whether a failure now is final; defaults to counting the row's attempts against the policy. */
  lastAttempt?: boolean;
  retryPolicy?: RetryPolicy;
  /** Jitter source, [0, 1). */
  random?: () => number;
  /**
   * The inbound e-mail domain (INBOUND_EMAIL_DOMAIN, ADR 0036): a customer's e-mail about a case
   * answers to `reply+<case token>@<domain>` and every e-mail carries a Message-ID `<id@domain>`.
   * Without it, neither header is set.
   */
  inboundDomain?: string;
}

/**
 * Sends one queued e-mail (ADR 0005, 0033). Idempotent: an e-mail already sent (or given up) is
 * skipped, and every attempt carries the same idempotency key (the provider sends it once).
 * - A recipient on the suppression list (bounced, complained) gets nothing: with nobody left, the
 *   e-mail is undelivered (reason `suppressed`) without calling the provider.
 * - A transient failure (5xx, 429, timeout, network, a file store hiccup) is recorded and the next
 *   attempt scheduled with exponential backoff (`Retry-After` honoured): the outbox row's
 *   `next_attempt_at` and a new `send_email` job at that instant, in one transaction.
 * - A permanent failure (another 4xx) marks it undelivered at once, with the reason.
 * - The last transient failure marks it failed.
 * Undelivered and failed e-mails of a case add an internal event to the case's chain.
 */
export async function deliverEmail({
  db,
  emailId,
  transport,
  store,
  now,
  from,
  attempt = 1,
  lastAttempt,
  retryPolicy = EMAIL_RETRY_POLICY,
  random = Math.random,
  inboundDomain,
}: DeliverEmailOptions): Promise<DeliverEmailResult> {
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailMessages).where(eq(emailMessages.id, emailId)).for("update");
    if (!row) return { skip: "not_found" as const };
    if (row.state === "sent" || row.state === "delivered") return { skip: "already_sent" as const };
    if (row.state === "failed" || row.state === "undelivered") return { skip: "already_failed" as const };
    if (row.nextAttemptAt !== null && attempt <= row.attempts) return { skip: "superseded" as const };
    const attempts = row.attempts + 1;
    if (!isEmailTemplateName(row.template) || !isEmailLanguage(row.language)) {
      // Retrying cannot fix a template this code does not know.
      await tx
        .update(emailMessages)
        .set({ state: "failed", attempts, nextAttemptAt: null, undeliveredAt: now, lastError: `Unknown template "${row.template}" or language "${row.language}"` })
        .where(eq(emailMessages.id, emailId));
      return { skip: "unknown_template" as const };
    }
    const suppressed = await tx
      .select()
      .from(suppressedAddresses)
      .where(inArray(suppressedAddresses.address, row.to.map((address) => address.trim().toLowerCase())));
    const blocked = new Set(suppressed.map((s) => s.address));
    const to = row.to.filter((address) => !blocked.has(address.trim().toLowerCase()));
    const why = suppressed.map((s) => `${s.address} (${s.reason}${s.detail ? `: ${s.detail}` : ""})`).join(", ");
    if (to.length === 0) {
      const error = `Not sent: the address is suppressed — ${why}`;
      await tx.update(emailMessages).set({ attempts }).where(eq(emailMessages.id, emailId));
      await markUndelivered(tx, { emailId, reason: "suppressed", error, now });
      return { skip: null, undelivered: { status: "undelivered" as const, reason: "suppressed" as const, error } };
    }
    const threading = await threadingHeaders(tx, row, inboundDomain);
    await tx.update(emailMessages).set({ attempts, nextAttemptAt: null, ...threading }).where(eq(emailMessages.id, emailId));
    return { skip: null, undelivered: null, row: { ...row, ...threading, to, attempts, template: row.template, language: row.language }, note: why ? `Not sent to ${why}` : null };
  });
  if (claimed.skip !== null) return { status: "skipped", reason: claimed.skip };
  if (claimed.undelivered) return claimed.undelivered;

  const { row, note } = claimed;
  const props = row.props as unknown as EmailTemplateProps[typeof row.template];
  const sender = from ?? row.from;
  try {
    const rendered = await renderEmail(row.template, row.language, props);
    const attachments = await readAttachments(store, row.attachments);
    const { providerId } = await transport.send(
      {
        id: row.id,
        to: row.to,
        from: sender,
        ...rendered,
        idempotencyKey: row.idempotencyKey,
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(row.replyTo ? { replyTo: row.replyTo } : {}),
        ...(row.messageId ? { messageId: row.messageId } : {}),
      },
      now,
    );
    await db
      .update(emailMessages)
      .set({
        state: "sent",
        sentAt: now,
        providerId,
        from: sender,
        subject: rendered.subject,
        lastError: note,
        props: redactEmailProps(row.template, props) as unknown as Record<string, unknown>,
      })
      .where(eq(emailMessages.id, row.id));
    return { status: "sent", providerId };
  } catch (error) {
    const message = describe(error);
    const outcome = error instanceof EmailSendError ? error.outcome : { kind: "transient" as const, reason: message, retryAfterMs: null };
    if (outcome.kind === "permanent") {
      await db.transaction((tx) => markUndelivered(tx, { emailId: row.id, reason: "refused", error: message, now }));
      return { status: "undelivered", reason: "refused", error: message };
    }
    if (lastAttempt ?? isFinalAttempt(row.attempts, retryPolicy)) {
      await db.transaction((tx) => markUndelivered(tx, { emailId: row.id, reason: null, error: message, now }));
      return { status: "failed", error: message };
    }
    const at = new Date(now.getTime() + retryDelayMs(row.attempts, outcome.retryAfterMs, retryPolicy, random()));
    await db.transaction(async (tx) => {
      await tx.update(emailMessages).set({ lastError: message, nextAttemptAt: at }).where(eq(emailMessages.id, row.id));
      // Replaces the key of the job running now (graphile-worker clears a locked job's key), so the
      // next attempt is a job of its own; the running one completes.
      await tx.execute(
        sql`select graphile_worker.add_job(
          ${SEND_EMAIL_TASK},
          json_build_object('emailId', ${row.id}::text, 'attempt', ${row.attempts + 1}::int),
          run_at => ${at.toISOString()}::timestamptz,
          job_key => ${`email:${row.id}`},
          max_attempts => ${EMAIL_MAX_ATTEMPTS}::int
        )`,
      );
    });
    return { status: "retry", at, error: message };
  }
}

/**
 * The attachments' bytes, checked against their hash and size. A missing or altered file fails the
 * delivery (recorded as lastError, retried like any transient failure).
 */
async function readAttachments(store: FileStore, refs: readonly EmailAttachmentRef[]): Promise<OutgoingAttachment[]> {
  const attachments: OutgoingAttachment[] = [];
  for (const ref of refs) {
    const label = `Attachment "${ref.name}" (${ref.sha256})`;
    let content: Buffer;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of await store.openRead(ref.sha256)) chunks.push(chunk as Buffer);
      content = Buffer.concat(chunks);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${label} is missing from the file store`, { cause: error });
      throw error;
    }
    const sha256 = createHash("sha256").update(content).digest("hex");
    if (sha256 !== ref.sha256 || content.byteLength !== ref.size) {
      throw new Error(`${label} does not match the file store's content (${content.byteLength} bytes, SHA-256 ${sha256})`);
    }
    attachments.push({ name: ref.name, type: ref.type, sha256, content });
  }
  return attachments;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * The Reply-To and Message-ID of an e-mail (ADR 0036), decided once at its first attempt and kept on
 * the row (a retry sends the same ones). A customer's e-mail about a case answers to the case's
 * secret reply address; staff e-mails keep the default sender as their answer address.
 */
async function threadingHeaders(
  tx: Tx,
  row: { id: string; template: string; caseId: string | null; replyTo: string | null; messageId: string | null },
  inboundDomain: string | undefined,
): Promise<{ replyTo: string | null; messageId: string | null }> {
  if (!inboundDomain || row.messageId !== null) return { replyTo: row.replyTo, messageId: row.messageId };
  const messageId = `<${row.id}@${inboundDomain.trim().toLowerCase()}>`;
  const audience = isEmailTemplateName(row.template) ? emailTemplates[row.template].audience : "staff";
  if (!row.caseId || audience !== "customer") return { replyTo: null, messageId };
  const [found] = await tx.select({ replyToken: cases.replyToken }).from(cases).where(eq(cases.id, row.caseId));
  return { replyTo: found ? replyAddress(found.replyToken, inboundDomain) : null, messageId };
}
