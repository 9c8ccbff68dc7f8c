import { inboundEmails, type Db } from "@accord/db";
import type { QuarantineReason } from "@accord/domain";
import { journalRow, type InboundContent } from "./inbound-content";
import { referenceInboundFiles, type StagedInboundFile } from "./inbound-files";

/**
 * Use case: an e-mail that cannot be trusted or placed waits in the quarantine for an agent (ADR 0036),
 * with its reason, the case it named and the account it seems to come from; its files are kept (the
 * row holds a reference on each stored content). One transaction.
 */
export async function quarantineInboundEmail({
  db,
  input,
  now,
}: {
  db: Db;
  input: { content: InboundContent; files: readonly StagedInboundFile[]; reason: QuarantineReason; caseId: string | null; accountId: string | null };
  now: Date;
}): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await referenceInboundFiles(tx, input.files, now);
    const [row] = await tx
      .insert(inboundEmails)
      .values({ ...journalRow(input.content, now), outcome: "quarantined", status: "quarantined", reason: input.reason, caseId: input.caseId, accountId: input.accountId })
      .returning({ id: inboundEmails.id });
    return { id: row!.id };
  });
}
