import { evidence, legalSteps, litigations } from "@accord/db";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { findCustomerCase } from "../cases/customer-case-scope";
import { caseReferenceSchema } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

export const getCustomerLitigationSchema = z.object({ reference: caseReferenceSchema });
export type GetCustomerLitigationInput = z.output<typeof getCustomerLitigationSchema>;

/**
 * What the customer may know of a litigation: that the legal department handles the case, and the
 * documents of the steps shared with them (file name and size only). Nothing else: no reason, no amount
 * at stake, no step, no cost. Scoped by the customer's cases in the query.
 */
export async function getCustomerLitigation({ db, actor, input }: UseCaseArgs<GetCustomerLitigationInput>) {
  const customer = requireCustomer(actor, "case:read");
  return db.transaction(
    async (tx) => {
      const found = await findCustomerCase(tx, customer, input.reference);
      const [handedOver] = await tx.select({ id: litigations.id }).from(litigations).where(eq(litigations.caseId, found.id)).limit(1);
      const documents = handedOver
        ? await tx
            .select({ id: evidence.id, fileName: evidence.fileName, sizeBytes: evidence.sizeBytes, createdAt: evidence.createdAt })
            .from(legalSteps)
            .innerJoin(evidence, and(eq(evidence.id, legalSteps.documentId), eq(evidence.caseId, found.id), eq(evidence.visibility, "public")))
            .where(and(eq(legalSteps.caseId, found.id), eq(legalSteps.sharedWithCustomer, true)))
            .orderBy(asc(legalSteps.occurredOn), asc(legalSteps.createdAt))
        : [];
      return { handledByLegal: found.status === "litigation", documents };
    },
    { accessMode: "read only" },
  );
}
