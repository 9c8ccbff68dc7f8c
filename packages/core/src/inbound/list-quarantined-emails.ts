import { customerAccounts, inboundEmails } from "@accord/db";
import { desc, eq } from "drizzle-orm";
import { requireStaff } from "../access";
import type { UseCaseArgs } from "../use-case";

export interface QuarantinedEmailSummary {
  id: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  receivedAt: Date;
  reason: string | null;
  attachmentCount: number;
  accountName: string | null;
}

/** The quarantine (ADR 0036): messages waiting for an agent, newest first (at most 200). */
export async function listQuarantinedEmails({ db, actor }: Omit<UseCaseArgs<unknown>, "input" | "now"> & { input?: unknown; now?: Date }): Promise<QuarantinedEmailSummary[]> {
  requireStaff(actor, "inbound:triage");
  const rows = await db
    .select({
      id: inboundEmails.id,
      fromAddress: inboundEmails.fromAddress,
      fromName: inboundEmails.fromName,
      subject: inboundEmails.subject,
      receivedAt: inboundEmails.receivedAt,
      reason: inboundEmails.reason,
      attachments: inboundEmails.attachments,
      accountName: customerAccounts.name,
    })
    .from(inboundEmails)
    .leftJoin(customerAccounts, eq(customerAccounts.id, inboundEmails.accountId))
    .where(eq(inboundEmails.status, "quarantined"))
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(200);
  return rows.map(({ attachments, ...row }) => ({ ...row, attachmentCount: attachments.length }));
}
