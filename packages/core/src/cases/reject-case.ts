import { z } from "zod";
import { requireStaff } from "../access";
import { queueEmail } from "../email/queue-email";
import { applyCommand, caseContact, caseReferenceSchema, findStaffCase, linesOf } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const rejectCaseSchema = z.object({
  reference: caseReferenceSchema,
  /** One reason per line, as the form's textarea sends them; the use case receives the lines. */
  reasons: z
    .string({ error: "casePage.reject.error.reasons" })
    .transform(linesOf)
    .pipe(z.array(z.string()).min(1, "casePage.reject.error.reasons").refine((reasons) => reasons.join("\n").length <= 4000, "validation.tooLong")),
});
export type RejectCaseInput = z.output<typeof rejectCaseSchema>;

/** Rejects a case as unfounded, with reasons; the customer contact is told why by e-mail. */
export async function rejectCase({ db, actor, input, now, portalUrl }: UseCaseArgs<RejectCaseInput, { portalUrl?: string }>) {
  const staff = requireStaff(actor, "case:decide");
  const reasons = input.reasons;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    const result = await applyCommand(tx, { actor: staff, row, command: { type: "reject", reasons }, now });
    const contact = await caseContact(tx, row);
    await queueEmail(tx, {
      to: contact.email,
      template: "case-rejected",
      language: contact.language,
      props: {
        name: contact.name,
        reference: row.reference,
        reasons,
        caseUrl: portalUrl ? new URL(`cases/${row.reference}`, portalUrl).toString() : null,
      },
      idempotencyKey: `case-rejected:${row.id}`,
      caseId: row.id,
      now,
    });
    return { reference: row.reference, status: result.status };
  });
}
