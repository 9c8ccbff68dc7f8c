import { caseDecisions, caseSurveys, proposalAcceptances, proposalApprovals, proposals, staffUsers, customerUsers } from "@accord/db";
import { APPROVAL_LEVELS, approvalStatus, checkApprover, isProposalExpired, localDate, type ApprovalDecision, type IsoDate } from "@accord/domain";
import { asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { caseReferenceSchema, findStaffCase, holds } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { invoiceDueDatesOf, loadApprovalThresholds, PARIS } from "./settlement-case";

export const getStaffSettlementSchema = z.object({ reference: caseReferenceSchema });
export type GetStaffSettlementInput = z.output<typeof getStaffSettlementSchema>;

/**
 * The settlement of a case as the back-office shows it: every proposal (newest first) with its
 * approvals, what is still missing and whether this staff member may approve it now (the domain's
 * four-eyes rule), the acceptance record (with the signer's e-mail), the decision, each invoice's new due dates and the survey.
 */
export async function getStaffSettlement({ db, actor, input, now }: UseCaseArgs<GetStaffSettlementInput>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const today = localDate(now, PARIS) as IsoDate;
      const rows = await tx.select().from(proposals).where(eq(proposals.caseId, row.id)).orderBy(asc(proposals.number));
      const ids = rows.map((proposal) => proposal.id);
      const approvals = ids.length
        ? await tx
            .select({
              proposalId: proposalApprovals.proposalId,
              level: proposalApprovals.level,
              decision: proposalApprovals.decision,
              comment: proposalApprovals.comment,
              decidedAt: proposalApprovals.decidedAt,
              approverId: proposalApprovals.approverId,
              approverName: staffUsers.name,
            })
            .from(proposalApprovals)
            .innerJoin(staffUsers, eq(staffUsers.id, proposalApprovals.approverId))
            .where(inArray(proposalApprovals.proposalId, ids))
            .orderBy(asc(proposalApprovals.decidedAt))
        : [];
      const authorIds = rows.map((proposal) => proposal.authorStaffId).filter((id): id is string => id !== null);
      const authors = authorIds.length ? await tx.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, authorIds)) : [];
      const customerAuthorIds = rows.flatMap((proposal) => [proposal.authorCustomerId, proposal.respondedById]).filter((id): id is string => id !== null);
      const customers = customerAuthorIds.length ? await tx.select({ id: customerUsers.id, name: customerUsers.name }).from(customerUsers).where(inArray(customerUsers.id, customerAuthorIds)) : [];
      const thresholds = await loadApprovalThresholds(tx);
      const [acceptance] = await tx
        .select({ ...getTableColumns(proposalAcceptances), signerEmail: customerUsers.email })
        .from(proposalAcceptances)
        .innerJoin(customerUsers, eq(customerUsers.id, proposalAcceptances.customerUserId))
        .where(eq(proposalAcceptances.caseId, row.id));
      const [decision] = await tx.select().from(caseDecisions).where(eq(caseDecisions.caseId, row.id));
      const settlements = await invoiceDueDatesOf(tx, row.id);
      const [survey] = await tx.select().from(caseSurveys).where(eq(caseSurveys.caseId, row.id));
      const nameOf = (list: { id: string; name: string }[], id: string | null) => (id ? (list.find((item) => item.id === id)?.name ?? null) : null);
      return {
        reference: row.reference,
        currency: row.currency,
        disputedCents: row.disputedAmountCents,
        proposals: rows.reverse().map((proposal) => {
          const own = approvals.filter((approval) => approval.proposalId === proposal.id);
          const decisions: ApprovalDecision[] = own.map((approval) => ({ approverId: approval.approverId, level: approval.level, decision: approval.decision }));
          const forApproval = { authorId: proposal.authorStaffId ?? "", kind: proposal.kind, amountCents: proposal.amountCents };
          const status = approvalStatus(forApproval, decisions, thresholds);
          const level = APPROVAL_LEVELS.find((candidate) => status.missing.includes(candidate) && staff.roles.includes(candidate));
          const mayApprove =
            proposal.status === "pending_approval" &&
            level !== undefined &&
            checkApprover({ proposal: forApproval, decisions, thresholds, approverId: staff.userId, approver: { kind: "staff", roles: staff.roles }, level }).ok;
          return {
            id: proposal.id,
            number: proposal.number,
            kind: proposal.kind,
            status: proposal.status,
            origin: proposal.origin,
            /** A customer's counter-proposal: the proposal it answers. */
            counterOfId: proposal.counterOfId,
            /** Written by the customer (a counter-proposal): no approval applies. */
            fromCustomer: proposal.origin === "customer",
            /** Written from mediation: it puts the mediation's agreement before the customer. */
            fromMediation: proposal.mediationId !== null,
            /** How the customer answered this proposal, if they declined or countered it. */
            customerAnswer: proposal.status === "declined" || proposal.status === "countered" ? proposal.status : null,
            amountCents: proposal.amountCents,
            vatCents: proposal.vatCents,
            terms: proposal.terms,
            concessions: proposal.concessions,
            expiresOn: proposal.expiresOn,
            expired: proposal.status === "offered" && isProposalExpired(proposal.expiresOn as IsoDate | null, today),
            authorName: nameOf(authors, proposal.authorStaffId) ?? nameOf(customers, proposal.authorCustomerId),
            offeredAt: proposal.offeredAt,
            offeredText: proposal.offeredText,
            offeredTextSha256: proposal.offeredTextSha256,
            respondedAt: proposal.respondedAt,
            respondedByName: nameOf(customers, proposal.respondedById),
            responseComment: proposal.responseComment,
            approvals: own.map(({ approverId: _approverId, proposalId: _proposalId, ...approval }) => approval),
            required: status.required,
            missing: proposal.status === "pending_approval" ? status.missing : [],
            mayApprove,
            approveAs: mayApprove ? level! : null,
            isOwn: proposal.authorStaffId === staff.userId,
          };
        }),
        acceptance: acceptance ?? null,
        decision: decision ? { ...decision, recoveredCents: row.recoveredAmountCents } : null,
        /** Whether this staff member may complete the decision now (rationale, penalties, credit-note number). */
        mayCompleteDecision: decision !== undefined && holds(staff, "case:decide"),
        /** The credit note as UBL 2.1 XML: once the ERP's number is recorded on a decision that grants something. */
        creditNoteXml: decision !== undefined && decision.creditNoteNumber !== null && decision.grantedCents > 0 && holds(staff, "invoice:read"),
        settlements,
        survey: survey ? { score: survey.score, comment: survey.comment, answeredAt: survey.answeredAt } : null,
      };
    },
    { accessMode: "read only" },
  );
}

/** What getStaffSettlement answers. */
export type StaffSettlement = Awaited<ReturnType<typeof getStaffSettlement>>;
