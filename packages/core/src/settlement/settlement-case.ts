/**
 * Shared steps of the settlement's use cases (proposal, approval, answer, decision). Not use cases
 * themselves: every caller checks its own access first and runs these inside its transaction.
 */
import { caseLines, cases, customerAccounts, customerUsers, invoiceLines, invoices, invoiceSettlements, proposals, settings, staffUsers, type Tx } from "@accord/db";
import {
  allocate,
  localDate,
  money,
  proposalVat,
  resolveDisputedInvoice,
  sha256Hex,
  transition,
  vatOf,
  type ApprovalLevel,
  type ApprovalThresholds,
  type CaseKind,
  type CaseStatus,
  type IsoDate,
  type Outcome,
  type PaymentTerm,
  type ProposalKind,
} from "@accord/domain";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { loadSupplierIdentity } from "../admin/get-supplier-identity";
import type { ActorRef } from "../audit/actor-ref";
import { appendCaseEvents, type NewCaseEvent } from "../audit/append-case-events";
import { queueEmail } from "../email/queue-email";
import { AppError } from "../errors";
import { markFirstResponse } from "../instruction/staff-case";
import { refreshCaseSla } from "../sla/case-sla";
import { proposalText } from "./proposal-text";

export const PARIS = "Europe/Paris";
export type ProposalRow = typeof proposals.$inferSelect;
type CaseRow = Pick<typeof cases.$inferSelect, "id" | "reference" | "status" | "kind" | "accountId" | "customerContactId" | "currency" | "disputedAmountCents">;

const trimSlash = (url: string) => url.replace(/\/+$/, "");
export const portalCaseUrl = (portalUrl: string, reference: string) => `${trimSlash(portalUrl)}/cases/${reference}`;
export const portalProposalUrl = (portalUrl: string, reference: string) => `${portalCaseUrl(portalUrl, reference)}/proposal`;
export const backofficeCaseUrl = (backofficeUrl: string, reference: string) => `${trimSlash(backofficeUrl)}/cases/${reference}`;

/** The approval thresholds in force (the migration seeds them; none means nothing needs approval). */
export async function loadApprovalThresholds(tx: Tx): Promise<ApprovalThresholds> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, "approval_thresholds"));
  const value = row?.value as ApprovalThresholds | undefined;
  return value?.default ? value : { default: { supervisorAboveCents: Number.MAX_SAFE_INTEGER, financeAboveCents: Number.MAX_SAFE_INTEGER } };
}

/** The contested lines of a case with their VAT rate (for the VAT of a proposal). */
export async function contestedLines(tx: Tx, caseId: string) {
  return tx
    .select({
      invoiceId: caseLines.invoiceId,
      invoiceNumber: invoices.number,
      disputedCents: caseLines.disputedAmountCents,
      vatRateBp: invoiceLines.vatRateBp,
    })
    .from(caseLines)
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .innerJoin(invoices, eq(invoices.id, caseLines.invoiceId))
    .where(eq(caseLines.caseId, caseId))
    .orderBy(asc(invoices.number), asc(invoiceLines.lineNo));
}

/** The VAT of `amountCents` over the case's contested lines. */
export async function vatForCase(tx: Tx, caseId: string, amountCents: number): Promise<number> {
  return proposalVat(amountCents, await contestedLines(tx, caseId));
}

/** The next proposal number of a case (the case row is locked by the caller). */
export async function nextProposalNumber(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx.select({ last: sql<number>`coalesce(max(${proposals.number}), 0)::int` }).from(proposals).where(eq(proposals.caseId, caseId));
  return (row?.last ?? 0) + 1;
}

/** A proposal of this case, locked, or not_found. */
export async function findProposal(tx: Tx, caseId: string, proposalId: string): Promise<ProposalRow> {
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.caseId, caseId)))
    .for("update");
  if (!row) throw new AppError("not_found", { messageKey: "proposal.error.proposal_unknown" });
  return row;
}

