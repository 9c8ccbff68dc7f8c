import type { Actor } from "@accord/auth";
import { caseLines, cases, invoices, type DbOrTx, type Tx } from "@accord/db";
import { addDays, describeTarget, impactScore, localDate, type CaseType, type CustomerTier, type TargetInWords } from "@accord/domain";
import { and, eq, gt, sql } from "drizzle-orm";
import { actorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { loadEmailSender, queueEmail } from "../email/queue-email";
import { attachStagedUploads } from "../files/attach-staged-uploads";
import { newCaseSla, selectPolicyFor, type SlaPolicyWithCalendar } from "../sla/case-sla";
import { resolveFiler } from "./filer";
import { prepareClaim } from "./prepare-claim";
import { claimDetails, type ClaimFormInput, type StaffClaimFormInput } from "./schemas";

const PARIS = "Europe/Paris";

export interface SubmitClaimOptions {
  /** Anything that can start a transaction: the app's db (or, for the demo seed, its transaction). */
  db: DbOrTx;
  /** A customer with `case:create` (portal), or staff with `case:create` filing on behalf (phone). */
  actor: Actor | null | undefined;
  /** The claim form's values; staff also give `accountId` and `customerContactId`. */
  input: ClaimFormInput | StaffClaimFormInput;
  now: Date;
  /** Public base URL of the portal, for the link in the acknowledgement e-mail. */
  portalUrl: string;
  /**
   * How a customer's claim arrived (default "portal"): "api" (a company's API key acting as its
   * user), "email" (inbound e-mail from a known sender), "csv" (portal import). Staff filing on
   * behalf is always "phone"; giving a channel with a staff actor is a programming error.
   */
  channel?: CustomerChannel;
}

/** The channels through which a customer user files a claim themselves. */
export type CustomerChannel = "portal" | "api" | "email" | "csv";

/**
 * Files a claim in one transaction: the case (status received, reference LIT-YYYY-NNNNNN with the
 * year in Europe/Paris, the filer — or the contact staff named — as customer contact, priority from
 * the impact score), its invoice lines with their amounts from the domain, its evidence (the filer's
 * staged uploads, shared with the customer), its first event `case_received`, its SLA deadlines, and
 * the acknowledgement e-mail in the contact's language. A refusal writes nothing.
 */
export async function submitClaim({ db, actor, input, now, portalUrl, channel }: SubmitClaimOptions): Promise<{ reference: string; caseId: string; replayed: boolean }> {
  return db.transaction(async (tx) => {
    const filer = await resolveFiler(tx, actor, input, channel);
    const claim = filer.input;
    if (claim.submissionKey !== undefined) {
      const earlier = await caseFiledWith(tx, filer.accountId, claim.submissionKey);
      if (earlier) return { ...earlier, replayed: true };
    }
    const prepared = await prepareClaim(tx, { accountId: filer.accountId, input: claim, now });
    const impact = impactScore({
      disputedCents: prepared.amount.claimedCents,
      yearlyRevenueCents: await yearlyRevenue(tx, filer.accountId, now),
      penaltyClause: prepared.account.clauses.penalty?.applies === true,
      tier: prepared.account.tier,
      recurrenceCount: 0,
    });

    // Every read and all Node work before the year's reference counter: its row stays locked from
    // `accord_next_case_reference` to commit, so only the writes follow it (ADR 0049).
    const sla = await newCaseSla(tx, { priority: impact.priority, type: claim.type, tier: prepared.account.tier }, now, now);
    const commitment = sla ? commitmentOf(sla.policy) : null;
    const sender = await loadEmailSender(tx, null); // a new case has no agent yet

    const year = Number(localDate(now, PARIS).slice(0, 4));
    const [next] = await tx.execute<{ reference: string }>(sql`select accord_next_case_reference(${year}) as reference`);
    const reference = next!.reference;
    const [row] = await tx
      .insert(cases)
      .values({
        ...sla?.columns,
        reference,
        accountId: filer.accountId,
        customerContactId: filer.contact.id,
        kind: "claim",
        type: claim.type,
        status: "received",
        priority: impact.priority,
        channel: filer.channel,
        title: claim.title,
        description: claim.description,
        desiredOutcome: claim.desiredOutcome,
        details: claimDetails(claim),
        impactScore: impact.score,
        submissionKey: claim.submissionKey ?? null,
        currency: prepared.currency,
        disputedAmountCents: prepared.amount.claimedCents,
        receivedAt: now,
        lastActivityAt: now,
        lastStaffActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    const caseId = row!.id;

    await tx.insert(caseLines).values(
      prepared.lines.map((line) => ({
        caseId,
        invoiceId: line.invoiceId,
        invoiceLineId: line.invoiceLineId,
        contestedQuantityMilli: line.contestedQuantityMilli,
        contestedUnitPriceCents: line.contestedUnitPriceCents,
        computedAmountCents: line.computedCents,
        disputedAmountCents: line.claimedCents,
        createdAt: now,
      })),
    );

    const files = await attachStagedUploads(tx, {
      uploadIds: claim.uploadIds,
      uploader: { kind: actorRef(actor!).kind, id: actor!.userId },
      caseId,
      visibility: "public",
      now,
      field: "uploadIds",
    });

    await appendCaseEvents(tx, {
      caseId,
      actor: actorRef(actor!),
      at: now,
      events: [
        {
          type: "case_received",
          visibility: "public",
          payload: {
            reference,
            type: claim.type,
            channel: filer.channel,
            lines: prepared.lines.map((line) => ({
              invoiceLineId: line.invoiceLineId,
              invoiceNumber: line.invoiceNumber,
              lineNo: line.lineNo,
              contestedQuantityMilli: line.contestedQuantityMilli,
              contestedUnitPriceCents: line.contestedUnitPriceCents,
              computedCents: line.computedCents,
              claimedCents: line.claimedCents,
            })),
            amount: { ...prepared.amount, currency: prepared.currency },
            warnings: prepared.warnings,
            files: files.map((file) => ({ id: file.id, fileName: file.fileName })),
          },
        },
        {
          // Why this priority: staff see it at qualification; the customer does not.
          type: "impact_scored",
          visibility: "internal",
          payload: {
            score: impact.score,
            priority: impact.priority,
            // The chain's canonical JSON holds integers only: decimals travel as strings.
            factors: impact.factors.map((f) => ({ factor: f.factor, weight: f.weight, points: String(f.points), detail: canonicalDetail(f.detail) })),
          },
        },
      ],
    });

    await queueEmail(tx, {
      to: filer.contact.email,
      template: "claim-acknowledged",
      language: filer.contact.language,
      props: {
        name: filer.contact.name,
        reference,
        type: claim.type,
        title: claim.title,
        lines: prepared.lines.map((line) => ({ invoiceNumber: line.invoiceNumber, description: line.description })),
        claimedCents: prepared.amount.claimedCents,
        vatCents: prepared.amount.vatCents,
        currency: prepared.currency,
        fileCount: files.length,
        firstResponse: commitment?.firstResponse ?? null,
        resolution: commitment?.resolution ?? null,
        caseUrl: `${portalUrl.replace(/\/+$/, "")}/cases/${reference}`,
      },
      idempotencyKey: `claim-acknowledged:${caseId}`,
      caseId,
      now,
      sender,
    });
    return { reference, caseId, replayed: false };
  });
}

function canonicalDetail(detail: Readonly<Record<string, string | number | boolean | null>>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, typeof v === "number" && !Number.isSafeInteger(v) ? String(v) : v]));
}

