/**
 * The API's own JSON schemas (ADR 0034): money in integer cents (`…Cents`), quantities as JSON
 * numbers (up to 3 decimals), instants and days in ISO 8601. They generate the OpenAPI document and
 * are mapped onto the use cases' inputs (the portal form's types), so one use case serves both.
 */
import { CASE_STATUSES, CASE_TYPES, STATUS_GROUPS } from "@accord/domain";
import { z } from "zod";
import "zod-openapi";

export const DESIRED_OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;

export const referenceParam = z.object({
  reference: z.string().max(40).meta({ description: "Case reference", example: "LIT-2026-000042", param: { description: "The case reference (LIT-YYYY-NNNNNN)" } }),
});

const cents = (description: string) => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).meta({ description, example: 1250 });

export const claimLineInput = z
  .strictObject({
    invoiceLineId: z.uuid().optional().meta({ description: "The invoice line's id (from GET /invoices); or give invoiceNumber and lineNo" }),
    invoiceNumber: z.string().min(1).max(100).optional().meta({ description: "The invoice number, with lineNo", example: "FA-2026-0142" }),
    lineNo: z.number().int().min(1).max(100_000).optional().meta({ description: "The line's number on the invoice", example: 1 }),
    contestedQuantity: z.number().min(0).max(1e12).optional().meta({ description: "Quantity contested, in the line's unit (up to 3 decimals)", example: 2.5 }),
    contestedUnitPriceCents: cents("The unit price you hold to be right, excl. VAT, in cents").optional(),
  })
  .meta({ id: "ClaimLineInput" });

export const claimCreateBody = z
  .strictObject({
    type: z.enum(CASE_TYPES).optional().meta({ description: "The claim's type; or give reasonCode" }),
    reasonCode: z.string().min(1).max(50).optional().meta({ description: "Your own reason code, mapped to a type by your administrator", example: "R01" }),
    title: z.string().meta({ example: "Farine livrée humide" }),
    description: z.string().meta({ example: "Trois sacs du lot L-2211 étaient humides à la livraison." }),
    desiredOutcome: z.enum(DESIRED_OUTCOMES),
    desiredOutcomeText: z.string().optional().meta({ description: "Required when desiredOutcome is other" }),
    quality: z.object({ product: z.string(), lotNumber: z.string().optional() }).optional().meta({ description: "Required for type quality" }),
    delivery: z
      .object({ deliveryNoteNumber: z.string(), receivedOn: z.iso.date(), signedWithReservations: z.boolean() })
      .optional()
      .meta({ description: "Required for type delivery" }),
    priceBilling: z.object({ contractReference: z.string().optional() }).optional().meta({ description: "For type price_billing" }),
    compliance: z.object({ reference: z.string() }).optional().meta({ description: "Required for type compliance" }),
    lines: z.array(claimLineInput).min(1).max(100),
    claimedAmountCents: cents("Lower the claimed amount (excl. VAT, in cents); default: the lines' computed amount").optional(),
    uploadIds: z.array(z.uuid()).max(20).optional().meta({ description: "Ids of files sent before to POST /uploads" }),
  })
  .meta({ id: "ClaimCreate" });

export const claimFile = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), createdAt: z.iso.datetime() })
  .meta({ id: "File" });

export const claimLine = z
  .object({
    invoiceNumber: z.string(),
    lineNo: z.number().int(),
    description: z.string(),
    unit: z.string(),
    quantity: z.number(),
    unitPriceCents: z.number().int(),
    totalExclTaxCents: z.number().int(),
    contestedQuantity: z.number().nullable(),
    contestedUnitPriceCents: z.number().int().nullable(),
    disputedAmountCents: z.number().int(),
  })
  .meta({ id: "ClaimLine" });

export const claimSummary = z
  .object({
    reference: z.string().meta({ example: "LIT-2026-000042" }),
    title: z.string(),
    type: z.enum(CASE_TYPES),
    status: z.enum(CASE_STATUSES),
    receivedAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime(),
    currency: z.string().meta({ example: "EUR" }),
    disputedAmountCents: z.number().int(),
    contactName: z.string(),
  })
  .meta({ id: "ClaimSummary" });

export const claim = claimSummary
  .extend({
    kind: z.enum(["claim", "dispute"]),
    description: z.string(),
    desiredOutcome: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    creditedAmountCents: z.number().int(),
    lines: z.array(claimLine),
    messages: z.array(
      z.object({ id: z.uuid(), body: z.string(), authorKind: z.string(), authorName: z.string().nullable(), createdAt: z.iso.datetime(), attachments: z.array(claimFile) }),
    ),
    evidence: z.array(claimFile),
    url: z.url().meta({ description: "The case's page in the portal" }),
  })
  .meta({ id: "Claim" });

export const claimListQuery = z.object({
  status: z.enum([...STATUS_GROUPS, ...CASE_STATUSES]).optional().meta({ description: "A status, or open / closed" }),
  type: z.enum(CASE_TYPES).optional(),
  from: z.iso.date().optional().meta({ description: "Received on or after this day (Europe/Paris)" }),
  to: z.iso.date().optional().meta({ description: "Received on or before this day (Europe/Paris)" }),
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: "Page size (default 25, at most 100)" }),
  cursor: z.string().max(200).optional().meta({ description: "The opaque cursor of the next page (from `nextCursor`)" }),
});

