import { inboundEmails } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import type { FileStore } from "../files/file-store";
import { releaseReferences, removeUnreferencedContents } from "../files/stored-file-references";
import type { UseCaseArgs } from "../use-case";
import { lockQuarantined } from "./attach-quarantined-email";

export const rejectQuarantinedEmailSchema = z.object({
  id: z.uuid({ error: "inbound.error.not_found" }),
  reason: z.string({ error: "inbound.error.reason_required" }).trim().min(1, "inbound.error.reason_required").max(1000, "validation.tooLong"),
});
export type RejectQuarantinedEmailInput = z.output<typeof rejectQuarantinedEmailSchema>;

/**
 * An agent rejects a quarantined e-mail with a reason (spam, not a claim…), in one transaction:
 * the row is kept (journal) as rejected, its files' references are released and their bytes removed
 * once nothing else uses them. Audited; once only.
 */
export async function rejectQuarantinedEmail({ db, actor, input, now, files }: UseCaseArgs<RejectQuarantinedEmailInput, { files: FileStore }>): Promise<void> {
  const staff = requireStaff(actor, "inbound:triage");
  const released = await db.transaction(async (tx) => {
    const row = await lockQuarantined(tx, input.id);
    await tx
      .update(inboundEmails)
      .set({ status: "rejected", rejectReason: input.reason, attachments: [], handledAt: now, handledById: staff.userId })
      .where(eq(inboundEmails.id, row.id));
    await appendAdminEvent(tx, {
      actor: actorRef(staff),
      at: now,
      type: "inbound_email_rejected",
      payload: { inboundEmailId: row.id, from: row.fromAddress, reason: input.reason, files: row.attachments.length },
    });
    return releaseReferences(tx, row.attachments.map((a) => a.sha256));
  });
  await removeUnreferencedContents(db, files, released);
}
