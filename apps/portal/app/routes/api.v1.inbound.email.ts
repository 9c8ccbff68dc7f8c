/**
 * `POST /api/v1/inbound/email` (ADR 0036): an inbound e-mail, as raw MIME (`message/rfc822`, also
 * `text/plain` or `application/octet-stream`) or as Postmark's inbound webhook JSON
 * (`application/json`). Authenticated by `X-Accord-Inbound-Secret` (INBOUND_EMAIL_SECRET) alone,
 * never by the session cookie; the server exempts /api/v1 from the Origin check. The body is read up
 * to INBOUND_EMAIL_MAX_BYTES; errors are problem+json; the answer says what became of the message.
 */
import { readBoundedBody } from "@accord/api";
import { parseMimeMessage, parsePostmarkInbound, receiveInboundEmail, inboundSecretMatches, type InboundParseResult } from "@accord/core";
import { fileStore, maxUploadBytes } from "@accord/web/uploads";
import { env } from "../env.server";
import { dbContext } from "../.server/db";
import type { Route } from "./+types/api.v1.inbound.email";

const RAW_TYPES = new Set(["message/rfc822", "text/plain", "application/octet-stream"]);

function problem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, ...extra }), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers },
  });
}

export function loader() {
  return problem(405, "Method Not Allowed", "POST an e-mail (message/rfc822 or Postmark's inbound JSON).", {}, { Allow: "POST" });
}

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== "POST") return problem(405, "Method Not Allowed", "POST an e-mail (message/rfc822 or Postmark's inbound JSON).", {}, { Allow: "POST" });
  const config = env();
  // Refusals before reading the body leave it to the server, which discards it: cancelling the stream would
  // reset the connection under a client still sending, which would then never read our answer.
  if (!inboundSecretMatches(request.headers.get("x-accord-inbound-secret"), config.INBOUND_EMAIL_SECRET)) {
    return problem(401, "Unauthorized", "Missing or wrong X-Accord-Inbound-Secret header.");
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const json = type === "application/json";
  if (!json && !RAW_TYPES.has(type)) {
    return problem(415, "Unsupported Media Type", "Send the raw message as message/rfc822 (or text/plain, application/octet-stream), or Postmark's inbound webhook as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > config.INBOUND_EMAIL_MAX_BYTES) {
    await request.body?.cancel().catch(() => {});
    return tooLarge(config.INBOUND_EMAIL_MAX_BYTES);
  }
  const body = await readBoundedBody(request, config.INBOUND_EMAIL_MAX_BYTES);
  if (body === null) return tooLarge(config.INBOUND_EMAIL_MAX_BYTES);

  let parsed: InboundParseResult;
  if (json) {
    let value: unknown;
    try {
      value = JSON.parse(body.toString("utf8"));
    } catch {
      return problem(400, "Bad Request", "The body is not valid JSON.");
    }
    parsed = parsePostmarkInbound(value, body.byteLength);
  } else {
    parsed = await parseMimeMessage(body);
  }
  if (!parsed.ok) return problem(parsed.problem === "empty" ? 400 : 422, parsed.problem === "empty" ? "Bad Request" : "Unprocessable Content", parsed.detail, { problem: parsed.problem });

  const result = await receiveInboundEmail({
    db: context.get(dbContext),
    input: parsed.message,
    now: new Date(),
    store: fileStore(),
    maxAttachmentBytes: maxUploadBytes(),
    inboundDomain: config.INBOUND_EMAIL_DOMAIN,
    authservId: config.INBOUND_AUTHSERV_ID,
    portalUrl: config.PORTAL_URL,
    backofficeUrl: config.BACKOFFICE_URL,
  });
  if (result.status === "attachment_too_large") {
    return problem(413, "Content Too Large", `The attachment "${result.name}" exceeds ${result.maxBytes} bytes, the evidence size limit.`, {
      errors: [{ field: "attachments", name: result.name, maxBytes: result.maxBytes }],
    });
  }
  return Response.json(
    { outcome: result.outcome, ...(result.reference ? { reference: result.reference } : {}), ...(result.replayed ? { replayed: true } : {}) },
    { status: 200, headers: { "Cache-Control": "no-store" } },
  );
}

function tooLarge(limit: number): Response {
  return problem(413, "Content Too Large", `The message exceeds ${limit} bytes (INBOUND_EMAIL_MAX_BYTES).`);
}