/** Active staff holding one of the approval levels' roles (never the author): who to tell that a proposal waits. */
export async function approversFor(tx: Tx, levels: readonly ApprovalLevel[], authorId: string | null) {
  if (levels.length === 0) return [];
  const rows = await tx
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language, roles: staffUsers.roles })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`${staffUsers.roles} && ${sql.raw(`array[${levels.map((level) => `'${level}'`).join(", ")}]::text[]`)}`, authorId ? ne(staffUsers.id, authorId) : undefined))
    .orderBy(asc(staffUsers.email));
  return rows.map((row) => ({ ...row, levels: levels.filter((level) => row.roles.includes(level)) }));
}

/** The case's customer contact and account names (e-mails, the frozen text). */
export async function caseParties(tx: Tx, row: CaseRow) {
  const [contact] = await tx
    .select({ id: customerUsers.id, email: customerUsers.email, name: customerUsers.name, language: customerUsers.language, accountName: customerAccounts.name })
    .from(customerUsers)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerUsers.accountId))
    .where(eq(customerUsers.id, row.customerContactId));
  if (!contact) throw new AppError("not_found");
  const supplier = await loadSupplierIdentity(tx);
  // The agreement names the supplier by its legal identity: no proposal goes out before « Notre société » is filled in.
  if (!supplier) throw new AppError("conflict", { messageKey: "proposal.error.supplier_identity_missing" });
  return { contact, supplierName: supplier.legalName };
}

/**
 * Puts a proposal before the customer: the lifecycle's `offer_proposal` (the case negotiates; its SLA
 * clock pauses), any other offered proposal superseded, the text frozen in the customer's language with
 * its SHA-256, a public event, the first response recorded, and the e-mail with its link.
 * Permission was checked by the caller (the author, or the approver whose approval completes it).
 */
export async function offerProposal(tx: Tx, options: { row: CaseRow; proposal: ProposalRow; actor: ActorRef; now: Date; portalUrl: string }) {
  const { row, proposal, now } = options;
  if (proposal.expiresOn && proposal.expiresOn <= localDate(now, PARIS)) {
    throw new AppError("validation", { messageKey: "proposal.error.expiry_not_in_future", fieldErrors: { expiresOn: ["proposal.error.expiry_not_in_future"] } });
  }
  const result = transition(
    { status: row.status as CaseStatus, kind: row.kind as CaseKind, reference: row.reference },
    { type: "offer_proposal", proposalId: proposal.id, approvalsComplete: true },
    { at: now },
  );
  if (!result.ok) throw AppError.fromDomain(result.error);
  const superseded = await tx
    .update(proposals)
    .set({ status: "superseded", updatedAt: now })
    .where(and(eq(proposals.caseId, row.id), eq(proposals.status, "offered")))
    .returning({ id: proposals.id, number: proposals.number });
  const { contact, supplierName } = await caseParties(tx, row);
  const text = proposalText(
    {
      reference: row.reference,
      number: proposal.number,
      kind: proposal.kind,
      amountCents: proposal.amountCents,
      vatCents: proposal.vatCents,
      currency: proposal.currency,
      terms: proposal.terms,
      concessions: proposal.concessions ?? null,
      expiresOn: proposal.expiresOn as IsoDate | null,
      supplierName,
      customerName: contact.accountName,
    },
    contact.language,
  );
  const textSha256 = sha256Hex(text);
  await tx
    .update(proposals)
    .set({ status: "offered", offeredAt: now, offeredLanguage: contact.language, offeredText: text, offeredTextSha256: textSha256, updatedAt: now })
    .where(eq(proposals.id, proposal.id));
  await tx.update(cases).set({ status: result.state.status, updatedAt: now }).where(eq(cases.id, row.id));
  await markFirstResponse(tx, row.id, now);
  const events: NewCaseEvent[] = [
    ...superseded.map((old) => ({ type: "proposal_superseded", visibility: "public" as const, payload: { proposalId: old.id, number: old.number, by: proposal.number } })),
    ...result.events.map((event) => ({
      type: event.type,
      visibility: "public" as const,
      payload: {
        from: event.from,
        to: event.to,
        proposalId: proposal.id,
        number: proposal.number,
        kind: proposal.kind,
        amountCents: proposal.amountCents,
        textSha256,
        // A proposal written from mediation says so in the chain.
        ...(proposal.mediationId ? { mediationId: proposal.mediationId } : {}),
      },
    })),
  ];
  await appendCaseEvents(tx, { caseId: row.id, actor: options.actor, at: now, events });
  await refreshCaseSla(tx, row.id, now);
  await queueEmail(tx, {
    to: contact.email,
    template: "proposal-offered",
    language: contact.language,
    props: {
      name: contact.name,
      reference: row.reference,
      proposalNumber: proposal.number,
      kind: proposal.kind as ProposalKind,
      amountExclVatCents: proposal.amountCents,
      vatCents: proposal.vatCents,
      currency: proposal.currency,
      expiresOn: proposal.expiresOn ?? "",
      terms: proposal.terms,
      concessions: proposal.concessions ?? null,
      proposalUrl: portalProposalUrl(options.portalUrl, row.reference),
    },
    idempotencyKey: `proposal-offered:${proposal.id}`,
    caseId: row.id,
    now,
  });
  return { textSha256, status: result.state.status };
}

