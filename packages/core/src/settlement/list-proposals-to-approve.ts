import { cases, customerAccounts, proposalApprovals, proposals, staffUsers } from "@accord/db";
import { APPROVAL_LEVELS, approvalStatus, checkApprover, type ApprovalDecision } from "@accord/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { requireStaff } from "../access";
import { staffCaseScope } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { loadApprovalThresholds } from "./settlement-case";

/** How many waiting proposals the list shows at most (oldest first). */
const LIMIT = 200;

/**
 * The approver's "to approve" list: proposals waiting for a level this staff member holds and may
 * give (never their own — four eyes), oldest first, with the case, the customer, the amount and who
 * wrote it.
 */
export async function listProposalsToApprove({ db, actor }: UseCaseArgs<Record<string, never>>) {
  const staff = requireStaff(actor, "case:read");
  const levels = APPROVAL_LEVELS.filter((level) => staff.roles.includes(level));
  if (levels.length === 0) return [];
  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select({
          id: proposals.id,
          number: proposals.number,
          kind: proposals.kind,
          amountCents: proposals.amountCents,
          currency: proposals.currency,
          authorStaffId: proposals.authorStaffId,
          authorName: staffUsers.name,
          createdAt: proposals.createdAt,
          reference: cases.reference,
          title: cases.title,
          assigneeId: cases.assigneeId,
          accountName: customerAccounts.name,
        })
        .from(proposals)
        .innerJoin(cases, eq(cases.id, proposals.caseId))
        .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
        .leftJoin(staffUsers, eq(staffUsers.id, proposals.authorStaffId))
        .where(and(eq(proposals.status, "pending_approval"), staffCaseScope(staff)))
        .orderBy(asc(proposals.createdAt), asc(proposals.id))
        .limit(LIMIT);
      if (rows.length === 0) return [];
      const approvals = await tx
        .select({ proposalId: proposalApprovals.proposalId, approverId: proposalApprovals.approverId, level: proposalApprovals.level, decision: proposalApprovals.decision })
        .from(proposalApprovals)
        .where(inArray(proposalApprovals.proposalId, rows.map((row) => row.id)));
      const thresholds = await loadApprovalThresholds(tx);
      return rows.flatMap(({ authorStaffId, assigneeId: _assignee, ...row }) => {
        const decisions: ApprovalDecision[] = approvals.filter((a) => a.proposalId === row.id);
        const forApproval = { authorId: authorStaffId ?? "", kind: row.kind, amountCents: row.amountCents };
        const status = approvalStatus(forApproval, decisions, thresholds);
        const level = APPROVAL_LEVELS.find((candidate) => status.missing.includes(candidate) && staff.roles.includes(candidate));
        if (!level) return [];
        const ok = checkApprover({ proposal: forApproval, decisions, thresholds, approverId: staff.userId, approver: { kind: "staff", roles: staff.roles }, level }).ok;
        return ok ? [{ ...row, level, missing: status.missing }] : [];
      });
    },
    { accessMode: "read only" },
  );
}

/** What listProposalsToApprove answers. */
export type ProposalToApprove = Awaited<ReturnType<typeof listProposalsToApprove>>[number];
