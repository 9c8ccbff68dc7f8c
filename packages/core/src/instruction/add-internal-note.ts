import { messages } from "@accord/db";
import { z } from "zod";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { caseReferenceSchema, findStaffCase } from "./staff-case";
import type { UseCaseArgs } from "../use-case";

export const addInternalNoteSchema = z.object({
  reference: caseReferenceSchema,
  body: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(10_000, "validation.tooLong"),
});
export type AddInternalNoteInput = z.output<typeof addInternalNoteSchema>;

/**
 * An INTERNAL note: staff only. It is never e-mailed and never shown in the portal (the message and
 * its event are `internal`; portal reads filter on visibility).
 */
export async function addInternalNote({ db, actor, input, now }: UseCaseArgs<AddInternalNoteInput>) {
  const staff = requireStaff(actor, "case:note");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const [message] = await tx
      .insert(messages)
      .values({ caseId: row.id, authorKind: "staff", authorId: staff.userId, visibility: "internal", body: input.body, createdAt: now })
      .returning({ id: messages.id });
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: "internal_note_added", visibility: "internal", payload: { messageId: message!.id } }],
    });
    return { messageId: message!.id };
  });
}
