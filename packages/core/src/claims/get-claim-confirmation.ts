import type { Actor } from "@accord/auth";
import { cases, customerAccounts, customerUsers, type Db } from "@accord/db";
import type { CaseStatus, CaseType, CustomerTier, Priority, TargetInWords } from "@accord/domain";
import { and, eq, type SQL } from "drizzle-orm";
import { requireCustomer } from "../access";
import { AppError } from "../errors";
import { slaCommitment } from "./submit-claim";

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
}: {
  db: Db;
  actor: Actor | null | undefined;
  input: { reference: string };
  now?: Date;
}): Promise<ClaimConfirmation> {
  const customer = requireCustomer(actor, "case:read");
  const scope: SQL[] = [eq(cases.reference, input.reference), eq(cases.accountId, customer.accountId)];
  if (customer.role === "member") scope.push(eq(cases.customerContactId, customer.userId));
  const [row] = await db
    .select({
      reference: cases.reference,
      type: cases.type,
      title: cases.title,
      status: cases.status,
      priority: cases.priority,
      receivedAt: cases.receivedAt,
      currency: cases.currency,
      claimedCents: cases.disputedAmountCents,
      contactEmail: customerUsers.email,
      firstResponseDueAt: cases.firstResponseDueAt,
      tier: customerAccounts.tier,
    })
    .from(cases)
    .innerJoin(customerUsers, eq(customerUsers.id, cases.customerContactId))
    .innerJoin(customerAccounts, eq(customerAccounts.id, cases.accountId))
    .where(and(...scope));
  if (!row) throw new AppError("not_found");
  const { priority, tier, ...confirmation } = row;
  const commitment = await slaCommitment(db, { priority: priority as Priority, type: row.type as CaseType, tier: tier as CustomerTier });
  return { ...confirmation, type: row.type as CaseType, status: row.status as CaseStatus, commitment };
}
