import { emailMessages, suppressedAddresses, webhookEvents, type Db, type SuppressionReason } from "@accord/db";
import { verifyResendWebhook, type ResendWebhookEvent } from "@accord/email";
import { eq } from "drizzle-orm";
import { SYSTEM } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { markUndelivered } from "./mark-undelivered";

/** The admin event of an address put on the suppression list. */
export const ADDRESS_SUPPRESSED_EVENT = "email_address_suppressed";

export type ResendWebhookResult =
  /** 401: no secret configured, or the signature does not hold. Nothing was read or changed. */
  | { status: "unauthorized" }
  /** 400: signed, but not an event. */
  | { status: "bad_payload" }
  /** 200: handled now, or a replay of an event handled before (nothing changed), or a type ignored. */
  | { status: "handled" | "replayed" | "ignored"; event: ResendWebhookEvent | null };

/**
 * `POST /api/v1/webhooks/resend` (ADR 0033): Resend's delivery events, authenticated by their Svix
 * signature only (never a cookie). In one transaction, once per event id (a replay changes nothing):
 * - `email.delivered`: the outbox e-mail is marked delivered;
 * - `email.bounced`, `email.complained`: each recipient address is suppressed (no new e-mail goes
 *   to it; an admin event says so) and the e-mail is marked undelivered (the case shows why).
 */
export async function receiveResendWebhook({
  db,
  secret,
  body,
  headers,
  now,
}: {
  db: Db;
  secret: string | undefined;
  body: string;
  headers: Headers;
  now: Date;
}): Promise<ResendWebhookResult> {
  const verified = verifyResendWebhook({ secret, body, headers });
  if (!verified.ok) return verified.problem === "bad_payload" ? { status: "bad_payload" } : { status: "unauthorized" };
  const { event } = verified;
  if (event === null) return { status: "ignored", event: null };

  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(webhookEvents)
      .values({ provider: "resend", eventId: event.eventId, type: event.type, receivedAt: now })
      .onConflictDoNothing()
      .returning({ eventId: webhookEvents.eventId });
    if (!fresh) return { status: "replayed" as const, event };

    const [email] = await tx.select().from(emailMessages).where(eq(emailMessages.providerId, event.emailId)).for("update");
    if (event.type === "email.delivered") {
      if (email && email.state === "sent") {
        await tx.update(emailMessages).set({ state: "delivered", deliveredAt: event.at }).where(eq(emailMessages.id, email.id));
      }
      return { status: "handled" as const, event };
    }

    const reason: SuppressionReason = event.type === "email.bounced" ? "bounced" : "complained";
    const addresses = [...new Set((event.to.length > 0 ? event.to : (email?.to ?? [])).map((a) => a.trim().toLowerCase()))];
    if (addresses.length > 0) {
      const added = await tx
        .insert(suppressedAddresses)
        .values(addresses.map((address) => ({ address, reason, detail: event.reason, eventId: event.eventId, at: event.at })))
        .onConflictDoNothing()
        .returning({ address: suppressedAddresses.address });
      for (const { address } of added) {
        await appendAdminEvent(tx, { actor: SYSTEM, at: now, type: ADDRESS_SUPPRESSED_EVENT, payload: { address, reason, detail: event.reason, eventId: event.eventId } });
      }
    }
    if (email && email.state !== "undelivered") {
      const detail = reason === "bounced" ? `Bounced${event.reason ? `: ${event.reason}` : ""}` : "The recipient marked the e-mail as spam (complaint)";
      await markUndelivered(tx, { emailId: email.id, reason, error: detail, now });
    }
    return { status: "handled" as const, event };
  });
}
