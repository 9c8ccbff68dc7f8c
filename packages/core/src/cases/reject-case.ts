import type { Actor } from "@accord/auth";
import type { Db } from "@accord/db";
import { z } from "zod";
import { requireStaff } from "../access";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { applyCommand, caseContact, caseReferenceSchema, findStaffCase, linesOf } from "../instruction/staff-case";

export const rejectCaseSchema = z.object({
  reference: caseReferenceSchema,
  /**
   * One reason per line, or the reasons already split: the back-office route passes the parsed form
   * (an array) to the use case, which parses it again.
   */
  reasons: z.preprocess(
    (value) => (typeof value === "string" ? linesOf(value) : value),
    z
      .array(z.string().trim().min(1, "casePage.reject.error.reasons"), { error: "casePage.reject.error.reasons" })
      .min(1, "casePage.reject.error.reasons")
      .refine((reasons) => reasons.join("\n").length <= 4000, "validation.tooLong"),
  ),
});
export type RejectCaseInput = z.input<typeof rejectCaseSchema>;

/** Rejects a case as unfounded, with reasons; the customer contact is told why by e-mail. */
export async function rejectCase({
  db,
  actor,
  input,
  now,
  portalUrl,
}: {
  db: Db;
  actor: Actor | null;
  input: RejectCaseInput;
  now: Date;
  portalUrl?: string;
}) {
  const staff = requireStaff(actor, "case:decide");
  const parsed = rejectCaseSchema.safeParse(input);
  if (!parsed.success) throw AppError.fromZod(parsed.error);
  const reasons = parsed.data.reasons;
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, parsed.data.reference, { lock: true });
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
