import { proposals } from "@accord/db";
import { checkProposalDraft, localDate, addDays, type IsoDate } from "@accord/domain";
import { applyCustomerCommand } from "../cases/customer-case-scope";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { markAnswered, proposalToAnswer, tellStaffOfAnswer } from "./customer-answer";
import type { CounterProposalInput } from "./schemas";
import { nextProposalNumber, PARIS, vatForCase } from "./settlement-case";

export { counterProposalSchema, type CounterProposalInput } from "./schemas";

/**
 * The customer counter-proposes (a kind, an amount within what is disputed, a comment): their
 * counter-proposal becomes a draft for the agent, the proposal is marked countered, the case goes back
 * to the agent (investigating), who is told.
 */
export async function counterProposal({ db, actor, input, now, backofficeUrl }: UseCaseArgs<CounterProposalInput, { backofficeUrl: string }>) {
  return db.transaction(async (tx) => {
    const { customer, row, proposal } = await proposalToAnswer(tx, actor, input, now);
    const today = localDate(now, PARIS) as IsoDate;
    // The domain's checks on the amount (a counter-proposal has no last day of its own).
    const errors = checkProposalDraft({ kind: input.kind, amountCents: input.amount, expiresOn: addDays(today, 1) }, { disputedCents: row.disputedAmountCents, today }).filter(
      (error) => error.field === "amount" || error.field === "kind",
    );
    if (errors.length > 0) {
      throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors: Object.fromEntries(errors.map((error) => [error.field!, [error.messageKey]])) });
    }
    await markAnswered(tx, proposal, customer, "countered", input.comment, now);
    const [draft] = await tx
      .insert(proposals)
      .values({
        caseId: row.id,
        number: await nextProposalNumber(tx, row.id),
        kind: input.kind,
        status: "draft",
        origin: "customer",
        amountCents: input.amount,
        vatCents: await vatForCase(tx, row.id, input.amount),
        currency: row.currency,
        terms: input.comment,
        authorCustomerId: customer.userId,
        counterOfId: proposal.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: proposals.id, number: proposals.number });
    const status = await applyCustomerCommand(tx, {
      customer,
      row,
      command: { type: "proposal_countered", proposalId: proposal.id, counter: input.comment },
      now,
      after: [{ type: "counter_proposal_received", visibility: "public", payload: { proposalId: draft!.id, number: draft!.number, kind: input.kind, amountCents: input.amount, counterOf: proposal.number } }],
    });
    await tellStaffOfAnswer(tx, { row, proposal, customer, answer: "countered", comment: input.comment, counter: { kind: input.kind, amountExclVatCents: input.amount }, now, backofficeUrl });
    return { status, counterProposalId: draft!.id };
  });
}
