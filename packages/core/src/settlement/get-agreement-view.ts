import { proposalAcceptances, proposals } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer, requireStaff } from "../access";
import { findCustomerCase } from "../cases/customer-case-scope";
import { caseReferenceSchema, findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";
import { agreementBlocks, type AgreementBlock, type AgreementDocument } from "./agreement-document";

export const getAgreementViewSchema = z.object({ reference: caseReferenceSchema });
export type GetAgreementViewInput = z.output<typeof getAgreementViewSchema>;

export interface AgreementView {
  reference: string;
  /** Null until a proposal of the case is accepted. */
  agreement: { blocks: AgreementBlock[]; language: "fr" | "en"; textSha256: string; agreementSha256: string | null } | null;
}

/**
 * The agreement's printable page, in either app: the blocks of the document the PDF was rendered from
 * at acceptance (stored with it), so the page shows what the signed PDF says; the PDF, whose SHA-256 is
 * chained, stays the reference. Staff who read the case, or a customer who sees it; null before an
 * acceptance.
 */
export async function getAgreementView({ db, actor, input }: UseCaseArgs<GetAgreementViewInput>): Promise<AgreementView> {
  const row =
    actor?.kind === "customer"
      ? await findCustomerCase(db, requireCustomer(actor, "case:read"), input.reference)
      : await db.transaction((tx) => findStaffCase(tx, requireStaff(actor, "case:read"), input.reference), { accessMode: "read only" });
  const [acceptance] = await db
    .select({
      document: proposalAcceptances.agreementDocument,
      textSha256: proposalAcceptances.textSha256,
      agreementSha256: proposalAcceptances.agreementSha256,
      language: proposals.offeredLanguage,
    })
    .from(proposalAcceptances)
    .innerJoin(proposals, eq(proposals.id, proposalAcceptances.proposalId))
    .where(eq(proposalAcceptances.caseId, row.id));
  if (!acceptance?.document) return { reference: row.reference, agreement: null };
  const stored = acceptance.document as unknown as AgreementDocument & { acceptance: { acceptedAt: string } };
  const document: AgreementDocument = { ...stored, acceptance: { ...stored.acceptance, acceptedAt: new Date(stored.acceptance.acceptedAt) } };
  const language = acceptance.language ?? "fr";
  return {
    reference: row.reference,
    agreement: { blocks: agreementBlocks(document, language), language, textSha256: acceptance.textSha256, agreementSha256: acceptance.agreementSha256 },
  };
}
