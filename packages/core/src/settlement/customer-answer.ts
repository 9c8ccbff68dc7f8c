/** Shared steps of the customer's answers to a proposal (accept, decline, counter). */
import type { Actor, CustomerActor } from "@accord/auth";
import { proposals, type Tx } from "@accord/db";
import { checkCustomerResponse, localDate, type IsoDate, type ProposalKind } from "@accord/domain";
import { eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { findCustomerCase, type CustomerCaseRow } from "../cases/customer-case-scope";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { backofficeCaseUrl, findProposal, PARIS, proposalWatchers, type ProposalRow } from "./settlement-case";

/**
 * The case (locked) and the proposal a customer answers, once the domain agrees: the account's admin
 * or the case's contact, an offered proposal, before its last day has passed. A viewer, an answer to a
 * proposal already answered, or a late one is refused with its reason and nothing changes.
 */
export async function proposalToAnswer(tx: Tx, actor: Actor | null, input: { reference: string; proposalId: string }, now: Date) {
  const customer = requireCustomer(actor, "case:read");
  const row = await findCustomerCase(tx, customer, input.reference, { forUpdate: true });
  const proposal = await findProposal(tx, row.id, input.proposalId);
  const refusal = checkCustomerResponse({
    status: proposal.status,
    expiresOn: proposal.expiresOn as IsoDate | null,
    today: localDate(now, PARIS),
    customer: { userId: customer.userId, role: customer.role },
    caseContactId: row.customerContactId,
  });
  if (refusal) {
    if (refusal.code === "forbidden") throw new AppError("forbidden", { messageKey: refusal.messageKey });
    throw new AppError("conflict", { messageKey: refusal.messageKey, params: { status: proposal.status } });
  }
  return { customer, row, proposal };
}

/** Tells the agent(s) how the customer answered. */
export async function tellStaffOfAnswer(
  tx: Tx,
  options: {
    row: CustomerCaseRow;
    proposal: ProposalRow;
    customer: CustomerActor;
    answer: "accepted" | "declined" | "countered";
    comment?: string | null;
    counter?: { kind: ProposalKind; amountExclVatCents: number } | null;
    now: Date;
    backofficeUrl: string;
  },
) {
  const { row, proposal } = options;
  for (const watcher of await proposalWatchers(tx, { assigneeId: row.assigneeId, authorStaffId: proposal.authorStaffId })) {
    await queueEmail(tx, {
      to: watcher.email,
      template: "proposal-answered",
      language: watcher.language,
      props: {
        name: watcher.name,
        reference: row.reference,
        proposalNumber: proposal.number,
        answer: options.answer,
        customerName: options.customer.name,
        comment: options.comment ?? null,
        counter: options.counter ?? null,
        currency: proposal.currency,
        caseUrl: `${backofficeCaseUrl(options.backofficeUrl, row.reference)}#proposals`,
      },
      idempotencyKey: `proposal-answered:${proposal.id}:${watcher.id}`,
      caseId: row.id,
      now: options.now,
    });
  }
}

/** Records the customer's answer on the proposal row. */
export async function markAnswered(tx: Tx, proposal: ProposalRow, customer: CustomerActor, status: "accepted" | "declined" | "countered", comment: string | null, now: Date) {
  await tx
    .update(proposals)
    .set({ status, respondedAt: now, respondedById: customer.userId, responseComment: comment, updatedAt: now })
    .where(eq(proposals.id, proposal.id));
}
