import { emailMessages, type Tx, type UndeliveredReason } from "@accord/db";
import { eq } from "drizzle-orm";
import { SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";

/** The case event an undelivered (or failed) e-mail of a case adds, internal: staff only. */
export const EMAIL_UNDELIVERED_EVENT = "email_undelivered";

/**
 * Marks an outbox e-mail as not delivered, in the caller's transaction: `undelivered` with its
 * reason (refused, bounced, complained, suppressed) or, with `reason: null`, `failed` (transient
 * failures until the last attempt). An e-mail about a case adds an internal event to the case's
 * chain, so the case says why its customer did not get it. Returns false when the row was not found.
 */
export async function markUndelivered(
  tx: Tx,
  { emailId, reason, error, now }: { emailId: string; reason: UndeliveredReason | null; error: string; now: Date },
): Promise<boolean> {
  const [row] = await tx
    .update(emailMessages)
    .set({
      state: reason === null ? "failed" : "undelivered",
      undeliveredReason: reason,
      undeliveredAt: now,
      nextAttemptAt: null,
      lastError: error.slice(0, 2000),
    })
    .where(eq(emailMessages.id, emailId))
    .returning({ caseId: emailMessages.caseId, to: emailMessages.to, template: emailMessages.template });
  if (!row) return false;
  if (row.caseId) {
    await appendCaseEvents(tx, {
      caseId: row.caseId,
      actor: SYSTEM,
      at: now,
      events: [
        {
          type: EMAIL_UNDELIVERED_EVENT,
          visibility: "internal",
          payload: { emailId, to: row.to, template: row.template, reason: reason ?? "failed", error: error.slice(0, 500) },
        },
      ],
    });
  }
  return true;
}
