import { domainError, type DomainError } from "../errors/errors";

/**
 * Proactive notice ("communication proactive"): when a case's root cause is a quality one and the case
 * names a lot, the other customers who received that lot are told before they complain.
 */

/** The root-cause category (administered taxonomy) that makes a cause a quality one. */
export const QUALITY_ROOT_CAUSE_CATEGORY = "quality";

export function isQualityRootCause(category: string | null | undefined): boolean {
  return category === QUALITY_ROOT_CAUSE_CATEGORY;
}

/** A lot number as compared: trimmed, inner spaces removed, upper case (« l2026 - 1102 » is L2026-1102). */
export function normalizeLot(lot: string): string {
  return lot.replace(/\s+/g, "").toUpperCase();
}

/**
 * The lots a case names: the one the customer typed in the claim form, then those of the contested
 * invoice lines, normalized, each once, in that order.
 */
export function lotsOfCase(input: { readonly claimLot: string | null; readonly lineLots: readonly (string | null)[] }): string[] {
  const lots: string[] = [];
  for (const lot of [input.claimLot, ...input.lineLots]) {
    if (lot === null || lot.trim() === "") continue;
    const normalized = normalizeLot(lot);
    if (!lots.includes(normalized)) lots.push(normalized);
  }
  return lots;
}

export type ProactiveNoticeRefusal = "not_quality" | "no_lot" | "unknown_lot" | "own_account" | "already_notified" | "no_recipient";

const refuse = (reason: ProactiveNoticeRefusal, field: string, params: Record<string, string> = {}): DomainError =>
  domainError("guard_failed", { field, messageKey: `domain.error.proactive.${reason}`, params: { reason, ...params } });

/** Whether the case offers a proactive notice at all: a quality root cause and at least one lot. */
export function proactiveNoticeApplies(input: { readonly rootCauseCategory: string | null; readonly lots: readonly string[] }): DomainError | null {
  if (!isQualityRootCause(input.rootCauseCategory)) return refuse("not_quality", "rootCauseCode");
  return input.lots.length === 0 ? refuse("no_lot", "lot") : null;
}

/**
 * Whether one account may be sent a notice about `lot` from this case: the case applies, the lot is
 * one of the case's, the account is another customer than the case's, it received the lot, it was
 * not told about this lot from this case already (a second notice is refused, not sent twice), and it
 * has somebody to write to.
 */
export function checkProactiveNotice(input: {
  readonly rootCauseCategory: string | null;
  readonly caseLots: readonly string[];
  readonly lot: string;
  readonly caseAccountId: string;
  readonly account: { readonly id: string; readonly name: string; readonly receivedLot: boolean; readonly alreadyNotified: boolean; readonly recipients: number };
}): DomainError | null {
  const applies = proactiveNoticeApplies({ rootCauseCategory: input.rootCauseCategory, lots: input.caseLots });
  if (applies) return applies;
  const lot = normalizeLot(input.lot);
  if (!input.caseLots.includes(lot)) return refuse("unknown_lot", "lot", { lot });
  const account = input.account;
  if (account.id === input.caseAccountId) return refuse("own_account", "accountIds", { account: account.name });
  if (!account.receivedLot) return refuse("unknown_lot", "accountIds", { lot, account: account.name });
  if (account.alreadyNotified) return refuse("already_notified", "accountIds", { lot, account: account.name });
  return account.recipients > 0 ? null : refuse("no_recipient", "accountIds", { account: account.name });
}
