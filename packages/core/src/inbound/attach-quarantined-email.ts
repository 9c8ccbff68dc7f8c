import { hasPermission, loadCustomerActor } from "@accord/auth";
import { cases, inboundEmails, type Tx } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { appendEmailMessage } from "./append-email-reply";
import { fileEmailClaim } from "./open-claim-from-email";

export const attachQuarantinedEmailSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({
      mode: z.literal("claim"),
      id: z.uuid({ error: "inbound.error.not_found" }),
      accountId: z.uuid({ error: "inbound.error.account_required" }),
      contactId: z.uuid({ error: "inbound.error.contact_required" }),
    }),
    z.object({
      mode: z.literal("message"),
      id: z.uuid({ error: "inbound.error.not_found" }),
      accountId: z.uuid({ error: "inbound.error.account_required" }),
      reference: z.string({ error: "inbound.error.case_required" }).trim().regex(/^LIT-\d{4}-\d{6}$/, "inbound.error.case_required"),
    }),
  ],
  { error: "inbound.error.mode_required" },
);
export type AttachQuarantinedEmailInput = z.output<typeof attachQuarantinedEmailSchema>;

/** The quarantined row, locked; a message already handled is a conflict (a second click). */
export async function lockQuarantined(tx: Tx, id: string) {
  const [row] = await tx.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for("update");
  if (!row) throw new AppError("not_found");
  if (row.status !== "quarantined") throw new AppError("conflict", { messageKey: "inbound.error.already_handled" });
  return row;
}

/**
 * An agent places a quarantined e-mail (ADR 0036), in one transaction: either it opens a claim filed
 * as a chosen active user of the chosen account (channel e-mail, acknowledgement to that contact), or
 * it becomes the customer's message on one of that account's open cases (as its customer contact).
 * Its files become evidence (the quarantine's references move to them). Audited; once only.
 */
export async function attachQuarantinedEmail({ db, actor, input, now, portalUrl, backofficeUrl }: UseCaseArgs<AttachQuarantinedEmailInput, { portalUrl: string; backofficeUrl: string }>): Promise<{ reference: string }> {
  const staff = requireStaff(actor, "inbound:triage");
  return db.transaction(async (tx) => {
    const row = await lockQuarantined(tx, input.id);
    const content = { subject: row.subject, text: row.text, trimmedText: row.trimmedText || row.text, from: row.fromAddress, messageId: row.messageId, files: row.attachments };
    let caseId: string;
    let reference: string;
    let userId: string;
    if (input.mode === "claim") {
      const contact = await loadCustomerActor(tx, input.contactId);
      if (!contact || contact.accountId !== input.accountId || !hasPermission(contact, "case:create")) {
        throw new AppError("validation", { messageKey: "inbound.error.contact_required", fieldErrors: { contactId: ["inbound.error.contact_required"] } });
      }
      const filed = await fileEmailClaim(tx, {
        contact: { id: contact.userId, accountId: contact.accountId, email: contact.email, name: contact.name, language: contact.language },
        content,
        actor: actorRef(staff),
        now,
        portalUrl,
      });
      ({ caseId, reference } = filed);
      userId = contact.userId;
    } else {
      // Scoped by the chosen account: another account's case is not found.
      const [target] = await tx
        .select({ id: cases.id, contactId: cases.customerContactId })
        .from(cases)
        .where(and(eq(cases.reference, input.reference), eq(cases.accountId, input.accountId)));
      if (!target) throw new AppError("validation", { messageKey: "inbound.error.case_required", fieldErrors: { reference: ["inbound.error.case_required"] } });
      const appended = await appendEmailMessage(tx, { caseId: target.id, authorId: target.contactId, content, now, backofficeUrl });
      caseId = target.id;
      reference = appended.reference;
      userId = target.contactId;
    }
    await tx
      .update(inboundEmails)
      .set({ status: "attached", caseId, accountId: input.accountId, customerUserId: userId, handledAt: now, handledById: staff.userId })
      .where(eq(inboundEmails.id, row.id));
    await appendAdminEvent(tx, {
      actor: actorRef(staff),
      at: now,
      type: "inbound_email_attached",
      payload: { inboundEmailId: row.id, mode: input.mode, accountId: input.accountId, reference, from: row.fromAddress },
    });
    return { reference };
  });
}
