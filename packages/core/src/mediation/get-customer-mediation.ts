import { mediations, mediationSessions } from "@accord/db";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { findCustomerCase } from "../cases/customer-case-scope";
import { caseReferenceSchema } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { mediatorOf } from "./mediation-case";

export const getCustomerMediationSchema = z.object({ reference: caseReferenceSchema });
export type GetCustomerMediationInput = z.output<typeof getCustomerMediationSchema>;

/**
 * The case's latest mediation as the portal shows it, scoped like the case itself: the mediator's name
 * and organisation, when it began, its outcome once known, and the SHARED session notes only (never
 * the internal ones, nor an external mediator's e-mail or the referral's reference). Null without one.
 */
export async function getCustomerMediation({ db, actor, input }: UseCaseArgs<GetCustomerMediationInput>) {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const row = await findCustomerCase(tx, customer, input.reference);
      const [mediation] = await tx.select().from(mediations).where(eq(mediations.caseId, row.id)).orderBy(desc(mediations.startedAt)).limit(1);
      if (!mediation) return null;
      const mediator = await mediatorOf(tx, mediation);
      const sessions = await tx
        .select({ id: mediationSessions.id, heldOn: mediationSessions.heldOn, participants: mediationSessions.participants, notes: mediationSessions.notes })
        .from(mediationSessions)
        .where(and(eq(mediationSessions.mediationId, mediation.id), eq(mediationSessions.visibility, "shared")))
        .orderBy(asc(mediationSessions.heldOn), asc(mediationSessions.createdAt));
      return {
        kind: mediation.kind,
        mediatorName: mediator.name,
        organisation: mediator.organisation,
        startedAt: mediation.startedAt,
        endedAt: mediation.endedAt,
        outcome: mediation.outcome,
        sessions,
      };
    },
    { accessMode: "read only" },
  );
}

export type CustomerMediation = Awaited<ReturnType<typeof getCustomerMediation>>;
