import { customerUsers } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { queueEmail } from "../email/queue-email";
import { applyCustomerCommand, findCustomerCase } from "./customer-case-scope";
import type { UseCaseArgs } from "../use-case";

export const withdrawCaseSchema = z.object({
  reason: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(2000, "validation.tooLong"),
});
export type WithdrawCaseInput = z.output<typeof withdrawCaseSchema>;

/**
 * The customer withdraws their case with a reason: the domain's `withdraw` (refused once the case is
 * resolved or ended), a public `case_withdrawn` event carrying the reason, the SLA stopped, and a
 * confirmation e-mail to the user who withdrew it.
 */
export async function withdrawCase({ db, actor, input, now, portalUrl }: UseCaseArgs<WithdrawCaseInput & { reference: string }, { /** Public base URL of the portal, for the link in the confirmation. */ portalUrl: string }>): Promise<{ status: string }> {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(async (tx) => {
    const row = await findCustomerCase(tx, customer, input.reference, { forUpdate: true });
    requireCustomer(customer, "case:withdraw");
    const status = await applyCustomerCommand(tx, { customer, row, command: { type: "withdraw", reason: input.reason }, now });
    const [user] = await tx.select({ email: customerUsers.email, name: customerUsers.name, language: customerUsers.language }).from(customerUsers).where(eq(customerUsers.id, customer.userId));
    if (user) {
      await queueEmail(tx, {
        to: user.email,
        template: "case-withdrawn",
        language: user.language,
        props: { name: user.name, reference: row.reference, reason: input.reason, caseUrl: `${portalUrl.replace(/\/+$/, "")}/cases/${row.reference}` },
        idempotencyKey: `case-withdrawn:${row.id}`,
        caseId: row.id,
        now,
      });
    }
    return { status };
  });
}
