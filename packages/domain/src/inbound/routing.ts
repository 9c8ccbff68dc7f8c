/**
 * Where an inbound e-mail goes (ADR 0036). References are sequential and a From address can be
 * forged: a message lands on a case only when it answers that case's secret reply address, or when it
 * names the case (reference in the subject, or one of our Message-IDs in In-Reply-To / References),
 * comes from a user of the case's account, and the receiving service says DMARC passed for it.
 */

/** The sender, when the From address is an active user of a customer account. */
export interface KnownSender {
  userId: string;
  accountId: string;
  /** Whether their role lets them file a claim (`case:create`) and reply on a case (`case:reply`). */
  canFile: boolean;
  canReply: boolean;
}

export interface CaseFacts {
  caseId: string;
  accountId: string;
  /** A terminal status (closed, withdrawn, rejected, duplicate): the portal takes no more messages. */
  ended: boolean;
}

export type QuarantineReason =
  | "unknown_sender"
  | "unknown_user_of_account"
  | "unknown_reply_address"
  | "reply_not_authenticated"
  | "reply_from_other_account"
  | "case_ended"
  | "sender_cannot_file"
  | "sender_cannot_reply";

export const QUARANTINE_REASONS: readonly QuarantineReason[] = [
  "unknown_sender",
  "unknown_user_of_account",
  "unknown_reply_address",
  "reply_not_authenticated",
  "reply_from_other_account",
  "case_ended",
  "sender_cannot_file",
  "sender_cannot_reply",
];

export type InboundRoute =
  | { kind: "open_claim"; userId: string; accountId: string }
  /** `authorId` null: the reply address was answered by someone who is not a user of the account. */
  | { kind: "append_reply"; caseId: string; authorId: string | null; trust: "reply_address" | "dmarc" }
  | { kind: "quarantine"; reason: QuarantineReason; caseId: string | null; accountId: string | null };

export interface RoutingFacts {
  /** The message carried a reply+token address of ours: the case it names, or null when unknown. */
  replyAddress: { present: boolean; case: CaseFacts | null };
  /** The case the message names by reference or by one of our Message-IDs, if any. */
  namedCase: CaseFacts | null;
  sender: KnownSender | null;
  /** An account whose users' addresses share the sender's domain (a colleague we do not know yet). */
  senderDomainAccountId: string | null;
  /** The receiving service's Authentication-Results said dmarc=pass for the sender's domain. */
  dmarcPass: boolean;
}

export function routeInboundEmail(facts: RoutingFacts): InboundRoute {
  const { sender } = facts;
  if (facts.replyAddress.present) {
    const target = facts.replyAddress.case;
    if (!target) return quarantine("unknown_reply_address", null, sender?.accountId ?? facts.senderDomainAccountId);
    return replyTo(target, sender && sender.accountId === target.accountId ? sender : null, "reply_address");
  }
  if (facts.namedCase) {
    const target = facts.namedCase;
    if (!sender || sender.accountId !== target.accountId) {
      return quarantine("reply_from_other_account", target.caseId, sender?.accountId ?? facts.senderDomainAccountId);
    }
    if (!facts.dmarcPass) return quarantine("reply_not_authenticated", target.caseId, target.accountId);
    return replyTo(target, sender, "dmarc");
  }
  if (sender) {
    if (!sender.canFile) return quarantine("sender_cannot_file", null, sender.accountId);
    return { kind: "open_claim", userId: sender.userId, accountId: sender.accountId };
  }
  if (facts.senderDomainAccountId) return quarantine("unknown_user_of_account", null, facts.senderDomainAccountId);
  return quarantine("unknown_sender", null, null);
}

function replyTo(target: CaseFacts, sender: KnownSender | null, trust: "reply_address" | "dmarc"): InboundRoute {
  if (target.ended) return quarantine("case_ended", target.caseId, target.accountId);
  if (sender && !sender.canReply) return quarantine("sender_cannot_reply", target.caseId, target.accountId);
  return { kind: "append_reply", caseId: target.caseId, authorId: sender?.userId ?? null, trust };
}

function quarantine(reason: QuarantineReason, caseId: string | null, accountId: string | null): InboundRoute {
  return { kind: "quarantine", reason, caseId, accountId };
}

/**
 * Whether the receiving service authenticated the sender's domain: its `Authentication-Results`
 * header (RFC 8601) — the topmost one, which the receiving service added last; those below it came
 * with the message and may be forged — says `dmarc=pass`, for the From domain when it names one.
 * With `authservId`, the header must come from that service.
 */
export function dmarcPassed(authenticationResults: readonly string[], fromAddress: string, authservId?: string | null): boolean {
  const top = authenticationResults[0];
  if (top === undefined) return false;
  const value = top.replace(/\r?\n[ \t]+/g, " ");
  if (authservId) {
    const id = value.split(";")[0]!.trim().split(/\s+/)[0]!.toLowerCase();
    if (id !== authservId.trim().toLowerCase()) return false;
  }
  const fromDomain = fromAddress.split("@").pop()!.trim().toLowerCase();
  for (const clause of value.split(";").slice(1)) {
    const match = /^\s*dmarc\s*=\s*([a-z]+)/i.exec(clause);
    if (!match) continue;
    if (match[1]!.toLowerCase() !== "pass") return false;
    const headerFrom = /header\.from\s*=\s*([^\s;()]+)/i.exec(clause);
    return !headerFrom || headerFrom[1]!.toLowerCase() === fromDomain;
  }
  return false;
}
