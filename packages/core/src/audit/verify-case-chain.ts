import { z } from "zod";
import { requireStaff } from "../access";
import { caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { walkCaseChains, type ChainBreakReason } from "./chain-walk";

export const verifyCaseChainSchema = z.object({ reference: caseReferenceSchema });
export type VerifyCaseChainInput = z.output<typeof verifyCaseChainSchema>;

/** The case page's badge: whether this case's chain verifies, when it was checked, and the first broken event. */
export interface CaseChainCheck {
  intact: boolean;
  events: number;
  checkedAt: Date;
  broken: { eventId: number; seq: number; reason: ChainBreakReason } | null;
}

/**
 * Verifies one case's event chain (cheap: one case's events, read in batches) for staff who may see
 * the case (a mediator: only their cases; not_found otherwise).
 */
export async function verifyCaseChain({ db, actor, input, now }: UseCaseArgs<VerifyCaseChainInput>): Promise<CaseChainCheck> {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const walk = await walkCaseChains(tx, { caseId: row.id });
      const broken = walk.broken ? { eventId: walk.broken.eventId, seq: walk.broken.seq, reason: walk.broken.reason } : null;
      return { intact: broken === null, events: walk.events, checkedAt: now, broken };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
