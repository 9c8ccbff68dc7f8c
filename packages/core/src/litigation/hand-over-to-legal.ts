import { litigations, proposals } from "@accord/db";
import { checkHandOver } from "@accord/domain";
import { and, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import { applyCommand, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import type { HandOverToLegalInput } from "./schemas";

export { handOverToLegalSchema, type HandOverToLegalInput } from "./schemas";

/**
 * A supervisor (or legal) hands the case over to the legal department: the lifecycle's
 * `go_to_litigation` (from investigating, negotiating or mediation; a claim becomes a dispute), the
 * reason and the amount at stake (above zero), a proposal still with the customer withdrawn from them.
 * The reason, the amount and the status change stay internal; the customer's history reads only
 * « Dossier traité par notre service juridique » (`handled_by_legal`).
 */
export async function handOverToLegal({ db, actor, input, now }: UseCaseArgs<HandOverToLegalInput>) {
  const staff = requireStaff(actor, "case:litigation");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const refusal = checkHandOver({ reason: input.reason, amountAtStakeCents: input.amountAtStake });
    if (refusal) throw AppError.fromDomain(refusal);
    const superseded = await tx
      .update(proposals)
      .set({ status: "superseded", updatedAt: now })
      .where(and(eq(proposals.caseId, row.id), eq(proposals.status, "offered")))
      .returning({ id: proposals.id, number: proposals.number });
    const [litigation] = await tx
      .insert(litigations)
      .values({ caseId: row.id, reason: input.reason, amountAtStakeCents: input.amountAtStake, handedOverById: staff.userId, handedOverAt: now })
      .returning({ id: litigations.id });
    const status = await applyCommand(tx, {
      actor: staff,
      row,
      command: { type: "go_to_litigation", reason: input.reason },
      now,
      visibility: "internal",
      extraEvents: [
        ...superseded.map((old) => ({ type: "proposal_superseded", visibility: "internal" as const, payload: { proposalId: old.id, number: old.number, by: "litigation" } })),
        { type: "litigation_handed_over", visibility: "internal", payload: { litigationId: litigation!.id, amountAtStakeCents: input.amountAtStake } },
        { type: "handled_by_legal", visibility: "public", payload: { from: row.status, to: "litigation" } },
      ],
    });
    return { litigationId: litigation!.id, status: status.status };
  });
}
