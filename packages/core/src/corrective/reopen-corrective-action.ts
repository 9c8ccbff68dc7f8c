import { requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";
import { changeAction } from "./corrective-case";
import type { CorrectiveActionTargetInput } from "./schemas";

/**
 * An agent or supervisor reopens a done or waived action while the case is not over (the fix did not
 * hold, the waiver is taken back): the case cannot close until it is done or waived again.
 */
export async function reopenCorrectiveAction({ db, actor, input, now }: UseCaseArgs<CorrectiveActionTargetInput>) {
  const staff = requireStaff(actor, "case:investigate");
  return db.transaction((tx) => changeAction(tx, { staff, reference: input.reference, actionId: input.actionId, change: { type: "reopen" }, now, formFields: [] }));
}
