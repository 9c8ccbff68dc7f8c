import { inboundEmails } from "@accord/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import type { EvidenceDownload } from "../cases/open-evidence-file";
import { AppError } from "../errors";
import type { FileStore } from "../files/file-store";
import type { UseCaseArgs } from "../use-case";

/** A file of a quarantined e-mail, for the agent deciding where it goes (served as an attachment). */
export async function openInboundAttachment({ db, actor, input, files }: Omit<UseCaseArgs<{ id: string; index: number }>, "now"> & { files: Pick<FileStore, "openRead">; now?: Date }): Promise<EvidenceDownload> {
  requireStaff(actor, "inbound:triage");
  if (!z.uuid().safeParse(input.id).success || !Number.isInteger(input.index) || input.index < 0) throw new AppError("not_found");
  const [row] = await db.select({ status: inboundEmails.status, attachments: inboundEmails.attachments }).from(inboundEmails).where(eq(inboundEmails.id, input.id));
  const file = row?.status === "quarantined" ? row.attachments[input.index] : undefined;
  if (!file) throw new AppError("not_found");
  try {
    return { fileName: file.name, contentType: file.type, sizeBytes: file.size, sha256: file.sha256, stream: await files.openRead(file.sha256) };
  } catch (error) {
    throw new AppError("not_found", { cause: error });
  }
}
