import { applyCustomerCommand } from "../cases/customer-case-scope";
import type { UseCaseArgs } from "../use-case";
import { markAnswered, proposalToAnswer, tellStaffOfAnswer } from "./customer-answer";
import type { DeclineProposalInput } from "./schemas";

export { declineProposalSchema, type DeclineProposalInput } from "./schemas";

/** The customer declines the proposal with a reason: the case goes back to the agent (investigating), who is told. */
export async function declineProposal({ db, actor, input, now, backofficeUrl }: UseCaseArgs<DeclineProposalInput, { backofficeUrl: string }>) {
  return db.transaction(async (tx) => {
    const { customer, row, proposal } = await proposalToAnswer(tx, actor, input, now);
    await markAnswered(tx, proposal, customer, "declined", input.reason, now);
    const status = await applyCustomerCommand(tx, { customer, row, command: { type: "proposal_declined", proposalId: proposal.id, reason: input.reason }, now });
    await tellStaffOfAnswer(tx, { row, proposal, customer, answer: "declined", comment: input.reason, now, backofficeUrl });
    return { status };
  });
}
