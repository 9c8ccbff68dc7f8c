import { hasPermission, customerActorFromUser } from "@accord/auth";
import { cases, customerAccounts, customerUsers, inboundEmails, OPEN_CASE, type InboundAttachment, type InboundStatus } from "@accord/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireStaff } from "../access";
import { AppError } from "../errors";
import type { UseCaseArgs } from "../use-case";

export const quarantinedEmailSchema = z.object({ id: z.string(), accountId: z.string().optional() });

export interface QuarantinedEmailDetail {
  id: string;
  status: InboundStatus;
  reason: string | null;
  fromAddress: string;
  fromName: string;
  toAddresses: string[];
  subject: string;
  receivedAt: Date;
  text: string;
  attachments: (InboundAttachment & { index: number })[];
  /** The account the message seems to come from, or the one the agent chose. */
  account: { id: string; name: string } | null;
  /** The case it named (when it named one). */
  namedCase: { reference: string; title: string } | null;
  /** Where it went once handled. */
  handled: { at: Date; caseReference: string | null; rejectReason: string | null } | null;
  accounts: { id: string; name: string }[];
  /** The chosen account's active users who may file, and its open cases. */
  contacts: { id: string; name: string; email: string }[];
  openCases: { reference: string; title: string }[];
}

/** One message of the quarantine with what the agent needs to place it (ADR 0036). */
export async function getQuarantinedEmail({ db, actor, input }: Omit<UseCaseArgs<z.input<typeof quarantinedEmailSchema>>, "now"> & { now?: Date }): Promise<QuarantinedEmailDetail> {
  requireStaff(actor, "inbound:triage");
  if (!z.uuid().safeParse(input.id).success) throw new AppError("not_found");
  const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.id, input.id));
  // Only what went through the quarantine is shown here (not the journal of handled claims and replies).
  if (!row || !["quarantined", "attached", "rejected"].includes(row.status)) throw new AppError("not_found");
  const accounts = await db.select({ id: customerAccounts.id, name: customerAccounts.name }).from(customerAccounts).orderBy(asc(customerAccounts.name));
  const chosenId = input.accountId && accounts.some((a) => a.id === input.accountId) ? input.accountId : row.accountId;
  const account = accounts.find((a) => a.id === chosenId) ?? null;
  const users = account
    ? await db.select().from(customerUsers).where(and(eq(customerUsers.accountId, account.id), eq(customerUsers.active, true))).orderBy(asc(customerUsers.name))
    : [];
  const contacts = users.filter((user) => hasPermission(customerActorFromUser(user), "case:create")).map((u) => ({ id: u.id, name: u.name, email: u.email }));
  const openCases = account
    ? await db
        .select({ reference: cases.reference, title: cases.title })
        .from(cases)
        .where(and(eq(cases.accountId, account.id), sql`${OPEN_CASE}`))
        .orderBy(desc(cases.receivedAt))
        .limit(200)
    : [];
  const [named] = row.caseId ? await db.select({ reference: cases.reference, title: cases.title }).from(cases).where(eq(cases.id, row.caseId)) : [];
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    fromAddress: row.fromAddress,
    fromName: row.fromName,
    toAddresses: row.toAddresses,
    subject: row.subject,
    receivedAt: row.receivedAt,
    text: row.text,
    attachments: row.attachments.map((a, index) => ({ ...a, index })),
    account,
    namedCase: row.status === "quarantined" ? (named ?? null) : null,
    handled: row.handledAt ? { at: row.handledAt, caseReference: row.status === "attached" ? (named?.reference ?? null) : null, rejectReason: row.rejectReason } : null,
    accounts,
    contacts,
    openCases,
  };
}
