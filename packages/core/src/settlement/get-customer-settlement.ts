import { hasPermission } from "@accord/auth";
import { caseDecisions, caseSurveys, proposalAcceptances, proposals } from "@accord/db";
import { customerMayDecide, isProposalExpired, localDate, type IsoDate } from "@accord/domain";
import { and, desc, eq, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { findCustomerCase } from "../cases/customer-case-scope";
import { caseReferenceSchema } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceDueDatesOf, PARIS } from "./settlement-case";

export const getCustomerSettlementSchema = z.object({ reference: caseReferenceSchema });
export type GetCustomerSettlementInput = z.output<typeof getCustomerSettlementSchema>;

/**
 * The settlement of a case as the portal shows it, scoped like the case itself: the proposals put
 * before the customer (newest first) with the exact text frozen at the offer and its SHA-256, whether
 * this user may answer the open one now, the customer's own counter-proposals, the acceptance record,
 * the PUBLIC part of the decision, each invoice's new due dates and the survey. Never an approval, an
 * internal rationale, a staff author or an unsent draft.
 */
export async function getCustomerSettlement({ db, actor, input, now }: UseCaseArgs<GetCustomerSettlementInput>) {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findCustomerCase(tx, customer, input.reference);
      const today = localDate(now, PARIS) as IsoDate;
      const mayDecide = customerMayDecide({ userId: customer.userId, role: customer.role }, row.customerContactId) && hasPermission(customer, "proposal:respond");
      const rows = await tx
        .select({
          id: proposals.id,
          number: proposals.number,
          kind: proposals.kind,
          status: proposals.status,
          origin: proposals.origin,
          amountCents: proposals.amountCents,
          vatCents: proposals.vatCents,
          currency: proposals.currency,
          terms: proposals.terms,
          expiresOn: proposals.expiresOn,
          offeredAt: proposals.offeredAt,
          offeredText: proposals.offeredText,
          offeredTextSha256: proposals.offeredTextSha256,
          respondedAt: proposals.respondedAt,
          responseComment: proposals.responseComment,
          createdAt: proposals.createdAt,
        })
        .from(proposals)
        // What reached the customer: offered proposals (whatever became of them) and their own counter-proposals.
        .where(and(eq(proposals.caseId, row.id), or(isNotNull(proposals.offeredAt), eq(proposals.origin, "customer"))))
        .orderBy(desc(proposals.number));
      const [acceptance] = await tx
        .select({
          proposalId: proposalAcceptances.proposalId,
          signerName: proposalAcceptances.signerName,
          acceptedAt: proposalAcceptances.acceptedAt,
          textSha256: proposalAcceptances.textSha256,
          agreementSha256: proposalAcceptances.agreementSha256,
        })
        .from(proposalAcceptances)
        .where(eq(proposalAcceptances.caseId, row.id));
      const [decision] = await tx
        .select({
          outcome: caseDecisions.outcome,
          grantedCents: caseDecisions.grantedCents,
          penaltiesCents: caseDecisions.penaltiesCents,
          publicRationale: caseDecisions.publicRationale,
          creditNoteNumber: caseDecisions.creditNoteNumber,
          decidedAt: caseDecisions.decidedAt,
        })
        .from(caseDecisions)
        .where(eq(caseDecisions.caseId, row.id));
      const settlements = await invoiceDueDatesOf(tx, row.id);
      const [survey] = await tx.select({ score: caseSurveys.score, comment: caseSurveys.comment, answeredAt: caseSurveys.answeredAt }).from(caseSurveys).where(eq(caseSurveys.caseId, row.id));

      const offered = rows
        .filter((proposal) => proposal.offeredAt !== null)
        .map((proposal) => {
          const lapsed = proposal.status === "offered" && isProposalExpired(proposal.expiresOn as IsoDate | null, today);
          const expired = proposal.status === "expired" || lapsed;
          return {
            id: proposal.id,
            number: proposal.number,
            kind: proposal.kind,
            /** As the customer reads it: an offered proposal past its last day is expired, even before the sweep. */
            status: lapsed ? ("expired" as const) : proposal.status,
            amountCents: proposal.amountCents,
            vatCents: proposal.vatCents,
            totalCents: proposal.amountCents + proposal.vatCents,
            currency: proposal.currency,
            expiresOn: proposal.expiresOn,
            offeredAt: proposal.offeredAt!,
            offeredText: proposal.offeredText ?? "",
            offeredTextSha256: proposal.offeredTextSha256 ?? "",
            respondedAt: proposal.respondedAt,
            responseComment: proposal.responseComment,
            expired,
            open: proposal.status === "offered" && !lapsed,
            canDecide: mayDecide && proposal.status === "offered" && !lapsed,
          };
        });
      const counterProposals = rows
        .filter((proposal) => proposal.origin === "customer")
        .map((proposal) => ({ id: proposal.id, number: proposal.number, kind: proposal.kind, amountCents: proposal.amountCents, currency: proposal.currency, comment: proposal.terms, createdAt: proposal.createdAt }));
      const ended = row.status === "resolved" || row.status === "closed";
      const accepted = acceptance ? (offered.find((proposal) => proposal.id === acceptance.proposalId) ?? null) : null;
      return {
        reference: row.reference,
        title: row.title,
        status: row.status,
        currency: row.currency,
        disputedCents: row.disputedAmountCents,
        /** Whether this user may answer a proposal of this case (the account's admin or the case's contact). */
        mayDecide,
        /** The proposal waiting for an answer, or the last one put before the customer. */
        current: offered[0] ?? null,
        proposals: offered,
        counterProposals,
        acceptance: acceptance ? { ...acceptance, proposalNumber: accepted?.number ?? null } : null,
        decision: decision ?? null,
        settlements,
        survey: survey ?? null,
        canRate: mayDecide && hasPermission(customer, "survey:answer") && ended && !survey,
      };
    },
    { accessMode: "read only" },
  );
}

export type CustomerSettlement = Awaited<ReturnType<typeof getCustomerSettlement>>;
