/**
 * Shared steps of the mediation use cases (not a use case itself): the case's current mediation as
 * this staff member may see it.
 */
import type { StaffActor } from "@accord/auth";
import { mediations, staffUsers, type Tx } from "@accord/db";
import type { MediationState, StaffCaseFacts } from "@accord/domain";
import { desc, eq } from "drizzle-orm";

export type MediationRow = typeof mediations.$inferSelect;

/** The latest mediation of a case (running or ended), or null. */
export async function latestMediation(tx: Tx, caseId: string, options: { lock?: boolean } = {}): Promise<MediationRow | null> {
  const query = tx.select().from(mediations).where(eq(mediations.caseId, caseId)).orderBy(desc(mediations.startedAt)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** The mediation as the domain reads it. */
export function mediationState(row: MediationRow): MediationState {
  return { kind: row.kind, mediatorUserId: row.mediatorUserId, startedAt: row.startedAt, endedAt: row.endedAt };
}

/** The actor as the domain's mediation rules read it. */
export const mediationActor = (staff: StaffActor) => ({ userId: staff.userId, permissions: staff.permissions });

/** The mediator's name and organisation as the customer reads them. */
export async function mediatorOf(tx: Tx, row: MediationRow): Promise<{ name: string; organisation: string | null }> {
  if (row.kind === "external") return { name: row.externalName ?? "", organisation: row.externalOrganisation };
  const [user] = row.mediatorUserId ? await tx.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, row.mediatorUserId)) : [];
  return { name: user?.name ?? "", organisation: null };
}

/** The facts beyond its status that the case's capabilities read (the domain's `StaffCaseFacts`): its latest mediation's outcome. */
export async function staffCaseFacts(tx: Tx, caseId: string): Promise<StaffCaseFacts> {
  return { mediationOutcome: (await latestMediation(tx, caseId))?.outcome ?? null };
}
