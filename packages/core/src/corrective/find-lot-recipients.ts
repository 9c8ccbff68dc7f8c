import { proactiveNoticeApplies } from "@accord/domain";
import { requireStaff } from "../access";
import { findStaffCase, holds } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { caseLotsAndCause, lotAccounts } from "./lot-recipients";

/**
 * The case page's « Communication proactive »: when the case's root cause is a quality one and the case
 * names a lot (the claim's lot field, the contested invoice lines' lots), the OTHER customer accounts
 * whose invoice lines carry that lot, with those lines, who would receive the notice, and the notice
 * already sent from this case to each. `applies` is false (with the reason) otherwise.
 */
export async function findLotRecipients({ db, actor, input }: UseCaseArgs<{ reference: string }>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const { cause, lots } = await caseLotsAndCause(tx, row);
      const refused = proactiveNoticeApplies({ rootCauseCategory: cause?.category ?? null, lots });
      const accounts = refused ? [] : await lotAccounts(tx, row, lots);
      return {
        applies: refused === null,
        reason: refused ? String(refused.params.reason) : null,
        rootCause: cause,
        lots,
        accounts,
        canSend: refused === null && holds(staff, "case:investigate") && accounts.some((a) => a.notice === null && a.recipients.length > 0),
      };
    },
    { accessMode: "read only" },
  );
}

export type LotRecipients = Awaited<ReturnType<typeof findLotRecipients>>;
