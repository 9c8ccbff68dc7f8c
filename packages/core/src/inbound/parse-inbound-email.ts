import type { MailHeaders } from "@accord/domain";
import { convert as htmlToText } from "html-to-text";
import { simpleParser, type AddressObject } from "mailparser";
import { z } from "zod";

/** One attachment of an inbound e-mail, decoded (base64 / quoted-printable undone, name decoded). */
export interface InboundFile {
  name: string;
  /** The type the sender declared (the stored type is read from the content). */
  declaredType: string;
  content: Buffer;
}

/** An inbound e-mail reduced to what routing and the case need, whatever form it came in. */
export interface InboundMessage {
  from: { address: string; name: string };
  /** To, Cc and Delivered-To / X-Original-To recipients, lowercased. */
  recipients: string[];
  subject: string;
  /** The message's own Message-ID (angle brackets kept), or null. */
  messageId: string | null;
  /** In-Reply-To and References, raw. */
  inReplyTo: string[];
  /** The body as text (an HTML-only body turned into text). */
  text: string;
  headers: MailHeaders;
  contentType: string;
  /** Every part's type (for delivery reports nested in a multipart). */
  partTypes: string[];
  attachments: InboundFile[];
  sizeBytes: number;
}

export type InboundParseProblem = "empty" | "no_header" | "no_from" | "from_without_address" | "not_provider_json";

export type InboundParseResult = { ok: true; message: InboundMessage } | { ok: false; problem: InboundParseProblem; detail: string };

const PROBLEMS: Record<InboundParseProblem, string> = {
  empty: "The body is empty: send the raw MIME message (RFC 5322).",
  no_header: "The message does not start with header fields (RFC 5322 § 2.2): the first line is not `Name: value`.",
  no_from: "The message has no From header field (RFC 5322 § 3.6.2).",
  from_without_address: "The From header field holds no e-mail address.",
  not_provider_json: "The JSON body is not a Postmark inbound webhook: From (or FromFull.Email) is missing or not a string.",
};

const fail = (problem: InboundParseProblem, extra?: string): InboundParseResult => ({ ok: false, problem, detail: extra ? `${PROBLEMS[problem]} ${extra}` : PROBLEMS[problem] });

/** mbox files start each message with a `From sender date` line that is not a header: drop it. */
function stripMboxLine(raw: Buffer): Buffer {
  if (raw.subarray(0, 5).toString("latin1") !== "From ") return raw;
  const end = raw.indexOf(0x0a);
  return end < 0 ? Buffer.alloc(0) : raw.subarray(end + 1);
}

/** Header fields from the raw lines (unfolded), in order; names lowercased. The first From wins. */
function headersOf(lines: readonly { key: string; line: string }[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(":");
    if (!key || colon < 0) continue;
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, " ")
      .trim();
    (headers[key] ??= []).push(value);
  }
  return headers;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const walk = (entries: AddressObject["value"]) => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address.toLowerCase());
      if (entry.group) walk(entry.group);
    }
  };
  for (const object of objects) walk(object.value);
  return out;
}

/** A bare address out of a header value such as `"Name" <a@b.example>`. */
function bareAddress(value: string): string | null {
  const angled = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value);
  if (angled) return angled[1]!.toLowerCase();
  const plain = /([^\s<>"',;:@]+@[^\s<>"',;:@]+\.[^\s<>"',;:@]+)/.exec(value);
  return plain ? plain[1]!.toLowerCase() : null;
}

function textOf(text: string | undefined, html: string | false | undefined): string {
  const plain = (text ?? "").trim();
  if (plain !== "" || !html) return plain;
  return htmlToText(html, { wordwrap: false, selectors: [{ selector: "img", format: "skip" }, { selector: "a", options: { ignoreHref: true } }] }).trim();
}

/**
 * Parses a raw MIME message (mailparser): charsets (ISO-8859-1, windows-1252…), encoded words,
 * nested multiparts, RFC 2231 names, an mbox `From ` first line, a duplicated From (the first one
 * counts, as mail clients show it). A body that is not a message is a problem with a precise detail.
 */
