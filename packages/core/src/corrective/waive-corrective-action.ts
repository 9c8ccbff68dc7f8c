import { requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";
import { changeAction } from "./corrective-case";
import type { WaiveCorrectiveActionInput } from "./schemas";

/** An agent or supervisor waives an open action, with a reason (a case may then close without it). */
export async function waiveCorrectiveAction({ db, actor, input, now }: UseCaseArgs<WaiveCorrectiveActionInput>) {
  const staff = requireStaff(actor, "case:investigate");
  return db.transaction((tx) => changeAction(tx, { staff, reference: input.reference, actionId: input.actionId, change: { type: "waive", reason: input.reason }, now, formFields: ["reason"] }));
}
