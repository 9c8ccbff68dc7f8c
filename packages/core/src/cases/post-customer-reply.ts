import { messages, staffUsers } from "@accord/db";
import { isTerminal, type CaseStatus } from "@accord/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { findCustomerCase } from "./customer-case-scope";
import type { UseCaseArgs } from "../use-case";

export const MESSAGE_MAX_LENGTH = 10_000;
export const MAX_ATTACHMENTS = 20;

/** Staged upload ids sent with a form (one id per field value). */
export const uploadIdsSchema = z
  .array(z.uuid({ error: "uploads.error.expired" }))
  .max(MAX_ATTACHMENTS, "uploads.error.tooMany")
  .default([]);

export const customerReplySchema = z.object({
  body: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(MESSAGE_MAX_LENGTH, "validation.tooLong"),
  uploadIds: uploadIdsSchema,
});
export type CustomerReplyInput = z.output<typeof customerReplySchema>;

/**
 * A customer's public reply on their case, with attachments (their staged uploads): the message,
 * its files, a public `customer_replied` event and, when the case has an assignee, an e-mail to them.
 * A viewer cannot reply; a case that has ended takes no more messages.
 */
export async function postCustomerReply({ db, actor, input, now, backofficeUrl }: UseCaseArgs<CustomerReplyInput & { reference: string }, { /** Public base URL of the back-office, for the link in the assignee's e-mail. */ backofficeUrl: string }>): Promise<{ messageId: string }> {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(async (tx) => {
    // Not found before forbidden: a viewer of another account learns nothing either.
    const row = await findCustomerCase(tx, customer, input.reference, { forUpdate: true });
    requireCustomer(customer, "case:reply");
    if (isTerminal(row.status as CaseStatus)) {
      throw new AppError("invalid_transition", { messageKey: "cases.error.ended", params: { status: row.status } });
    }
    const [message] = await tx
      .insert(messages)
      .values({ caseId: row.id, authorKind: "customer", authorId: customer.userId, visibility: "public", body: input.body, createdAt: now })
      .returning({ id: messages.id });
    const attached = await attachStagedUploads(tx, {
      uploadIds: input.uploadIds,
      uploader: { kind: "customer", id: customer.userId },
      caseId: row.id,
      visibility: "public",
      now,
      messageId: message!.id,
      field: "uploadIds",
    });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(customer),
      at: now,
      events: [{ type: "customer_replied", visibility: "public", payload: { messageId: message!.id, attachments: attached.length } }],
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
            customerName: customer.name,
            attachments: attached.length,
            caseUrl: `${backofficeUrl.replace(/\/+$/, "")}/cases/${row.reference}`,
          },
          idempotencyKey: `customer-replied:${message!.id}`,
          caseId: row.id,
          now,
        });
      }
    }
    return { messageId: message!.id };
  });
}