export const claimList = z
  .object({
    data: z.array(claimSummary),
    nextCursor: z.string().nullable(),
    next: z.url().nullable().meta({ description: "The next page's URL, null on the last page" }),
  })
  .meta({ id: "ClaimList" });

export const messageCreateBody = z
  .strictObject({
    body: z.string().meta({ example: "Voici les photos des sacs abîmés." }),
    uploadIds: z.array(z.uuid()).max(20).optional().meta({ description: "Ids of files sent before to POST /uploads" }),
  })
  .meta({ id: "MessageCreate" });

export const messageCreated = z.object({ id: z.uuid() }).meta({ id: "MessageCreated" });

export const invoiceLine = z
  .object({
    id: z.uuid(),
    lineNo: z.number().int(),
    productCode: z.string().nullable(),
    description: z.string(),
    unit: z.string(),
    quantity: z.number(),
    unitPriceCents: z.number().int(),
    totalExclTaxCents: z.number().int(),
    vatRateBasisPoints: z.number().int(),
  })
  .meta({ id: "InvoiceLine" });

export const invoice = z
  .object({
    number: z.string().meta({ example: "FA-2026-0142" }),
    issueDate: z.iso.date(),
    dueDate: z.iso.date(),
    currency: z.string(),
    totalExclTaxCents: z.number().int(),
    totalInclTaxCents: z.number().int(),
    paidStatus: z.string(),
    onHold: z.boolean().meta({ description: "An open case holds it" }),
    lines: z.array(invoiceLine),
  })
  .meta({ id: "Invoice" });

export const invoiceNumberParam = z.object({
  number: z.string().max(100).meta({ example: "FA-2026-0142", param: { description: "The invoice number" } }),
});

export const problem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          field: z.string().meta({ example: "lines[0].contestedQuantity", description: "A JSON path, or for a CSV import the column as the file names it" }),
          line: z.number().int().optional().meta({ description: "For a CSV import: the spreadsheet's row (the header is row 1)", example: 639 }),
          code: z.string().meta({ example: "too_many_decimals" }),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: "Problem" });

/** What a CSV import did (ADR 0037/0038): every row written, or (in a 422's `errors`) every refused cell. */
export const importReport = z
  .object({
    importId: z.uuid(),
    status: z.enum(["imported", "refused"]),
    rows: z.number().int().meta({ description: "Data rows read" }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().meta({ description: "Rows already imported by an earlier identical import (nothing written)" }),
    references: z.array(z.string()).meta({ description: "Claims filed (references), or invoices created or replaced (numbers)" }),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
  })
  .meta({ id: "ImportReport" });

export const stagedUploads = z
  .object({
    uploads: z.array(z.object({ id: z.uuid(), fileName: z.string(), sizeBytes: z.number().int(), contentType: z.string(), expiresAt: z.iso.datetime() })),
  })
  .meta({ id: "StagedUploads" });

export const proposal = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    kind: z.string().meta({ example: "credit_note" }),
    status: z.string().meta({ description: "offered, accepted, declined, countered, expired, …" }),
    amountCents: z.number().int(),
    vatCents: z.number().int(),
    totalCents: z.number().int(),
    currency: z.string(),
    expiresOn: z.iso.date().nullable(),
    offeredAt: z.iso.datetime(),
    text: z.string().meta({ description: "The exact text offered (what an acceptance signs)" }),
    textSha256: z.string().meta({ description: "SHA-256 of `text`: send it back to accept" }),
    canDecide: z.boolean().meta({ description: "Whether the key's user may accept or refuse it now" }),
  })
  .meta({ id: "Proposal" });

export const claimProposals = z
  .object({
    reference: z.string(),
    status: z.string(),
    proposal: proposal.nullable().meta({ description: "The proposal waiting for an answer, or the last one offered; null when none was" }),
    proposals: z.array(proposal),
  })
  .meta({ id: "ClaimProposals" });

export const proposalDecisionBody = z
  .discriminatedUnion("decision", [
    z.strictObject({
      decision: z.literal("accept"),
      proposalId: z.uuid(),
      consent: z.literal(true).meta({ description: "You accept the text as offered (a simple electronic signature)" }),
      signerName: z.string().meta({ description: "Who signs, as typed", example: "Paul Martin" }),
      textSha256: z.string().meta({ description: "The `textSha256` of the proposal you read" }),
    }),
    z.strictObject({
      decision: z.literal("refuse"),
      proposalId: z.uuid(),
      reason: z.string().meta({ example: "Le montant ne couvre pas les sacs perdus." }),
    }),
  ])
  .meta({ id: "ProposalDecision" });

export const proposalDecided = z.object({ reference: z.string(), decision: z.enum(["accepted", "refused"]) }).meta({ id: "ProposalDecided" });
