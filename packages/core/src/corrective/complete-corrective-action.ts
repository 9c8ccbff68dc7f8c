import { requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";
import { changeAction, findCaseAction } from "./corrective-case";
import type { CorrectiveActionTargetInput } from "./schemas";
import { AppError } from "../errors";

/**
 * The action is done: by its owner, or by whoever instructs the case (agent, supervisor). From this
 * instant its effectiveness is measured.
 */
export async function completeCorrectiveAction({ db, actor, input, now }: UseCaseArgs<CorrectiveActionTargetInput>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(async (tx) => {
    const { action } = await findCaseAction(tx, staff, input.reference, input.actionId);
    if (action.ownerId !== staff.userId && !staff.permissions.includes("case:investigate")) throw new AppError("forbidden");
    return changeAction(tx, { staff, reference: input.reference, actionId: input.actionId, change: { type: "complete" }, now, formFields: [] });
  });
}
