import { z } from "zod";
import { requireStaff } from "../access";
import { applyCommand, caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const promoteToDisputeSchema = z.object({
  reference: caseReferenceSchema,
  reason: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(2000, "validation.tooLong"),
});
export type PromoteToDisputeInput = z.output<typeof promoteToDisputeSchema>;

/** A claim becomes a dispute (the status does not change); the domain refuses a second promotion. */
export async function promoteToDispute({ db, actor, input, now }: UseCaseArgs<PromoteToDisputeInput>) {
  const staff = requireStaff(actor, "case:qualify");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const result = await applyCommand(tx, { actor: staff, row, command: { type: "promote_to_dispute", reason: input.reason }, now });
    return { reference: row.reference, kind: result.kind };
  });
}
