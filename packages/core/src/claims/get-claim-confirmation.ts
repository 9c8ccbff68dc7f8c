import type { Actor } from "@accord/auth";
import { cases, customerUsers, type Db } from "@accord/db";
import { describeTarget, type CaseStatus, type CaseType, type TargetInWords } from "@accord/domain";
import { and, eq, type SQL } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";
import { caseSlaStatus } from "../sla/case-sla";

export interface ClaimConfirmation {
  reference: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
  receivedAt: Date;
  currency: string;
  claimedCents: number;
  /** Where the acknowledgement e-mail went. */
  contactEmail: string;
  firstResponseDueAt: Date | null;
  commitment: { firstResponse: TargetInWords; resolution: TargetInWords } | null;
}

/**
 * The confirmation page after filing: the reference, the commitment in plain words and its
 * deadline. A member sees only the cases they are the contact of, an admin or viewer the account's;
 * anything else is `not_found`.
 */
export async function getClaimConfirmation({
  db,
  actor,
  input,
  now,
}: {
  db: Db;
  actor: Actor | null | undefined;
  input: { reference: string };
  now?: Date;
}): Promise<ClaimConfirmation> {
  const at = now ?? new Date();
  const customer = requireCustomer(actor, "case:read");
  const scope: SQL[] = [eq(cases.reference, input.reference), eq(cases.accountId, customer.accountId)];
  if (customer.role === "member") scope.push(eq(cases.customerContactId, customer.userId));
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      type: cases.type,
      title: cases.title,
      status: cases.status,
      receivedAt: cases.receivedAt,
      currency: cases.currency,
      claimedCents: cases.disputedAmountCents,
      contactEmail: customerUsers.email,
      firstResponseDueAt: cases.firstResponseDueAt,
    })
    .from(cases)
    .innerJoin(customerUsers, eq(customerUsers.id, cases.customerContactId))
    .where(and(...scope));
  if (!row) throw new AppError("not_found");
  const { id, ...confirmation } = row;
  // The policy the case runs under (stored at filing), in plain words.
  const verdict = await caseSlaStatus(db, id, at);
  const commitment = verdict
    ? { firstResponse: describeTarget(verdict.policy.firstResponseMinutes, verdict.policy.calendar), resolution: describeTarget(verdict.policy.resolutionMinutes, verdict.policy.calendar) }
    : null;
  return { ...confirmation, type: row.type as CaseType, status: row.status as CaseStatus, commitment };
}
