import { cases, caseTasks, evidence, evidenceRequests, messages } from "@accord/db";
import { isTerminal, type CaseStatus } from "@accord/domain";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { applyCommand, caseContact, caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const mergeDuplicateSchema = z.object({
  reference: caseReferenceSchema,
  originalReference: z.string({ error: "validation.required" }).trim().toUpperCase().pipe(caseReferenceSchema),
});
export type MergeDuplicateInput = z.output<typeof mergeDuplicateSchema>;

/**
 * Marks a case as a duplicate of an original of the same customer account and merges it:
 * its messages and evidence MOVE to the original (their case_id changes; they are not copied), so the
 * conversation continues in one place and a stored file keeps exactly one evidence row (its
 * reference count stays right). Both chains record the move with the ids moved, so the audit trail
 * of the duplicate still says what it held. Open evidence requests and tasks of the duplicate are
 * cancelled. The customer contact of the duplicate is told by e-mail.
 */
export async function mergeDuplicate({ db, actor, input, now, portalUrl }: UseCaseArgs<MergeDuplicateInput, { portalUrl?: string }>) {
  const staff = requireStaff(actor, "case:qualify");
  const { reference, originalReference } = input;
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order (by reference) so two opposite merges cannot deadlock.
    const [first, second] = [reference, originalReference].sort();
    const locked = new Map<string, Awaited<ReturnType<typeof findStaffCase>> | null>();
    for (const ref of [first!, second!]) {
      if (ref === reference) locked.set(ref, await findStaffCase(tx, staff, ref, { lock: true }));
      else {
        const [row] = await tx.select().from(cases).where(eq(cases.reference, ref)).for("update");
        locked.set(ref, row ?? null);
      }
    }
    const row = locked.get(reference)!;
    const original = reference === originalReference ? row : locked.get(originalReference);
    const invalid = (key: string) => new AppError("validation", { messageKey: key, fieldErrors: { originalReference: [key] } });
    if (original && original.id !== row.id) {
      if (original.accountId !== row.accountId) throw invalid("casePage.merge.error.otherAccount");
      if (isTerminal(original.status as CaseStatus)) throw invalid("casePage.merge.error.originalEnded");
    } else if (!original) {
      throw invalid("casePage.merge.error.originalNotFound");
    }
    // The domain decides (permission, status, "not itself").
    const result = await applyCommand(tx, {
      actor: staff,
      row,
      command: { type: "mark_duplicate", duplicateOf: original.reference },
      now,
      set: { mergedIntoId: original.id },
    });
    const movedMessages = await tx
      .update(messages)
      .set({ caseId: original.id })
      .where(eq(messages.caseId, row.id))
      .returning({ id: messages.id });
    const movedEvidence = await tx
      .update(evidence)
      .set({ caseId: original.id })
      .where(eq(evidence.caseId, row.id))
      .returning({ id: evidence.id });
    await tx
      .update(evidenceRequests)
      .set({ status: "cancelled" })
      .where(and(eq(evidenceRequests.caseId, row.id), eq(evidenceRequests.status, "open")));
    await tx
      .update(caseTasks)
      .set({ status: "cancelled" })
      .where(and(eq(caseTasks.caseId, row.id), eq(caseTasks.status, "open")));
    const moved = { messageIds: movedMessages.map((m) => m.id), evidenceIds: movedEvidence.map((e) => e.id) };
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "case_merged_into", visibility: "internal", payload: { into: original.reference, ...moved } }],
    });
    await appendCaseEvents(tx, {
      caseId: original.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "duplicate_merged", visibility: "public", payload: { duplicate: row.reference, messages: moved.messageIds.length, evidence: moved.evidenceIds.length } }],
    });
    await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, original.id));
    const contact = await caseContact(tx, row);
    await queueEmail(tx, {
      to: contact.email,
      template: "case-merged",
      language: contact.language,
      props: {
        name: contact.name,
        reference: row.reference,
        originalReference: original.reference,
        originalUrl: portalUrl ? new URL(`cases/${original.reference}`, portalUrl).toString() : null,
      },
      idempotencyKey: `case-merged:${row.id}`,
      caseId: row.id,
      now,
    });
    return { reference: row.reference, originalReference: original.reference, status: result.status, moved };
  });
}
