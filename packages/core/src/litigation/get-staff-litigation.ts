import { evidence, legalCosts, legalSteps, litigations, staffUsers } from "@accord/db";
import { allowedCommands, LEGAL_STEP_KINDS, type CaseKind, type CaseStatus, type JudgmentRuling, type LegalStepKind } from "@accord/domain";
import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { caseReferenceSchema, findStaffCase, holds } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const getStaffLitigationSchema = z.object({ reference: caseReferenceSchema });
export type GetStaffLitigationInput = z.output<typeof getStaffLitigationSchema>;

export interface StaffLitigation {
  currency: string;
  disputedAmountCents: number;
  /** The latest hand-over to legal, and how it ended (null: never handed over). */
  litigation: {
    reason: string;
    amountAtStakeCents: number;
    handedOverByName: string | null;
    handedOverAt: Date;
    ending: "judged" | "settled_out_of_court" | null;
    settlementAmountCents: number | null;
    settlementTerms: string | null;
    endedAt: Date | null;
  } | null;
  /** The procedure's steps, in date order. */
  steps: {
    id: string;
    kind: LegalStepKind;
    date: string;
    notes: string | null;
    shared: boolean;
    document: { id: string; fileName: string } | null;
    ruling: JudgmentRuling | null;
    grantedCents: number | null;
    owedCents: number | null;
  }[];
  costs: { id: string; amountCents: number; label: string; date: string; recordedByName: string | null }[];
  /** The case's `legal_costs_cents`: the sum of its costs. */
  totalCostsCents: number;
  /** What this staff member may do here now (the use cases check again). */
  can: { handOver: boolean; recordStep: boolean; recordCost: boolean; end: boolean };
}

/**
 * The litigation of a case as the back-office's « Contentieux » section shows it: the hand-over, the
 * steps with their documents, the costs and their total, and the forms this staff member may use.
 */
export async function getStaffLitigation({ db, actor, input }: UseCaseArgs<GetStaffLitigationInput>): Promise<StaffLitigation> {
  const staff = requireStaff(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [litigation] = await tx
        .select({
          reason: litigations.reason,
          amountAtStakeCents: litigations.amountAtStakeCents,
          handedOverByName: staffUsers.name,
          handedOverAt: litigations.handedOverAt,
          ending: litigations.ending,
          settlementAmountCents: litigations.settlementAmountCents,
          settlementTerms: litigations.settlementTerms,
          endedAt: litigations.endedAt,
        })
        .from(litigations)
        .leftJoin(staffUsers, eq(staffUsers.id, litigations.handedOverById))
        .where(eq(litigations.caseId, row.id))
        .orderBy(desc(litigations.handedOverAt))
        .limit(1);
      const steps = await tx
        .select({
          id: legalSteps.id,
          kind: legalSteps.kind,
          date: legalSteps.occurredOn,
          notes: legalSteps.notes,
          shared: legalSteps.sharedWithCustomer,
          documentId: evidence.id,
          documentName: evidence.fileName,
          ruling: legalSteps.ruling,
          grantedCents: legalSteps.grantedCents,
          owedCents: legalSteps.owedCents,
        })
        .from(legalSteps)
        .leftJoin(evidence, eq(evidence.id, legalSteps.documentId))
        .where(eq(legalSteps.caseId, row.id))
        .orderBy(asc(legalSteps.occurredOn), asc(legalSteps.createdAt));
      const costs = await tx
        .select({ id: legalCosts.id, amountCents: legalCosts.amountCents, label: legalCosts.label, date: legalCosts.incurredOn, recordedByName: staffUsers.name })
        .from(legalCosts)
        .leftJoin(staffUsers, eq(staffUsers.id, legalCosts.recordedById))
        .where(eq(legalCosts.caseId, row.id))
        .orderBy(asc(legalCosts.incurredOn), asc(legalCosts.createdAt));
      const legal = holds(staff, "case:litigation");
      const inLitigation = row.status === "litigation";
      return {
        currency: row.currency,
        disputedAmountCents: row.disputedAmountCents,
        litigation: litigation ?? null,
        steps: steps
          .filter((step) => LEGAL_STEP_KINDS.includes(step.kind))
          .map(({ documentId, documentName, ...step }) => ({ ...step, document: documentId && documentName ? { id: documentId, fileName: documentName } : null })),
        costs,
        totalCostsCents: row.legalCostsCents,
        can: {
          handOver: legal && allowedCommands({ status: row.status as CaseStatus, kind: row.kind as CaseKind }).includes("go_to_litigation"),
          recordStep: legal && inLitigation,
          recordCost: legal && litigation !== undefined,
          end: legal && inLitigation,
        },
      };
    },
    { accessMode: "read only" },
  );
}
