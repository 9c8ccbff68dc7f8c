import { Webhook } from "svix";

/** The webhook secret the end-to-end stack runs with (playwright.config.ts gives it to the apps). */
export const E2E_RESEND_WEBHOOK_SECRET = `whsec_${Buffer.from("accord end-to-end webhook secret").toString("base64")}`;

/** A Resend event as Resend posts it: the JSON body and its three Svix headers, signed with `secret`. */
export function signedResendEvent(event: object, { id, secret = E2E_RESEND_WEBHOOK_SECRET }: { id: string; secret?: string }) {
  const body = JSON.stringify(event);
  const at = new Date();
  return {
    body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}
