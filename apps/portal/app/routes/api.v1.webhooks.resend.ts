/**
 * `POST /api/v1/webhooks/resend`: Resend's delivery events (ADR 0033). Authenticated by the Svix
 * signature alone (RESEND_WEBHOOK_SECRET), never by the session cookie: this route never reads the
 * actor, and the server exempts /api/v1 from the Origin check. Errors are problem+json.
 */
import { readBoundedBody } from "@accord/api";
import { receiveResendWebhook } from "@accord/core";
import { env } from "../env.server";
import { dbContext } from "../.server/db";
import type { Route } from "./+types/api.v1.webhooks.resend";

/** Resend's events are a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 256 * 1024;

const PROBLEMS = {
  401: { type: "about:blank", title: "Unauthorized", detail: "Missing or invalid webhook signature." },
  400: { type: "about:blank", title: "Bad Request", detail: "The signed body is not a Resend event." },
  405: { type: "about:blank", title: "Method Not Allowed", detail: "POST a Resend webhook event." },
  413: { type: "about:blank", title: "Content Too Large", detail: `The body exceeds ${MAX_BODY_BYTES} bytes.` },
} as const;

function problem(status: keyof typeof PROBLEMS, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ ...PROBLEMS[status], status }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function loader() {
  return problem(405, { Allow: "POST" });
}

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== "POST") return problem(405, { Allow: "POST" });
  const bytes = await readBoundedBody(request, MAX_BODY_BYTES);
  if (bytes === null) return problem(413);
  const body = bytes.toString("utf8");
  const result = await receiveResendWebhook({ db: context.get(dbContext), secret: env().RESEND_WEBHOOK_SECRET, body, headers: request.headers, now: new Date() });
  if (result.status === "unauthorized") return problem(401);
  if (result.status === "bad_payload") return problem(400);
  return Response.json({ received: true, status: result.status }, { headers: { "Cache-Control": "no-store" } });
}
