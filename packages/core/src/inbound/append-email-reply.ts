import { loadCustomerActor } from "@accord/auth";
import { cases, inboundEmails, messages, staffUsers, type Db, type Tx } from "@accord/db";
import { isTerminal, type CaseStatus } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { MESSAGE_MAX_LENGTH } from "../cases/post-customer-reply";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { journalRow, type InboundContent } from "./inbound-content";
import { insertInboundEvidence, referenceInboundFiles, type StagedInboundFile } from "./inbound-files";

/**
 * Appends an e-mail to its case as the customer's public message, in the caller's transaction: the
 * new text (quoted history trimmed), the files as public evidence of that message, the same
 * `customer_replied` event and e-mail to the assignee as a reply in the portal. The author is a user
 * of the case's account who may reply (`case:reply`); a case that has ended takes no more messages
 * (as in the portal). The attachments' references must already be held.
 */
export async function appendEmailMessage(
  tx: Tx,
  options: { caseId: string; authorId: string; content: Pick<InboundContent, "trimmedText" | "files" | "from" | "subject" | "messageId">; now: Date; backofficeUrl: string },
): Promise<{ messageId: string; reference: string; accountId: string }> {
  const { now } = options;
  const [row] = await tx
    .select({ id: cases.id, reference: cases.reference, status: cases.status, accountId: cases.accountId, assigneeId: cases.assigneeId })
    .from(cases)
    .where(eq(cases.id, options.caseId))
    .for("update");
  if (!row) throw new AppError("not_found");
  const author = requireCustomer(await loadCustomerActor(tx, options.authorId), "case:reply");
  // Scoped: the author must belong to the case's account.
  if (author.accountId !== row.accountId) throw new AppError("not_found");
  if (isTerminal(row.status as CaseStatus)) throw new AppError("invalid_transition", { messageKey: "cases.error.ended", params: { status: row.status } });

  const body = options.content.trimmedText.slice(0, MESSAGE_MAX_LENGTH);
  const [message] = await tx
    .insert(messages)
    .values({ caseId: row.id, authorKind: "customer", authorId: author.userId, visibility: "public", body, createdAt: now })
    .returning({ id: messages.id });
  const attached = await insertInboundEvidence(tx, { caseId: row.id, messageId: message!.id, files: options.content.files, uploaderId: author.userId, now });
  await appendCaseEvents(tx, {
    caseId: row.id,
    actor: actorRef(author),
    at: now,
    events: [
      {
        type: "customer_replied",
        visibility: "public",
        payload: { messageId: message!.id, attachments: attached.length, channel: "email", email: { from: options.content.from, messageId: options.content.messageId } },
      },
    ],
  });
  if (row.assigneeId) {
    const [assignee] = await tx
      .select({ email: staffUsers.email, name: staffUsers.name, language: staffUsers.language, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.id, row.assigneeId));
    if (assignee?.active) {
      await queueEmail(tx, {
        to: assignee.email,
        template: "customer-replied",
        language: assignee.language,
        props: {
          name: assignee.name,
          reference: row.reference,
          customerName: author.name,
          attachments: attached.length,
          caseUrl: `${options.backofficeUrl.replace(/\/+$/, "")}/cases/${row.reference}`,
        },
        idempotencyKey: `customer-replied:${message!.id}`,
        caseId: row.id,
        now,
      });
    }
  }
  return { messageId: message!.id, reference: row.reference, accountId: row.accountId };
}

/**
 * Use case: a trusted reply (ADR 0036: the case's reply address, or its reference / one of our
 * Message-IDs from a user of its account with dmarc=pass) lands on its case, journalled as
 * `reply_appended`, in one transaction. `authorId` null (the reply address answered by someone
 * else): the message is the case's customer contact's.
 */
export async function appendEmailReply({
  db,
  input,
  now,
  backofficeUrl,
}: {
  db: Db;
  input: { caseId: string; authorId: string | null; content: InboundContent; files: readonly StagedInboundFile[] };
  now: Date;
  backofficeUrl: string;
}): Promise<{ reference: string; messageId: string }> {
  return db.transaction(async (tx) => {
    await referenceInboundFiles(tx, input.files, now);
    let authorId = input.authorId;
    if (authorId === null) {
      const [row] = await tx.select({ contactId: cases.customerContactId }).from(cases).where(eq(cases.id, input.caseId));
      if (!row) throw new AppError("not_found");
      authorId = row.contactId;
    }
    const appended = await appendEmailMessage(tx, { caseId: input.caseId, authorId, content: input.content, now, backofficeUrl });
    await tx.insert(inboundEmails).values({
      ...journalRow(input.content, now),
      outcome: "reply_appended",
      status: "handled",
      caseId: input.caseId,
      accountId: appended.accountId,
      customerUserId: authorId,
    });
    return { reference: appended.reference, messageId: appended.messageId };
  });
}
