/** A case reference as the product prints it: LIT-YYYY-NNNNNN. */
const REFERENCE = /\bLIT-(\d{4})-(\d{6})\b/i;

/** The first case reference a text (an e-mail subject) names, uppercased; null when none. */
export function findCaseReference(text: string | null | undefined): string | null {
  const match = REFERENCE.exec(text ?? "");
  return match ? `LIT-${match[1]}-${match[2]}` : null;
}

/** A per-case reply token: 32 lowercase hexadecimal characters (128 bits). */
const TOKEN = /^[0-9a-f]{32}$/;

/**
 * The per-case reply token of the first recipient written `reply+<token>@<domain>` (the domain
 * compared without case), or null. Only our own inbound domain counts.
 */
export function findReplyToken(recipients: readonly string[], inboundDomain: string): string | null {
  const domain = inboundDomain.trim().toLowerCase();
  for (const recipient of recipients) {
    const address = recipient.trim().toLowerCase();
    const at = address.lastIndexOf("@");
    if (at < 0 || address.slice(at + 1) !== domain) continue;
    const local = address.slice(0, at);
    if (!local.startsWith("reply+")) continue;
    const token = local.slice("reply+".length);
    if (TOKEN.test(token)) return token;
  }
  return null;
}

/** The reply address of a case, as our e-mails carry it in Reply-To. */
export function replyAddress(token: string, inboundDomain: string): string {
  return `reply+${token}@${inboundDomain.trim().toLowerCase()}`;
}

/** Our Message-IDs are `<uuid@domain>`: the ids (angle brackets kept) of In-Reply-To and References. */
export function messageIdsOf(values: readonly (string | null | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    for (const match of (value ?? "").matchAll(/<[^<>\s]+@[^<>\s]+>/g)) ids.add(match[0].toLowerCase());
  }
  return [...ids];
}
