import { loadCustomerActor } from "@accord/auth";
import { cases, customerAccounts, inboundEmails, invoices, type Db, type Language, type Tx } from "@accord/db";
import { impactScore, localDate, type CaseType } from "@accord/domain";
import { and, eq, sql } from "drizzle-orm";
import { requireCustomer } from "../access";
import { actorRef, type ActorRef } from "../audit/actor-ref";
import { appendCaseEvents } from "../audit/append-case-events";
import { resolveReasonCode } from "../channels/resolve-reason-code";
import { CLAIM_LIMITS } from "../claims/schemas";
import { commitmentOf } from "../claims/submit-claim";
import { loadEmailSender, queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { newCaseSla } from "../sla/case-sla";
import { journalRow, type InboundContent } from "./inbound-content";
import { insertInboundEvidence, referenceInboundFiles, type StagedInboundFile } from "./inbound-files";

const PARIS = "Europe/Paris";

/** The customer user a claim by e-mail is filed as (the sender, or the contact an agent chose). */
export interface EmailClaimContact {
  id: string;
  accountId: string;
  email: string;
  name: string;
  language: Language;
}

export type EmailClaimContent = Pick<InboundContent, "subject" | "text" | "from" | "messageId" | "files">;

/** A subject tag such as "[RQ-01]" or "[QUALITE]": a company's own reason code, perhaps. */
const TAG = /\[([A-Za-z0-9][A-Za-z0-9_.-]{0,39})\]/g;

/**
 * Files a claim from an e-mail in the caller's transaction (ADR 0036): a case without invoice lines
 * (an e-mail names none; the agent qualifies it), channel "email", type from a reason code tagged in
 * the subject ("[RQ-01] …", the account's mapping then the administration's) else "other", disputed
 * amount 0 until qualification, the account's invoice numbers the message names kept in the details;
 * the files as public evidence; the same first events, SLA and acknowledgement as a portal claim.
 * The attachments' references must already be held (they move to the evidence rows).
 */
export async function fileEmailClaim(
  tx: Tx,
  options: { contact: EmailClaimContact; content: EmailClaimContent; actor: ActorRef; now: Date; portalUrl: string },
): Promise<{ caseId: string; reference: string }> {
  const { contact, content, now } = options;
  const [account] = await tx
    .select({ tier: customerAccounts.tier, clauses: customerAccounts.clauses })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, contact.accountId));
  if (!account) throw new AppError("not_found");

  let type: CaseType = "other";
  let reasonCode: string | null = null;
  let title = content.subject;
  for (const match of content.subject.matchAll(TAG)) {
    const resolved = await resolveReasonCode(tx, contact.accountId, match[1]!);
    if (resolved) {
      type = resolved.caseType;
      reasonCode = match[1]!.toUpperCase();
      title = content.subject.replace(match[0], " ").replace(/\s+/g, " ").trim();
      break;
    }
  }
  title = oneLine(title).slice(0, CLAIM_LIMITS.title) || oneLine(content.text).slice(0, 80) || (contact.language === "en" ? "Claim by e-mail" : "Réclamation par e-mail");
  const description = content.text.slice(0, CLAIM_LIMITS.description);
  const invoiceNumbers = await invoicesNamed(tx, contact.accountId, `${content.subject}\n${content.text}`);

  const impact = impactScore({
    disputedCents: 0,
    yearlyRevenueCents: null,
    penaltyClause: account.clauses.penalty?.applies === true,
    tier: account.tier,
    recurrenceCount: 0,
  });
  // Every read before the year's reference counter, whose row stays locked to commit (ADR 0049).
  const sla = await newCaseSla(tx, { priority: impact.priority, type, tier: account.tier }, now, now);
  const commitment = sla ? commitmentOf(sla.policy) : null;
  const sender = await loadEmailSender(tx, null); // a new case has no agent yet
  const year = Number(localDate(now, PARIS).slice(0, 4));
  const [next] = await tx.execute<{ reference: string }>(sql`select accord_next_case_reference(${year}) as reference`);
  const reference = next!.reference;
  const details = { invoiceNumbers, ...(reasonCode ? { reasonCode } : {}) };
  const [row] = await tx
    .insert(cases)
    .values({
      ...sla?.columns,
      reference,
      accountId: contact.accountId,
      customerContactId: contact.id,
      kind: "claim",
      type,
      status: "received",
      priority: impact.priority,
      channel: "email",
      title,
      description,
      desiredOutcome: null,
      details,
      impactScore: impact.score,
      currency: "EUR",
      disputedAmountCents: 0,
      receivedAt: now,
      lastActivityAt: now,
      lastStaffActivityAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: cases.id });
  const caseId = row!.id;
  const files = await insertInboundEvidence(tx, { caseId, messageId: null, files: content.files, uploaderId: contact.id, now });

  await appendCaseEvents(tx, {
    caseId,
    actor: options.actor,
    at: now,
    events: [
      {
        type: "case_received",
        visibility: "public",
        payload: {
          reference,
          type,
          channel: "email",
          lines: [],
          amount: { computedCents: 0, claimedCents: 0, vatCents: 0, claimedInclVatCents: 0, currency: "EUR" },
          warnings: [],
          files: files.map((file) => ({ id: file.id, fileName: file.fileName })),
          email: { from: content.from, subject: content.subject, messageId: content.messageId, invoiceNumbers, reasonCode },
        },
      },
      {
        type: "impact_scored",
        visibility: "internal",
        payload: {
          score: impact.score,
          priority: impact.priority,
          factors: impact.factors.map((f) => ({ factor: f.factor, weight: f.weight, points: String(f.points), detail: canonicalDetail(f.detail) })),
        },
      },
    ],
  });
  await queueEmail(tx, {
    to: contact.email,
    template: "claim-acknowledged",
    language: contact.language,
    props: {
      name: contact.name,
      reference,
      type,
      title,
      lines: [],
      claimedCents: 0,
      vatCents: 0,
      currency: "EUR",
      fileCount: files.length,
      firstResponse: commitment?.firstResponse ?? null,
      resolution: commitment?.resolution ?? null,
      caseUrl: `${options.portalUrl.replace(/\/+$/, "")}/cases/${reference}`,
    },
    idempotencyKey: `claim-acknowledged:${caseId}`,
    caseId,
    now,
    sender,
  });
  return { caseId, reference };
}

