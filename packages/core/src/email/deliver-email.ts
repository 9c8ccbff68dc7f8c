import { createHash } from "node:crypto";
import { emailMessages, type Db, type EmailAttachmentRef } from "@accord/db";
import {
  isEmailLanguage,
  isEmailTemplateName,
  redactEmailProps,
  renderEmail,
  type EmailTemplateProps,
  type EmailTransport,
  type OutgoingAttachment,
} from "@accord/email";
import { eq } from "drizzle-orm";
import type { FileStore } from "../files/file-store";
import { EMAIL_MAX_ATTEMPTS } from "./constants";

export type DeliverEmailResult =
  | { status: "sent"; providerId: string | null }
  | { status: "skipped"; reason: "not_found" | "already_sent" | "already_failed" | "unknown_template" };

export interface DeliverEmailOptions {
  db: Db;
  emailId: string;
  transport: EmailTransport;
  /** Where the attachments' bytes are (FILE_STORE_DIR). */
  store: FileStore;
  now: Date;
  /** The sender to use (the worker's EMAIL_FROM); defaults to the one stored on the row. */
  from?: string;
  /** Whether a failure now is final; defaults to counting the row's attempts. */
  lastAttempt?: boolean;
}

/**
 * Sends one queued e-mail. Idempotent: an e-mail already sent (or given up) is
 * skipped. A failed send is recorded and rethrown, so the job is retried with
 * the same idempotency key; the last failure marks the e-mail failed.
 */
export async function deliverEmail({ db, emailId, transport, store, now, from, lastAttempt }: DeliverEmailOptions): Promise<DeliverEmailResult> {
  const claimed = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailMessages).where(eq(emailMessages.id, emailId)).for("update");
    if (!row) return { skip: "not_found" as const, row: null };
    if (row.state === "sent") return { skip: "already_sent" as const, row: null };
    if (row.state === "failed") return { skip: "already_failed" as const, row: null };
    const attempts = row.attempts + 1;
    if (!isEmailTemplateName(row.template) || !isEmailLanguage(row.language)) {
      // Retrying cannot fix a template this code does not know.
      await tx
        .update(emailMessages)
        .set({ state: "failed", attempts, lastError: `Unknown template "${row.template}" or language "${row.language}"` })
        .where(eq(emailMessages.id, emailId));
      return { skip: "unknown_template" as const, row: null };
    }
    await tx.update(emailMessages).set({ attempts }).where(eq(emailMessages.id, emailId));
    return { skip: null, row: { ...row, attempts, template: row.template, language: row.language } };
  });
  if (claimed.skip !== null) return { status: "skipped", reason: claimed.skip };

  const { row } = claimed;
  const props = row.props as unknown as EmailTemplateProps[typeof row.template];
  const sender = from ?? row.from;
  try {
    const rendered = await renderEmail(row.template, row.language, props);
    const attachments = await readAttachments(store, row.attachments);
    const { providerId } = await transport.send(
      { id: row.id, to: row.to, from: sender, ...rendered, idempotencyKey: row.idempotencyKey, ...(attachments.length > 0 ? { attachments } : {}) },
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
        lastError: null,
        props: redactEmailProps(row.template, props) as unknown as Record<string, unknown>,
      })
      .where(eq(emailMessages.id, row.id));
    return { status: "sent", providerId };
  } catch (error) {
    const final = lastAttempt ?? row.attempts >= EMAIL_MAX_ATTEMPTS;
    await db
      .update(emailMessages)
      .set({ lastError: describe(error), ...(final ? { state: "failed" as const } : {}) })
      .where(eq(emailMessages.id, row.id));
    throw error;
  }
}

/**
 * The attachments' bytes, checked against their hash and size. A missing or altered file fails the
 * delivery (recorded as lastError, retried like any failure).
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
