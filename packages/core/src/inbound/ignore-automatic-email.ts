import { inboundEmails, type Db } from "@accord/db";
import type { AutomaticReason } from "@accord/domain";
import { journalRow, type InboundContent } from "./inbound-content";

/**
 * Use case: an automatic message (out-of-office, auto-reply, bounce, list mail) is journalled as
 * ignored and nothing else happens: no case, no message, no e-mail (RFC 3834 § 2). Its files are not
 * kept. One transaction.
 */
export async function ignoreAutomaticEmail({
  db,
  input,
  now,
}: {
  db: Db;
  input: { content: InboundContent; reason: AutomaticReason };
  now: Date;
}): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inboundEmails)
      .values({ ...journalRow({ ...input.content, files: [] }, now), outcome: "ignored_auto_reply", status: "ignored", reason: input.reason })
      .returning({ id: inboundEmails.id });
    return { id: row!.id };
  });
}
