import { cases, emailMessages, staffUsers, storedFiles, type EmailAttachmentRef, type Tx } from "@accord/db";
import { renderSubject, type EmailLanguage, type EmailSender, type EmailTemplateName, type EmailTemplateProps } from "@accord/email";
import { loadSupplierIdentity } from "../admin/get-supplier-identity";
import { eq, inArray, sql } from "drizzle-orm";
import { AppError } from "../errors";
import { DEFAULT_EMAIL_FROM, EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "./constants";

export interface QueueEmailOptions<Name extends EmailTemplateName> {
  to: string | string[];
  template: Name;
  language: EmailLanguage;
  props: EmailTemplateProps[Name];
  /** Same key → same e-mail: queuing twice with one key queues once. */
  idempotencyKey: string;
  from?: string;
  caseId?: string | null;
  /**
   * Files the e-mail carries, each already in the file store (`stored_files`). The e-mail holds no
   * reference on them: the caller keeps them referenced (e.g. by the agreement) until it is sent.
   */
  attachments?: EmailAttachmentRef[];
  /** Defaults to the transaction's timestamp. */
  now?: Date;
  /**
   * Who signs the e-mail, when the caller looked it up earlier (`loadEmailSender`, e.g. before taking a
   * lock it wants to hold briefly); looked up here otherwise.
   */
  sender?: EmailSender;
}

/**
 * The outbox: the e-mail row and its delivery job, written in the caller's
 * transaction, so the e-mail exists if and only if the change that caused it does.
 */
export async function queueEmail<Name extends EmailTemplateName>(
  tx: Tx,
  options: QueueEmailOptions<Name>,
): Promise<{ id: string; queued: boolean }> {
  const attachments = options.attachments ?? [];
  await checkAttachments(tx, attachments);
  const sender = options.sender ?? (await loadEmailSender(tx, options.caseId ?? null));
  const [row] = await tx
    .insert(emailMessages)
    .values({
      to: Array.isArray(options.to) ? options.to : [options.to],
      from: options.from ?? DEFAULT_EMAIL_FROM,
      template: options.template,
      language: options.language,
      subject: renderSubject(options.template, options.language, options.props),
      props: { ...(options.props as unknown as Record<string, unknown>), sender },
      idempotencyKey: options.idempotencyKey,
      caseId: options.caseId ?? null,
      attachments: attachments.map(({ name, type, size, sha256 }) => ({ name, type, size, sha256 })),
      queuedAt: options.now ?? sql`now()`,
    })
    .onConflictDoNothing({ target: emailMessages.idempotencyKey })
    .returning({ id: emailMessages.id });

  if (!row) {
    const [existing] = await tx
      .select({ id: emailMessages.id })
      .from(emailMessages)
      .where(eq(emailMessages.idempotencyKey, options.idempotencyKey));
    return { id: existing!.id, queued: false };
  }

  await tx.execute(
    sql`select graphile_worker.add_job(
      ${SEND_EMAIL_TASK},
      json_build_object('emailId', ${row.id}::text),
      job_key => ${`email:${row.id}`},
      max_attempts => ${EMAIL_MAX_ATTEMPTS}::int
    )`,
  );
  return { id: row.id, queued: true };
}

/**
 * Every attachment must be a stored content of that size. A refusal is a programming error (the
 * caller passed a hash it did not store), hence a bare validation error with the details in `cause`.
 * The rows are locked (share) until the transaction ends, so the contents cannot be released meanwhile.
 */
async function checkAttachments(tx: Tx, attachments: readonly EmailAttachmentRef[]): Promise<void> {
  if (attachments.length === 0) return;
  const hashes = [...new Set(attachments.map((a) => a.sha256))];
  const rows = await tx
    .select({ sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes })
    .from(storedFiles)
    .where(inArray(storedFiles.sha256, hashes))
    .orderBy(storedFiles.sha256)
    .for("share");
  const sizes = new Map(rows.map((row) => [row.sha256, row.sizeBytes]));
  for (const attachment of attachments) {
    const size = sizes.get(attachment.sha256);
    if (size === undefined || size !== attachment.size) {
      const problem = size === undefined ? "is not in the file store" : `has ${size} bytes, not ${attachment.size}`;
      throw new AppError("validation", {
        params: { attachment: attachment.name, sha256: attachment.sha256 },
        cause: new Error(`queueEmail: attachment "${attachment.name}" (${attachment.sha256}) ${problem}`),
      });
    }
  }
}

/**
 * Who signs the e-mail: the supplier's identity (« Notre société ») and, for an e-mail about a
 * case, the agent handling it. Looked up here once per e-mail, so no use case has to pass them.
 */
export async function loadEmailSender(tx: Tx, caseId: string | null): Promise<EmailSender> {
  const identity = await loadSupplierIdentity(tx);
  const [agent] = caseId
    ? await tx.select({ name: staffUsers.name }).from(cases).innerJoin(staffUsers, eq(staffUsers.id, cases.assigneeId)).where(eq(cases.id, caseId))
    : [];
  return {
    supplier: identity ? { legalName: identity.legalName, siren: identity.siren, vatNumber: identity.vatNumber, address: identity.address } : null,
    agentName: agent?.name ?? null,
  };
}
