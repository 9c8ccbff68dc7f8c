import { evidence } from "@accord/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import type { EvidenceDownload, EvidenceFileArgs } from "../cases/open-evidence-file";
import { AppError } from "../errors";
import { findStaffCase } from "./staff-case";

/**
 * A file of a case for staff (shared or internal), from the content-addressed store. Same scope as
 * the case page: a mediator only for a case they mediate; anything else is not_found.
 */
export async function openStaffEvidenceFile({ db, actor, input, files }: EvidenceFileArgs): Promise<EvidenceDownload> {
  const staff = requireStaff(actor, "case:read");
  if (!z.uuid().safeParse(input.evidenceId).success) throw new AppError("not_found");
  const file = await db.transaction(
    async (tx) => {
      const row = await findStaffCase(tx, staff, input.reference);
      const [found] = await tx
        .select({ fileName: evidence.fileName, contentType: evidence.contentType, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 })
        .from(evidence)
        .where(and(eq(evidence.id, input.evidenceId), eq(evidence.caseId, row.id)));
      return found;
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
