import type { Readable } from "node:stream";
import { proposalAcceptances, proposals, storedFiles } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireCustomer } from "../access";
import { findCustomerCase } from "../cases/customer-case-scope";
import type { EvidenceDownload, EvidenceFileSource } from "../cases/open-evidence-file";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

/** A download's arguments: the case, and the store holding the bytes (no clock needed). */
export type AgreementFileArgs = Omit<UseCaseArgs<{ reference: string }>, "now"> & { files: EvidenceFileSource; now?: Date };

/**
 * A customer who may see the case downloads its agreement ("protocole d'accord"): the bytes stored at
 * acceptance (by their SHA-256), never a new rendering. No acceptance, or a case they may not see: not_found.
 */
export async function openCustomerAgreement({ db, actor, input, files }: AgreementFileArgs): Promise<EvidenceDownload> {
  const customer = requireCustomer(actor, "case:read");
  const row = await findCustomerCase(db, customer, input.reference);
  const [acceptance] = await db
    .select({ sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes, language: proposals.offeredLanguage })
    .from(proposalAcceptances)
    .innerJoin(proposals, eq(proposals.id, proposalAcceptances.proposalId))
    .innerJoin(storedFiles, eq(storedFiles.sha256, proposalAcceptances.agreementSha256))
    .where(eq(proposalAcceptances.caseId, row.id));
  if (!acceptance) throw new AppError("not_found");
  const { sha256 } = acceptance;
  let stream: Readable;
  try {
    stream = await files.openRead(sha256);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", { cause: error });
    throw error;
  }
  const fileName = `${acceptance.language === "en" ? "settlement-agreement" : "protocole-accord"}-${row.reference}.pdf`;
  return { fileName, contentType: "application/pdf", sizeBytes: acceptance.sizeBytes, sha256, stream };
}