function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, " ").replace(/\s+/g, " ").trim();
}

function canonicalDetail(detail: Readonly<Record<string, string | number | boolean | null>>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, typeof v === "number" && !Number.isSafeInteger(v) ? String(v) : v]));
}

/** The account's invoice numbers that the text names (scoped by the account), at most 20. */
async function invoicesNamed(tx: Tx, accountId: string, text: string): Promise<string[]> {
  const rows = await tx
    .select({ number: invoices.number })
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), sql`strpos(upper(${text}), upper(${invoices.number})) > 0`))
    .orderBy(invoices.number)
    .limit(20);
  return rows.map((row) => row.number);
}

/**
 * Use case: a known sender's e-mail opens a claim as that sender (channel "email"), journalled as
 * `claim_opened`, in one transaction. The route authenticated the channel (its secret); the sender's
 * role must allow filing (`case:create`), checked again here on the stored user.
 */
export async function openClaimFromEmail({
  db,
  input,
  now,
  portalUrl,
}: {
  db: Db;
  input: { senderId: string; content: InboundContent; files: readonly StagedInboundFile[] };
  now: Date;
  portalUrl: string;
}): Promise<{ caseId: string; reference: string }> {
  return db.transaction(async (tx) => {
    await referenceInboundFiles(tx, input.files, now);
    const actor = await loadCustomerActor(tx, input.senderId);
    const customer = requireCustomer(actor, "case:create");
    const contact = { id: customer.userId, accountId: customer.accountId, email: customer.email, name: customer.name, language: customer.language };
    const filed = await fileEmailClaim(tx, { contact, content: input.content, actor: actorRef(customer), now, portalUrl });
    await tx.insert(inboundEmails).values({
      ...journalRow(input.content, now),
      outcome: "claim_opened",
      status: "handled",
      caseId: filed.caseId,
      accountId: contact.accountId,
      customerUserId: contact.id,
    });
    return filed;
  });
}
