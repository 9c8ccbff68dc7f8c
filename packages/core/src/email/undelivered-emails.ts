import type { Actor } from "@accord/auth";
import { cases, emailMessages, type Db, type DbOrTx } from "@accord/db";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { requireStaff } from "../access";

const NOT_DELIVERED = ["undelivered", "failed"] as const;

/** One e-mail that did not reach its recipient, as the case page and the admins' list show it. */
export interface UndeliveredEmail {
  id: string;
  to: string[];
  subject: string;
  template: string;
  state: "undelivered" | "failed";
  /** refused, bounced, complained, suppressed; null for a failed one (the provider never answered well). */
  reason: string | null;
  error: string | null;
  at: Date | null;
}

const columns = {
  id: emailMessages.id,
  to: emailMessages.to,
  subject: emailMessages.subject,
  template: emailMessages.template,
  state: emailMessages.state,
  reason: emailMessages.undeliveredReason,
  error: emailMessages.lastError,
  at: emailMessages.undeliveredAt,
};

/** The e-mails of one case that were not delivered, newest first (the caller has checked access to the case). */
export async function undeliveredEmailsOfCase(tx: DbOrTx, caseId: string): Promise<UndeliveredEmail[]> {
  const rows = await tx
    .select(columns)
    .from(emailMessages)
    .where(and(eq(emailMessages.caseId, caseId), inArray(emailMessages.state, [...NOT_DELIVERED])))
    .orderBy(desc(emailMessages.undeliveredAt), desc(emailMessages.id));
  return rows as UndeliveredEmail[];
}

/** The list shows the latest ones; older ones stay in the outbox table. */
export const UNDELIVERED_LIST_LIMIT = 200;

/**
 * « E-mails non remis » for staff administrators (admin:settings): the latest e-mails refused, bounced,
 * complained about, suppressed or given up, newest first, with the case each was about (the partial
 * index `email_messages_undelivered_idx` serves it).
 */
export async function listUndeliveredEmails({ db, actor }: { db: Db; actor: Actor | null }) {
  requireStaff(actor, "admin:settings");
  const rows = await db
    .select({ ...columns, caseReference: cases.reference })
    .from(emailMessages)
    .leftJoin(cases, eq(cases.id, emailMessages.caseId))
    .where(inArray(emailMessages.state, [...NOT_DELIVERED]))
    .orderBy(sql`${emailMessages.undeliveredAt} desc nulls last`, desc(emailMessages.id))
    .limit(UNDELIVERED_LIST_LIMIT);
  return rows as (UndeliveredEmail & { caseReference: string | null })[];
}