export interface InvoiceDueDates {
  invoiceNumber: string;
  undisputedCents: number;
  undisputedDueDate: string;
  remainderCents: number;
  remainderDueDate: string;
}

/**
 * What a resolution does to each disputed invoice (PRODUCT.md §5): the credit (excl. VAT) is spread over
 * the invoices in proportion to what each disputes; amounts are taken VAT included, as they fall due;
 * the undisputed part keeps its date, the rest is due after the contractual term counted from the
 * resolution date. Written once per case and invoice.
 */
export async function settleInvoices(tx: Tx, options: { caseId: string; creditedCents: number; resolvedOn: IsoDate }): Promise<InvoiceDueDates[]> {
  const lines = await tx
    .select({
      invoiceId: caseLines.invoiceId,
      disputedCents: caseLines.disputedAmountCents,
      vatRateBp: invoiceLines.vatRateBp,
    })
    .from(caseLines)
    .innerJoin(invoiceLines, eq(invoiceLines.id, caseLines.invoiceLineId))
    .where(eq(caseLines.caseId, options.caseId));
  if (lines.length === 0) return [];
  const invoiceIds = [...new Set(lines.map((line) => line.invoiceId))];
  const invoiceRows = await tx.select().from(invoices).where(inArray(invoices.id, invoiceIds)).orderBy(asc(invoices.number));
  const perInvoice = invoiceRows.map((invoice) => {
    const own = lines.filter((line) => line.invoiceId === invoice.id);
    return { invoice, own, disputedExcl: own.reduce((sum, line) => sum + line.disputedCents, 0) };
  });
  const weights = perInvoice.map((entry) => entry.disputedExcl);
  const credits = weights.some((weight) => weight > 0) ? allocate(money(options.creditedCents), weights).map((share) => share.cents) : perInvoice.map(() => 0);
  const result: InvoiceDueDates[] = [];
  for (const [index, { invoice, own, disputedExcl }] of perInvoice.entries()) {
    const disputedIncl = Math.min(
      invoice.totalInclTaxCents,
      disputedExcl + own.reduce((sum, line) => sum + vatOf(line.disputedCents, line.vatRateBp), 0),
    );
    const creditedExcl = Math.min(credits[index] ?? 0, disputedExcl);
    const creditedIncl = Math.min(disputedIncl, creditedExcl + proposalVat(creditedExcl, own));
    const split = resolveDisputedInvoice({
      invoiceAmountCents: invoice.totalInclTaxCents,
      disputedCents: disputedIncl,
      creditedCents: creditedIncl,
      originalDueDate: invoice.dueDate as IsoDate,
      resolutionDate: options.resolvedOn,
      term: invoice.paymentTerm as PaymentTerm,
    });
    await tx
      .insert(invoiceSettlements)
      .values({
        caseId: options.caseId,
        invoiceId: invoice.id,
        disputedCents: disputedIncl,
        creditedCents: creditedIncl,
        undisputedCents: split.undisputed.amountCents,
        undisputedDueDate: split.undisputed.dueDate,
        remainderCents: split.disputedRemainder.amountCents,
        remainderDueDate: split.disputedRemainder.dueDate,
        resolvedOn: options.resolvedOn,
      })
      .onConflictDoNothing();
    result.push({
      invoiceNumber: invoice.number,
      undisputedCents: split.undisputed.amountCents,
      undisputedDueDate: split.undisputed.dueDate,
      remainderCents: split.disputedRemainder.amountCents,
      remainderDueDate: split.disputedRemainder.dueDate,
    });
  }
  return result;
}

