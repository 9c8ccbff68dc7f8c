import { proposals } from "@accord/db";
import { checkProposalDraft, localDate, requiredApprovals, staffCaseCapabilities, type CaseKind, type CaseStatus, type ProposalKind } from "@accord/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import { latestMediation, staffCaseFacts } from "../mediation/mediation-case";
import type { UseCaseArgs } from "../use-case";
import type { CreateProposalInput } from "./schemas";
import { approversFor, backofficeCaseUrl, loadApprovalThresholds, nextProposalNumber, offerProposal, PARIS, vatForCase } from "./settlement-case";

export { createProposalSchema, type CreateProposalInput } from "./schemas";

/**
 * An agent proposes a resolution ("Proposer une solution"). The domain checks it (within the amount
 * disputed, a last day after today, a settlement's reciprocal concessions) and names the approvals it
 * needs from the thresholds. Without any, it goes to the customer at once (the case negotiates);
 * otherwise it waits for the approvers, who are told by e-mail and see it in their "to approve" list.
 * Taking up a customer's counter-proposal closes that draft.
 */
export async function createProposal({ db, actor, input, now, portalUrl, backofficeUrl }: UseCaseArgs<CreateProposalInput, { portalUrl: string; backofficeUrl: string }>) {
  const staff = requireStaff(actor, "proposal:create");
  return db.transaction(async (tx) => {
    const row = await findStaffCase(tx, staff, input.reference, { lock: true });
    // From mediation, the proposal writes down the agreement the mediation reached (and is recorded as coming from it).
    const mediation = row.status === "mediation" ? await latestMediation(tx, row.id) : null;
    if (!staffCaseCapabilities({ status: row.status as CaseStatus, kind: row.kind as CaseKind }, staff.permissions, await staffCaseFacts(tx, row.id)).propose) {
      throw new AppError("invalid_transition", { messageKey: "proposal.error.case_not_open_to_proposals", params: { status: row.status } });
    }
    const concessions = { supplier: input.concessionsSupplier, customer: input.concessionsCustomer };
    const errors = checkProposalDraft(
      { kind: input.kind, amountCents: input.amount, expiresOn: input.expiresOn, concessions },
      { disputedCents: row.disputedAmountCents, today: localDate(now, PARIS) },
    );
    if (errors.length > 0) {
      const fieldErrors: Record<string, string[]> = {};
      for (const error of errors) {
        const field = error.field === "concessions.supplier" ? "concessionsSupplier" : error.field === "concessions.customer" ? "concessionsCustomer" : (error.field ?? "form");
        (fieldErrors[field] ??= []).push(error.messageKey);
      }
      throw new AppError("validation", { messageKey: "proposal.error.invalid", fieldErrors });
    }
    const required = requiredApprovals({ kind: input.kind, amountCents: input.amount }, await loadApprovalThresholds(tx));
    const number = await nextProposalNumber(tx, row.id);
    const vatCents = await vatForCase(tx, row.id, input.amount);
    const [proposal] = await tx
      .insert(proposals)
      .values({
        caseId: row.id,
        number,
        kind: input.kind,
        status: required.length === 0 ? "draft" : "pending_approval",
        origin: "staff",
        amountCents: input.amount,
        vatCents,
        currency: row.currency,
        terms: input.terms,
        concessions: input.concessionsSupplier.length || input.concessionsCustomer.length ? concessions : null,
        expiresOn: input.expiresOn,
        authorStaffId: staff.userId,
        counterOfId: input.counterOfId ?? null,
        mediationId: mediation?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // A customer's counter-proposal waiting for the agent, or an earlier proposal still waiting for approval, gives way to this one.
    await tx
      .update(proposals)
      .set({ status: "superseded", updatedAt: now })
      .where(and(eq(proposals.caseId, row.id), inArray(proposals.status, ["draft", "pending_approval"]), ne(proposals.id, proposal!.id)));
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [
        {
          type: "proposal_created",
          visibility: "internal",
          payload: {
            proposalId: proposal!.id,
            number,
            kind: input.kind,
            amountCents: input.amount,
            vatCents,
            expiresOn: input.expiresOn,
            approvals: required,
            ...(mediation ? { mediationId: mediation.id } : {}),
          },
        },
      ],
    });
    if (required.length === 0) {
      const offered = await offerProposal(tx, { row, proposal: proposal!, actor: actorRef(staff), now, portalUrl });
      return { proposalId: proposal!.id, number, status: "offered" as const, caseStatus: offered.status, approvals: required };
    }
    for (const approver of await approversFor(tx, required, staff.userId)) {
      await queueEmail(tx, {
        to: approver.email,
        template: "approval-requested",
        language: approver.language,
        props: {
          name: approver.name,
          reference: row.reference,
          proposalNumber: number,
          kind: input.kind as ProposalKind,
          amountExclVatCents: input.amount,
          currency: row.currency,
          authorName: staff.name,
          levels: approver.levels,
          approvalUrl: `${backofficeCaseUrl(backofficeUrl, row.reference)}#proposals`,
        },
        idempotencyKey: `approval-requested:${proposal!.id}:${approver.id}`,
        caseId: row.id,
        now,
      });
    }
    return { proposalId: proposal!.id, number, status: "pending_approval" as const, caseStatus: row.status as CaseStatus, approvals: required };
  });
}
