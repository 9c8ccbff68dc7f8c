import type { StaffActor } from "@accord/auth";
import type { Tx } from "@accord/db";
import { z } from "zod";
import { requireStaff } from "../access";
import { queueEmail } from "../email/queue-email";
import { applyCommand, caseContact, caseReferenceSchema, findStaffCase, type StaffCaseRow } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { portalCaseUrl } from "./settlement-case";
import { correctiveActionStates } from "../corrective/get-case-corrective-actions";

export const closeCaseSchema = z.object({ reference: caseReferenceSchema });
export type CloseCaseInput = z.output<typeof closeCaseSchema>;

/**
 * An agent closes a resolved case (the lifecycle's `close`): refused, naming them, while a corrective
 * action is open (each must be done or waived). The customer receives the closing e-mail, which
 * invites them to rate the handling.
 */
export async function closeCase({ db, actor, input, now, portalUrl }: UseCaseArgs<CloseCaseInput, { portalUrl: string }>) {
  const staff = requireStaff(actor, "case:decide");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    return closeResolvedCase(tx, { actor: staff, row, now, portalUrl });
  });
}

/**
 * The close itself, in the caller's transaction, on a locked row: by an agent (closeCase) or by the
 * system (the SLA sweep closes a case resolved N business days ago without a new message, ADR 0032).
 */
export async function closeResolvedCase(tx: Tx, { actor, row, now, portalUrl }: { actor: StaffActor | null; row: StaffCaseRow; now: Date; portalUrl: string }) {
  const correctiveActions = await correctiveActionStates(tx, row.id);
  const result = await applyCommand(tx, { actor, row, command: { type: "close", correctiveActions }, now });
  const contact = await caseContact(tx, row);
  const caseUrl = portalCaseUrl(portalUrl, row.reference);
  await queueEmail(tx, {
    to: contact.email,
    template: "case-closed",
    language: contact.language,
    props: { name: contact.name, reference: row.reference, surveyUrl: `${caseUrl}/survey`, caseUrl },
    idempotencyKey: `case-closed:${row.id}`,
    caseId: row.id,
    now,
  });
  return { status: result.status };
}
