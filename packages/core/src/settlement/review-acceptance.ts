import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";
import { proposalToAnswer } from "./customer-answer";
import type { AcceptProposalInput } from "./schemas";

/**
 * The acceptance's first step (the portal's "Confirmez-vous ?"): the same checks as {@link acceptProposal}
 * — who may decide, an offered proposal before its last day, the text shown unchanged — and nothing
 * written. The signature itself is the second step.
 */
export async function reviewAcceptance({ db, actor, input, now }: UseCaseArgs<AcceptProposalInput>): Promise<{ proposalId: string }> {
  return db.transaction(async (tx) => {
    const { proposal } = await proposalToAnswer(tx, actor, input, now);
    if (proposal.offeredTextSha256 !== input.textSha256) throw new AppError("conflict", { messageKey: "proposal.error.text_changed" });
    return { proposalId: proposal.id };
  });
}
