import { proposalAcceptances, storedFiles } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import type { EvidenceDownload, EvidenceFileSource } from "../cases/open-evidence-file";
import { AppError } from "../errors";
import { findStaffCase } from "../instruction/staff-case";
import type { UseCaseArgs } from "../use-case";

/** The agreement download's arguments: the case, and the store holding the bytes (no clock needed). */
export type AgreementFileArgs = Omit<UseCaseArgs<{ reference: string }>, "now"> & { files: EvidenceFileSource; now?: Date };

/**
 * The signed agreement ("protocole d'accord") of a case for staff: the PDF stored at acceptance, by its
 * SHA-256, never rendered again. Same scope as the case page; a case without an acceptance (or whose
 * file is missing) is not_found.
 */
export async function openAgreementFile({ db, actor, input, files }: AgreementFileArgs): Promise<EvidenceDownload> {
  const staff = requireStaff(actor, "case:read");
  const file = await db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [found] = await tx
        .select({ sha256: storedFiles.sha256, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes })
        .from(proposalAcceptances)
        .innerJoin(storedFiles, eq(storedFiles.sha256, proposalAcceptances.agreementSha256))
        .where(eq(proposalAcceptances.caseId, row.id));
      return found ? { ...found, fileName: `protocole-accord-${row.reference}.pdf` } : undefined;
    },
    { accessMode: "read only" },
  );
  if (!file) throw new AppError("not_found");
  try {
    return { ...file, stream: await files.openRead(file.sha256) };
  } catch (error) {
    throw new AppError("not_found", { cause: error });
  }
}
