import { proactiveNotices } from "@accord/db";
import { checkProactiveNotice, normalizeLot } from "@accord/domain";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { caseLotsAndCause, lotAccounts } from "./lot-recipients";
import type { SendProactiveNoticeInput } from "./schemas";

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Sends the proactive notice about one lot of a quality case to the chosen other accounts: the
 * `proactive-notice` e-mail (the staff member's message, the account's own invoice lines carrying the
 * lot; never the other customer or the case) to each admin or member of the account who accepts it,
 * through the outbox; one row per account and an internal event on the case. All or nothing: an
 * account already told about this lot from this case refuses the whole send, naming it.
 */
export async function sendProactiveNotice({ db, actor, input, now, portalUrl }: UseCaseArgs<SendProactiveNoticeInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:investigate");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const { cause, lots } = await caseLotsAndCause(tx, row);
    const lot = normalizeLot(input.lot);
    const known = await lotAccounts(tx, row, lots);
    const sent: { accountId: string; accountName: string; recipients: string[] }[] = [];
    for (const accountId of [...new Set(input.accountIds)]) {
      const found = known.find((a) => a.lot === lot && a.accountId === accountId);
      const refused = checkProactiveNotice({
        rootCauseCategory: cause?.category ?? null,
        caseLots: lots,
        lot,
        caseAccountId: row.accountId,
        account: {
          id: accountId,
          name: found?.accountName ?? "?",
          receivedLot: found !== undefined,
          alreadyNotified: found?.notice != null,
          recipients: found?.recipients.length ?? 0,
        },
      });
      if (refused) throw AppError.fromDomain(refused, ["lot", "accountIds"]);
      const account = found!;
      const emailIds: string[] = [];
      for (const recipient of account.recipients) {
        const queued = await queueEmail(tx, {
          to: recipient.email,
          template: "proactive-notice",
          language: recipient.language,
          props: {
            name: recipient.name,
            accountName: account.accountName,
            lotNumber: lot,
            lines: account.lines.map((l) => ({ invoiceNumber: l.invoiceNumber, description: l.description })),
            message: input.message,
            reportUrl: `${trimSlash(portalUrl)}/claims/new`,
          },
          idempotencyKey: `proactive-notice:${row.id}:${account.accountId}:${lot}:${recipient.id}`,
          // Not the case's: the e-mail goes to another customer, and the case stays out of their sight.
          caseId: null,
          now,
        });
        emailIds.push(queued.id);
      }
      const inserted = await tx
        .insert(proactiveNotices)
        .values({ caseId: row.id, accountId: account.accountId, lotNumber: lot, template: "proactive-notice", message: input.message, emailMessageIds: emailIds, sentAt: now, sentById: staff.userId })
        .onConflictDoNothing()
        .returning({ id: proactiveNotices.id });
      // Two senders at once: the case row is locked, so this is only a safety net.
      if (inserted.length === 0) throw new AppError("conflict", { messageKey: "domain.error.proactive.already_notified", params: { lot, account: account.accountName } });
      sent.push({ accountId: account.accountId, accountName: account.accountName, recipients: account.recipients.map((r) => r.name) });
    }
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: sent.map((s) => ({
        type: "proactive_notice_sent",
        visibility: "internal" as const,
        payload: { lot, accountId: s.accountId, accountName: s.accountName, recipients: s.recipients, message: input.message },
      })),
    });
    return { lot, accounts: sent };
  });
}
