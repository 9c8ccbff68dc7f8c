import { evidence } from "@accord/db";
import type { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { requireCustomer } from "../access";
import { AppError } from "../errors";
import { findCustomerCase } from "./customer-case-scope";
import type { UseCaseArgs } from "../use-case";

/** What this use case needs of the file store (files/file-store.ts). */
export interface EvidenceFileSource {
  openRead(sha256: string): Promise<Readable>;
}

export interface EvidenceDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  stream: Readable;
}

/** A download's arguments: the case and its file, and the store holding the bytes (no clock needed). */
export type EvidenceFileArgs = Omit<UseCaseArgs<{ reference: string; evidenceId: string }>, "now"> & { files: EvidenceFileSource; now?: Date };

/**
 * A customer downloads a PUBLIC evidence file of a case they may see. Anything else (an internal
 * file, another case's, another account's, a missing one) is not_found.
 */
export async function openEvidenceFile({ db, actor, input, files }: EvidenceFileArgs): Promise<EvidenceDownload> {
  const customer = requireCustomer(actor, "case:read");
  if (!z.uuid().safeParse(input.evidenceId).success) throw new AppError("not_found");
  const row = await findCustomerCase(db, customer, input.reference);
  const [file] = await db
    .select({ fileName: evidence.fileName, contentType: evidence.contentType, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256 })
    .from(evidence)
    .where(and(eq(evidence.id, input.evidenceId), eq(evidence.caseId, row.id), eq(evidence.visibility, "public")));
  if (!file) throw new AppError("not_found");
  let stream: Readable;
  try {
    stream = await files.openRead(file.sha256);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", { cause: error });
    throw error;
  }
  return { ...file, stream };
}
