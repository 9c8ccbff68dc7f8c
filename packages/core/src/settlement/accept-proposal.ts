import { caseDecisions, proposalAcceptances } from "@accord/db";
import { localDate, type IsoDate, type ProposalKind } from "@accord/domain";
import { eq } from "drizzle-orm";
import { applyCustomerCommand } from "../cases/customer-case-scope";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import type { FileStore } from "../files/file-store";
import { resolutionFacts } from "../sla/resolution-facts";
import type { UseCaseArgs } from "../use-case";
import { markAnswered, proposalToAnswer, tellStaffOfAnswer } from "./customer-answer";
import { recordAgreement } from "./record-agreement";
import type { AcceptProposalInput } from "./schemas";
import { PARIS, portalCaseUrl, settleInvoices } from "./settlement-case";

export { acceptProposalSchema, type AcceptProposalInput } from "./schemas";

/** Kinds whose amount is money the customer gets back (credited); a replacement or an amendment is not. */
const CREDITING_KINDS: readonly ProposalKind[] = ["credit_note", "refund", "commercial_gesture", "price_adjustment", "settlement"];

/**
 * The customer accepts the offered proposal (a simple electronic signature): explicit consent, the
 * signer's typed name, and the SHA-256 of the exact text they read, which must be the one frozen at the
 * offer. Records who, when, from which IP and user agent; renders the agreement PDF once and keeps it
 * (its SHA-256 chained beside the text's, and attached to the confirmation); the case is resolved (settled amicably), the
 * decision is created from the proposal, each disputed invoice gets its new due date, and the customer
 * receives the confirmation. One acceptance per proposal: a second tab finds it already accepted.
 */
export async function acceptProposal({
  db,
  actor,
  input,
  now,
  portalUrl,
  backofficeUrl,
  ipAddress,
  userAgent,
  store,
}: UseCaseArgs<AcceptProposalInput, { portalUrl: string; backofficeUrl: string; ipAddress: string | null; userAgent: string | null; store: FileStore }>) {
  return db.transaction(async (tx) => {
    const { customer, row, proposal } = await proposalToAnswer(tx, actor, input, now);
    if (proposal.offeredTextSha256 !== input.textSha256) {
      throw new AppError("conflict", { messageKey: "proposal.error.text_changed" });
    }
    const [acceptance] = await tx
      .insert(proposalAcceptances)
      .values({
        proposalId: proposal.id,
        caseId: row.id,
        customerUserId: customer.userId,
        signerName: input.signerName,
        ipAddress: ipAddress?.slice(0, 100) ?? null,
        userAgent: userAgent?.slice(0, 1000) ?? null,
        textSha256: input.textSha256,
        acceptedAt: now,
      })
      .returning({ id: proposalAcceptances.id });
    const agreement = await recordAgreement(tx, {
      store,
      caseId: row.id,
      proposal,
      acceptance: {
        signerName: input.signerName,
        customerEmail: customer.email,
        acceptedAt: now,
        ipAddress: ipAddress ?? null,
        userAgent: userAgent ?? null,
        textSha256: input.textSha256,
      },
      language: proposal.offeredLanguage ?? customer.language,
      now,
    });
    await tx
      .update(proposalAcceptances)
      .set({ agreementSha256: agreement.sha256, agreementDocument: JSON.parse(JSON.stringify(agreement.document)) as Record<string, unknown> })
      .where(eq(proposalAcceptances.id, acceptance!.id));
    await markAnswered(tx, proposal, customer, "accepted", null, now);
    const credited = CREDITING_KINDS.includes(proposal.kind) ? proposal.amountCents : 0;
    const resolvedOn = localDate(now, PARIS) as IsoDate;
    const status = await applyCustomerCommand(tx, {
      customer,
      row,
      command: { type: "proposal_accepted", proposalId: proposal.id, outcome: "settled_amicably" },
      now,
      set: { ...(await resolutionFacts(tx, row.id, now)), outcome: "settled_amicably", creditedAmountCents: credited },
      after: [
        {
          type: "proposal_acceptance_recorded",
          visibility: "public",
          payload: {
            proposalId: proposal.id,
            number: proposal.number,
            signerName: input.signerName,
            customerUserId: customer.userId,
            ipAddress: ipAddress ?? null,
            userAgent: userAgent ?? null,
            textSha256: input.textSha256,
            agreementSha256: agreement.sha256,
          },
        },
      ],
    });
    await tx.insert(caseDecisions).values({
      caseId: row.id,
      proposalId: proposal.id,
      outcome: "settled_amicably",
      grantedCents: proposal.amountCents,
      decidedAt: now,
      updatedAt: now,
    });
    const newDueDates = await settleInvoices(tx, { caseId: row.id, creditedCents: credited, resolvedOn });
    await queueEmail(tx, {
      to: customer.email,
      template: "proposal-accepted",
      language: customer.language,
      props: {
        name: customer.name,
        reference: row.reference,
        proposalNumber: proposal.number,
        kind: proposal.kind,
        amountExclVatCents: proposal.amountCents,
        vatCents: proposal.vatCents,
        currency: proposal.currency,
        signerName: input.signerName,
        acceptedAt: now.toISOString(),
        textSha256: input.textSha256,
        agreementSha256: agreement.sha256,
        newDueDates,
        caseUrl: portalCaseUrl(portalUrl, row.reference),
      },
      idempotencyKey: `proposal-accepted:${proposal.id}`,
      caseId: row.id,
      attachments: [{ name: agreement.fileName, type: "application/pdf", size: agreement.size, sha256: agreement.sha256 }],
      now,
    });
    await tellStaffOfAnswer(tx, { row, proposal, customer, answer: "accepted", now, backofficeUrl });
    return { status, acceptanceId: acceptance!.id, newDueDates };
  });
}