/** The account's revenue excluding VAT over the twelve months before `now`, from its invoices. */
async function yearlyRevenue(tx: Tx, accountId: string, now: Date): Promise<number> {
  const since = addDays(localDate(now, PARIS), -365);
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${invoices.totalExclTaxCents}), 0)` })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), gt(invoices.issueDate, since)));
  return Number(row?.total ?? 0);
}

/** The SLA commitment of a case profile in plain words (null without a policy). */
export async function slaCommitment(
  db: DbOrTx,
  profile: { priority: "P1" | "P2" | "P3" | "P4"; type: CaseType; tier: CustomerTier },
): Promise<{ firstResponse: TargetInWords; resolution: TargetInWords } | null> {
  const policy = await selectPolicyFor(db, profile);
  return policy ? commitmentOf(policy) : null;
}

/** A policy's targets in plain words, as the acknowledgement states them. */
export function commitmentOf(policy: Pick<SlaPolicyWithCalendar, "firstResponseMinutes" | "resolutionMinutes" | "calendar">): { firstResponse: TargetInWords; resolution: TargetInWords } {
  return {
    firstResponse: describeTarget(policy.firstResponseMinutes, policy.calendar),
    resolution: describeTarget(policy.resolutionMinutes, policy.calendar),
  };
}

/**
 * The case a form's one-time key already filed for this account, if any. Two posts of the same form at
 * once queue on a transaction-level lock of that key: the second finds the first's case once it commits.
 */
async function caseFiledWith(tx: Tx, accountId: string, submissionKey: string): Promise<{ reference: string; caseId: string } | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`claim-submission:${accountId}:${submissionKey}`}, 0))`);
  const [earlier] = await tx
    .select({ reference: cases.reference, caseId: cases.id })
    .from(cases)
    .where(and(eq(cases.accountId, accountId), eq(cases.submissionKey, submissionKey)))
    .limit(1);
  return earlier ?? null;
}
