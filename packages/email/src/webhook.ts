/**
 * Resend's webhooks (ADR 0033): signed the Svix way (headers `svix-id`, `svix-timestamp`,
 * `svix-signature`; secret `whsec_…`), verified on the raw body with the `svix` library as Resend
 * documents. Only the events the outbox acts on are read; the others are acknowledged and ignored.
 */
import { Webhook } from "svix";
import { z } from "zod";

export const RESEND_WEBHOOK_EVENTS = ["email.delivered", "email.bounced", "email.complained"] as const;
export type ResendWebhookEventType = (typeof RESEND_WEBHOOK_EVENTS)[number];

/** One verified event the outbox acts on. */
export interface ResendWebhookEvent {
  /** `svix-id`: the same on every redelivery of this event (replays are idempotent on it). */
  eventId: string;
  type: ResendWebhookEventType;
  /** Resend's id of the e-mail (the outbox row's `provider_id`). */
  emailId: string;
  to: string[];
  /** Why it bounced, when Resend says. */
  reason: string | null;
  at: Date;
}

export type VerifiedWebhook =
  | { ok: true; event: ResendWebhookEvent | null }
  | { ok: false; problem: "missing_secret" | "bad_signature" | "bad_payload" };

const payloadSchema = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      to: z.union([z.array(z.string()), z.string()]).optional(),
      bounce: z.object({ message: z.string().optional(), type: z.string().optional(), subType: z.string().optional() }).partial().optional(),
    })
    .passthrough(),
});

const SIGNATURE_HEADERS = ["svix-id", "svix-timestamp", "svix-signature"] as const;

/**
 * Verifies a webhook's signature (and its timestamp, within Svix's five minutes) on the raw body,
 * then reads the event. `event: null`: a genuine event of a type the outbox does not act on.
 */
export function verifyResendWebhook({ secret, body, headers }: { secret: string | undefined; body: string; headers: Headers }): VerifiedWebhook {
  if (!secret) return { ok: false, problem: "missing_secret" };
  const signed: Record<string, string> = {};
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (value === null || value === "") return { ok: false, problem: "bad_signature" };
    signed[name] = value;
  }
  try {
    // Throws unless the signature and the timestamp hold (svix 2.5 returns nothing on success).
    new Webhook(secret).verify(body, signed);
  } catch {
    return { ok: false, problem: "bad_signature" };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return { ok: false, problem: "bad_payload" };
  }
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: "bad_payload" };
  const { type, data, created_at } = parsed.data;
  if (!(RESEND_WEBHOOK_EVENTS as readonly string[]).includes(type)) return { ok: true, event: null };
  if (!data.email_id) return { ok: false, problem: "bad_payload" };
  const at = created_at ? new Date(created_at) : new Date();
  const bounce = data.bounce;
  const reason = bounce ? [bounce.type, bounce.subType, bounce.message].filter((part) => part).join(" — ") || null : null;
  return {
    ok: true,
    event: {
      eventId: signed["svix-id"]!,
      type: type as ResendWebhookEventType,
      emailId: data.email_id,
      to: (Array.isArray(data.to) ? data.to : data.to ? [data.to] : []).map((address) => address.trim().toLowerCase()),
      reason,
      at: Number.isNaN(at.getTime()) ? new Date() : at,
    },
  };
}

/** Signs a body as Resend would (tests, the fake server): the three headers to send with it. */
export function signResendWebhook({ secret, body, id, at = new Date() }: { secret: string; body: string; id: string; at?: Date }): Record<string, string> {
  const signature = new Webhook(secret).sign(id, at, body);
  return { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature };
}
