import { cases, proposals, type Db } from "@accord/db";
import { localDate, transition, type CaseKind, type CaseStatus } from "@accord/domain";
import { and, asc, eq, lt } from "drizzle-orm";
import { SYSTEM } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { refreshCaseSla } from "../sla/case-sla";
import { PARIS } from "./settlement-case";

/** The worker's recurring task that runs {@link expireDueProposals}. */
export const EXPIRE_DUE_PROPOSALS_TASK = "expire_due_proposals";

/**
 * The system expires the offered proposals whose last day has passed (one indexed query on
 * `proposals_expiry_idx`): each one's case goes back to the agent (`expire_proposal`, investigating),
 * with a public event. One transaction per case, so one failure does not hold the others back; a
 * second run finds nothing left to do. Returns the references of the cases touched.
 */
export async function expireDueProposals({ db, now, limit = 500 }: { db: Db; now: Date; limit?: number }): Promise<string[]> {
  const today = localDate(now, PARIS);
  const due = await db
    .select({ id: proposals.id, caseId: proposals.caseId })
    .from(proposals)
    .where(and(eq(proposals.status, "offered"), lt(proposals.expiresOn, today)))
    .orderBy(asc(proposals.expiresOn))
    .limit(limit);
  const touched: string[] = [];
  for (const item of due) {
    const reference = await db.transaction(async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, item.caseId)).for("update");
      const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, item.id)).for("update");
      if (!row || !proposal || proposal.status !== "offered") return null;
      await tx.update(proposals).set({ status: "expired", updatedAt: now }).where(eq(proposals.id, proposal.id));
      const result = transition({ status: row.status as CaseStatus, kind: row.kind as CaseKind, reference: row.reference }, { type: "expire_proposal", proposalId: proposal.id }, { at: now });
      // A case that has moved on (mediation, litigation…) keeps its status; the proposal still expires.
      const events = result.ok
        ? result.events.map((event) => ({ type: event.type, visibility: "public" as const, payload: { from: event.from, to: event.to, proposalId: proposal.id, number: proposal.number } }))
        : [{ type: "proposal_expired", visibility: "public" as const, payload: { proposalId: proposal.id, number: proposal.number } }];
      if (result.ok) await tx.update(cases).set({ status: result.state.status, updatedAt: now }).where(eq(cases.id, row.id));
      await appendCaseEvents(tx, { caseId: row.id, actor: SYSTEM, at: now, events });
      await refreshCaseSla(tx, row.id, now);
      return row.reference;
    });
    if (reference) touched.push(reference);
  }
  return touched;
}