export async function parseMimeMessage(raw: Buffer): Promise<InboundParseResult> {
  const source = stripMboxLine(raw);
  if (source.toString("latin1").trim() === "") return fail("empty");
  const newline = source.indexOf(0x0a);
  const firstLine = source.subarray(0, newline < 0 ? source.length : newline).toString("latin1");
  if (!/^[!-9;-~]+[ \t]*:/.test(firstLine)) return fail("no_header");
  const parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = headersOf(parsed.headerLines);
  const fromHeader = headers["from"]?.[0];
  if (fromHeader === undefined) return fail("no_from");
  // mailparser keeps the first From too; reading the first raw line says so whatever its version does.
  const parsedFrom = parsed.from?.value.find((entry) => entry.address)?.address?.toLowerCase() ?? null;
  const firstFrom = bareAddress(fromHeader);
  const address = firstFrom && parsedFrom && firstFrom !== parsedFrom ? firstFrom : (parsedFrom ?? firstFrom);
  if (!address) return fail("from_without_address", `From: ${fromHeader.slice(0, 200)}`);
  const name = parsed.from?.value.find((entry) => entry.address?.toLowerCase() === address)?.name ?? "";
  const contentType = headers["content-type"]?.[0] ?? "text/plain";
  const recipients = [
    ...addresses(parsed.to),
    ...addresses(parsed.cc),
    ...(headers["delivered-to"] ?? []).map(bareAddress),
    ...(headers["x-original-to"] ?? []).map(bareAddress),
  ].filter((a): a is string => a !== null);
  return {
    ok: true,
    message: {
      from: { address, name },
      recipients: [...new Set(recipients)],
      subject: (parsed.subject ?? "").trim(),
      messageId: parsed.messageId ?? null,
      inReplyTo: [...(headers["in-reply-to"] ?? []), ...(headers["references"] ?? [])],
      text: textOf(parsed.text, parsed.html),
      headers,
      contentType,
      partTypes: parsed.attachments.map((a) => a.contentType),
      attachments: parsed.attachments
        .filter((a) => a.contentType !== "message/delivery-status" && a.contentType !== "text/rfc822-headers")
        .map((a, index) => ({ name: a.filename?.trim() || `piece-jointe-${index + 1}`, declaredType: a.contentType, content: a.content })),
      sizeBytes: raw.byteLength,
    },
  };
}

/**
 * Postmark's inbound webhook JSON (https://postmarkapp.com/developer/webhooks/inbound-webhook):
 * FromFull, ToFull, CcFull, OriginalRecipient, Subject, TextBody, HtmlBody, Headers [{Name, Value}]
 * (Message-ID, In-Reply-To, References, Auto-Submitted, Authentication-Results… as received) and
 * Attachments [{Name, Content (base64), ContentType, ContentLength}].
 */
const postmarkSchema = z.object({
  From: z.string().optional(),
  FromName: z.string().optional(),
  FromFull: z.object({ Email: z.string(), Name: z.string().optional() }).optional(),
  ToFull: z.array(z.object({ Email: z.string() })).optional(),
  CcFull: z.array(z.object({ Email: z.string() })).optional(),
  To: z.string().optional(),
  OriginalRecipient: z.string().optional(),
  Subject: z.string().optional(),
  MessageID: z.string().optional(),
  TextBody: z.string().optional(),
  HtmlBody: z.string().optional(),
  Headers: z.array(z.object({ Name: z.string(), Value: z.string() })).optional(),
  Attachments: z.array(z.object({ Name: z.string(), Content: z.string(), ContentType: z.string().optional() })).optional(),
});

export function parsePostmarkInbound(json: unknown, sizeBytes: number): InboundParseResult {
  const parsed = postmarkSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail("not_provider_json", issue ? `At ${issue.path.join(".") || "(body)"}: ${issue.message}.` : undefined);
  }
  const body = parsed.data;
  const fromRaw = body.FromFull?.Email ?? body.From;
  if (fromRaw === undefined) return fail("not_provider_json");
  const address = bareAddress(fromRaw);
  if (!address) return fail("from_without_address", `From: ${fromRaw.slice(0, 200)}`);
  const headers: Record<string, string[]> = {};
  for (const header of body.Headers ?? []) (headers[header.Name.toLowerCase()] ??= []).push(header.Value.trim());
  const recipients = [
    ...(body.ToFull ?? []).map((r) => r.Email),
    ...(body.CcFull ?? []).map((r) => r.Email),
    ...(body.OriginalRecipient ? [body.OriginalRecipient] : []),
    ...(body.ToFull ? [] : (body.To ?? "").split(",")),
  ]
    .map(bareAddress)
    .filter((a): a is string => a !== null);
  const messageId = headers["message-id"]?.[0] ?? null;
  return {
    ok: true,
    message: {
      from: { address, name: body.FromFull?.Name ?? body.FromName ?? "" },
      recipients: [...new Set(recipients)],
      subject: (body.Subject ?? "").trim(),
      messageId,
      inReplyTo: [...(headers["in-reply-to"] ?? []), ...(headers["references"] ?? [])],
      text: textOf(body.TextBody, body.HtmlBody || false),
      headers,
      contentType: headers["content-type"]?.[0] ?? "text/plain",
      partTypes: (body.Attachments ?? []).map((a) => a.ContentType ?? "application/octet-stream"),
      attachments: (body.Attachments ?? []).map((a, index) => ({
        name: a.Name.trim() || `piece-jointe-${index + 1}`,
        declaredType: a.ContentType ?? "application/octet-stream",
        content: Buffer.from(a.Content, "base64"),
      })),
      sizeBytes,
    },
  };
}
