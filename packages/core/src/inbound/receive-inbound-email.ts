import { timingSafeEqual, createHash } from "node:crypto";
import { customerActorFromUser, hasPermission } from "@accord/auth";
import { cases, customerUsers, emailMessages, inboundEmails, type Db, type InboundOutcome } from "@accord/db";
import {
  detectAutomaticMessage,
  dmarcPassed,
  findCaseReference,
  findReplyToken,
  isTerminal,
  messageIdsOf,
  routeInboundEmail,
  trimQuotedHistory,
  type CaseFacts,
  type CaseStatus,
  type KnownSender,
  type RoutingFacts,
} from "@accord/domain";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { FileStore } from "../files/file-store";
import { appendEmailReply } from "./append-email-reply";
import { ignoreAutomaticEmail } from "./ignore-automatic-email";
import type { InboundContent } from "./inbound-content";
import { attachmentRefs, commitStagedFiles, discardStagedFiles, stageInboundFiles } from "./inbound-files";
import { openClaimFromEmail } from "./open-claim-from-email";
import type { InboundMessage } from "./parse-inbound-email";
import { quarantineInboundEmail } from "./quarantine-inbound-email";

/** Compares the given inbound secret with the configured one in constant time. */
export function inboundSecretMatches(given: string | null, expected: string): boolean {
  if (given === null || expected === "") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export type ReceiveInboundEmailResult =
  | { status: "done"; outcome: InboundOutcome; reference: string | null; replayed: boolean }
  | { status: "attachment_too_large"; name: string; maxBytes: number };

export interface ReceiveInboundEmailOptions {
  db: Db;
  /** The parsed message (raw MIME or the provider's JSON). */
  input: InboundMessage;
  now: Date;
  store: FileStore;
  /** The largest attachment accepted (the portal's evidence limit, UPLOAD_MAX_BYTES). */
  maxAttachmentBytes: number;
  /** INBOUND_EMAIL_DOMAIN: the domain of the cases' reply addresses and of our Message-IDs. */
  inboundDomain: string;
  /** When set, only the Authentication-Results of this service count (INBOUND_AUTHSERV_ID). */
  authservId?: string | null;
  portalUrl: string;
  backofficeUrl: string;
}

/**
 * The inbound e-mail channel (ADR 0036), called by `POST /api/v1/inbound/email` once the route has
 * checked the channel's secret (there is no signed-in actor: the sender is found from the message).
 * A message already received (same sender and Message-ID: a provider's retry) gets its first answer
 * again. An automatic message is ignored; otherwise the domain routes it, and exactly one use case
 * writes the outcome in one transaction: open a claim, append a reply, or quarantine. Attachments are
 * staged in the file store first and kept only if that transaction commits.
 */
export async function receiveInboundEmail(options: ReceiveInboundEmailOptions): Promise<ReceiveInboundEmailResult> {
  const { db, input: message, now } = options;
  const replay = await earlierAnswer(db, message);
  if (replay) return replay;

  const base: InboundContent = {
    from: message.from.address,
    fromName: message.from.name,
    recipients: message.recipients,
    subject: message.subject,
    messageId: message.messageId,
    text: message.text,
    trimmedText: trimQuotedHistory(message.text),
    files: [],
    sizeBytes: message.sizeBytes,
  };
  const automatic = detectAutomaticMessage({ headers: message.headers, contentType: message.contentType, partTypes: message.partTypes, from: message.from.address });
  if (automatic.automatic) {
    try {
      await ignoreAutomaticEmail({ db, input: { content: base, reason: automatic.reason }, now });
    } catch (error) {
      const replayed = isUniqueViolation(error) ? await earlierAnswer(db, message) : null;
      if (replayed) return replayed;
      throw error;
    }
    return { status: "done", outcome: "ignored_auto_reply", reference: null, replayed: false };
  }

  const facts = await routingFacts(db, message, options);
  const route = routeInboundEmail(facts);
  const staged = await stageInboundFiles(options.store, message.attachments, options.maxAttachmentBytes);
  if (!staged.ok) return { status: "attachment_too_large", ...staged.tooLarge };
  const files = staged.files;
  const content: InboundContent = { ...base, files: attachmentRefs(files) };
  try {
    let result: ReceiveInboundEmailResult;
    if (route.kind === "open_claim") {
      const filed = await openClaimFromEmail({ db, input: { senderId: route.userId, content, files }, now, portalUrl: options.portalUrl });
      result = { status: "done", outcome: "claim_opened", reference: filed.reference, replayed: false };
    } else if (route.kind === "append_reply") {
      const appended = await appendEmailReply({ db, input: { caseId: route.caseId, authorId: route.authorId, content, files }, now, backofficeUrl: options.backofficeUrl });
      result = { status: "done", outcome: "reply_appended", reference: appended.reference, replayed: false };
    } else {
      await quarantineInboundEmail({ db, input: { content, files, reason: route.reason, caseId: route.caseId, accountId: route.accountId }, now });
      result = { status: "done", outcome: "quarantined", reference: null, replayed: false };
    }
    await commitStagedFiles(options.store, files);
    return result;
  } catch (error) {
    await discardStagedFiles(options.store, files);
    // The same message posted twice at once: the second insert meets the first's journal row.
    if (isUniqueViolation(error)) {
      const replayed = await earlierAnswer(db, message);
      if (replayed) return replayed;
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if ((e as { code?: string }).code === "23505") return true;
  return false;
}

async function earlierAnswer(db: Db, message: InboundMessage): Promise<ReceiveInboundEmailResult | null> {
  if (!message.messageId) return null;
  const [row] = await db
    .select({ outcome: inboundEmails.outcome, reference: cases.reference })
    .from(inboundEmails)
    .leftJoin(cases, eq(cases.id, inboundEmails.caseId))
    .where(and(eq(inboundEmails.fromAddress, message.from.address), eq(inboundEmails.messageId, message.messageId)))
    .limit(1);
  if (!row) return null;
  return { status: "done", outcome: row.outcome, reference: row.outcome === "quarantined" ? null : row.reference, replayed: true };
}

async function routingFacts(db: Db, message: InboundMessage, options: ReceiveInboundEmailOptions): Promise<RoutingFacts> {
  const from = message.from.address;
  const [user] = await db.select().from(customerUsers).where(and(eq(customerUsers.email, from), eq(customerUsers.active, true))).limit(1);
  let sender: KnownSender | null = null;
  if (user) {
    const actor = customerActorFromUser(user);
    sender = { userId: user.id, accountId: user.accountId, canFile: hasPermission(actor, "case:create"), canReply: hasPermission(actor, "case:reply") };
  }
  let senderDomainAccountId: string | null = null;
  if (!sender) {
    const domain = from.split("@").pop() ?? "";
    // Only a domain that one account alone uses says who it is (not a shared webmail domain).
    const accounts = await db
      .selectDistinct({ accountId: customerUsers.accountId })
      .from(customerUsers)
      .where(sql`split_part(${customerUsers.email}, '@', 2) = ${domain}`)
      .limit(2);
    senderDomainAccountId = accounts.length === 1 ? accounts[0]!.accountId : null;
  }

  const token = findReplyToken(message.recipients, options.inboundDomain);
  const tokenCase = token ? await caseWhere(db, eq(cases.replyToken, token)) : null;

  let namedCase: CaseFacts | null = null;
  const reference = findCaseReference(message.subject);
  if (reference) namedCase = await caseWhere(db, eq(cases.reference, reference));
  if (!namedCase) {
    const ids = messageIdsOf(message.inReplyTo);
    if (ids.length > 0) {
      const [ours] = await db
        .select({ caseId: emailMessages.caseId })
        .from(emailMessages)
        .where(and(inArray(emailMessages.messageId, ids.slice(0, 100)), isNotNull(emailMessages.caseId)))
        .limit(1);
      if (ours?.caseId) namedCase = await caseWhere(db, eq(cases.id, ours.caseId));
    }
  }
  return {
    replyAddress: { present: token !== null, case: tokenCase },
    namedCase,
    sender,
    senderDomainAccountId,
    dmarcPass: dmarcPassed(message.headers["authentication-results"] ?? [], from, options.authservId ?? null),
  };
}

async function caseWhere(db: Db, condition: ReturnType<typeof eq>): Promise<CaseFacts | null> {
  const [row] = await db.select({ id: cases.id, accountId: cases.accountId, status: cases.status }).from(cases).where(condition).limit(1);
  return row ? { caseId: row.id, accountId: row.accountId, ended: isTerminal(row.status as CaseStatus) } : null;
}