/** Staff to tell about the customer's answer: the case's assignee and the proposal's author. */
export async function proposalWatchers(tx: Tx, options: { assigneeId: string | null; authorStaffId: string | null }) {
  const ids = [...new Set([options.assigneeId, options.authorStaffId].filter((id): id is string => id !== null))];
  if (ids.length === 0) return [];
  return tx
    .select({ id: staffUsers.id, email: staffUsers.email, name: staffUsers.name, language: staffUsers.language })
    .from(staffUsers)
    .where(and(inArray(staffUsers.id, ids), eq(staffUsers.active, true)));
}

/** Each invoice's due dates after the case's resolution (as settleInvoices wrote them), by invoice number. */
export async function invoiceDueDatesOf(tx: Tx, caseId: string) {
  return tx
    .select({
      invoiceNumber: invoices.number,
      originalDueDate: invoices.dueDate,
      disputedCents: invoiceSettlements.disputedCents,
      creditedCents: invoiceSettlements.creditedCents,
      undisputedCents: invoiceSettlements.undisputedCents,
      undisputedDueDate: invoiceSettlements.undisputedDueDate,
      remainderCents: invoiceSettlements.remainderCents,
      remainderDueDate: invoiceSettlements.remainderDueDate,
    })
    .from(invoiceSettlements)
    .innerJoin(invoices, eq(invoices.id, invoiceSettlements.invoiceId))
    .where(eq(invoiceSettlements.caseId, caseId))
    .orderBy(asc(invoices.number));
}

/**
 * The resolution e-mail to the case's contact (decision, amounts, new due dates, the public rationale),
 * once per case whichever step sends it first.
 */
export async function queueResolutionEmail(
  tx: Tx,
  options: {
    row: CaseRow;
    decision: { outcome: Outcome; grantedCents: number; penaltiesCents: number; publicRationale: string | null; creditNoteNumber: string | null };
    newDueDates: readonly InvoiceDueDates[];
    portalUrl: string;
    now: Date;
  },
) {
  const { row, decision } = options;
  const { contact } = await caseParties(tx, row);
  await queueEmail(tx, {
    to: contact.email,
    template: "case-resolved",
    language: contact.language,
    props: {
      name: contact.name,
      reference: row.reference,
      outcome: decision.outcome,
      grantedCents: decision.grantedCents,
      penaltiesCents: decision.penaltiesCents,
      currency: row.currency,
      publicRationale: decision.publicRationale,
      creditNoteNumber: decision.creditNoteNumber,
      newDueDates: options.newDueDates.map(({ invoiceNumber, undisputedCents, undisputedDueDate, remainderCents, remainderDueDate }) => ({
        invoiceNumber,
        undisputedCents,
        undisputedDueDate,
        remainderCents,
        remainderDueDate,
      })),
      caseUrl: portalCaseUrl(options.portalUrl, row.reference),
    },
    idempotencyKey: `case-resolved:${row.id}`,
    caseId: row.id,
    now: options.now,
  });
}
