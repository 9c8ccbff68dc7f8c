import { cases, proposalApprovals, proposals, staffUsers } from "@accord/db";
import { APPROVAL_LEVELS, approvalStatus, checkApprover, type ApprovalLevel } from "@accord/domain";
import { and, asc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { staffCaseScope } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import type { DecideApprovalInput } from "./schemas";
import { backofficeCaseUrl, loadApprovalThresholds, offerProposal } from "./settlement-case";

export { decideApprovalSchema, type DecideApprovalInput } from "./schemas";

/**
 * A supervisor or finance approves or refuses a proposal waiting for them, with a comment (four eyes:
 * never its author; one level per person; only a level the amount needs). The level is the first one
 * still missing that the approver holds. A refusal ends the proposal (the author writes another); the
 * approval that completes the set puts it before the customer. The author is told either way.
 */
export async function decideApproval({ db, actor, input, now, portalUrl, backofficeUrl }: UseCaseArgs<DecideApprovalInput, { portalUrl: string; backofficeUrl: string }>) {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ caseId: proposals.caseId }).from(proposals).where(eq(proposals.id, input.proposalId));
    if (!found) throw new AppError("not_found", { messageKey: "proposal.error.proposal_unknown" });
    const [row] = await tx.select().from(cases).where(and(eq(cases.id, found.caseId), staffCaseScope(staff))).for("update");
    if (!row) throw new AppError("not_found");
    const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, input.proposalId)).for("update");
    if (!proposal) throw new AppError("not_found");
    if (proposal.status !== "pending_approval") throw new AppError("conflict", { messageKey: "proposal.error.not_pending_approval", params: { status: proposal.status } });
    const decisions = (await tx.select().from(proposalApprovals).where(eq(proposalApprovals.proposalId, proposal.id)).orderBy(asc(proposalApprovals.decidedAt))).map((d) => ({
      approverId: d.approverId,
      level: d.level,
      decision: d.decision,
    }));
    const thresholds = await loadApprovalThresholds(tx);
    const forApproval = { authorId: proposal.authorStaffId ?? "", kind: proposal.kind, amountCents: proposal.amountCents };
    const before = approvalStatus(forApproval, decisions, thresholds);
    // The approver's level: the first missing one they hold (a supervisor who is also finance approves once).
    const level: ApprovalLevel | undefined = APPROVAL_LEVELS.find((candidate) => before.missing.includes(candidate) && staff.roles.includes(candidate));
    const check = checkApprover({
      proposal: forApproval,
      decisions,
      thresholds,
      approverId: staff.userId,
      approver: { kind: "staff", roles: staff.roles },
      level: level ?? before.missing[0] ?? "supervisor",
    });
    if (!check.ok) {
      const messageKey = check.error.code === "self_approval" ? "proposal.error.self_approval" : check.error.code === "forbidden" ? "proposal.error.not_an_approver" : "proposal.error.already_decided";
      throw new AppError(check.error.code === "forbidden" || check.error.code === "self_approval" ? "forbidden" : "conflict", { messageKey });
    }
    const decidedLevel = level ?? before.missing[0]!;
    await tx.insert(proposalApprovals).values({ proposalId: proposal.id, level: decidedLevel, approverId: staff.userId, decision: input.decision, comment: input.comment, decidedAt: now });
    const after = approvalStatus(forApproval, [...decisions, { approverId: staff.userId, level: decidedLevel, decision: input.decision }], thresholds);
    await appendCaseEvents(tx, {
      caseId: row.id,
      actor: actorRef(staff),
      at: now,
      events: [{ type: input.decision === "approved" ? "proposal_approved" : "proposal_refused", visibility: "internal", payload: { proposalId: proposal.id, number: proposal.number, level: decidedLevel, comment: input.comment } }],
    });
    let offered = false;
    if (after.rejected) {
      await tx.update(proposals).set({ status: "refused", updatedAt: now }).where(eq(proposals.id, proposal.id));
    } else if (after.complete) {
      await offerProposal(tx, { row, proposal, actor: actorRef(staff), now, portalUrl });
      offered = true;
    }
    if (proposal.authorStaffId) {
      const [author] = await tx.select({ email: staffUsers.email, name: staffUsers.name, language: staffUsers.language }).from(staffUsers).where(eq(staffUsers.id, proposal.authorStaffId));
      if (author) {
        await queueEmail(tx, {
          to: author.email,
          template: "approval-decided",
          language: author.language,
          props: {
            name: author.name,
            reference: row.reference,
            proposalNumber: proposal.number,
            decision: input.decision,
            approverName: staff.name,
            level: decidedLevel,
            comment: input.comment,
            offered,
            caseUrl: `${backofficeCaseUrl(backofficeUrl, row.reference)}#proposals`,
          },
          idempotencyKey: `approval-decided:${proposal.id}:${decidedLevel}`,
          caseId: row.id,
          now,
        });
      }
    }
    return { reference: row.reference, level: decidedLevel, status: after.rejected ? ("refused" as const) : offered ? ("offered" as const) : ("pending_approval" as const), missing: after.missing };
  });
}
