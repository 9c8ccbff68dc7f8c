import type { CustomerCase, CustomerCaseFile, CustomerCaseListItem } from "@accord/core";
import type { z } from "zod";
import type { claim, claimFile, claimSummary } from "../schemas";

const milliToNumber = (milli: number) => milli / 1000;

export function claimSummaryView(item: CustomerCaseListItem): z.input<typeof claimSummary> {
  return {
    reference: item.reference,
    title: item.title,
    type: item.type,
    status: item.status,
    receivedAt: item.receivedAt.toISOString(),
    lastActivityAt: item.lastActivityAt.toISOString(),
    currency: item.currency,
    disputedAmountCents: item.disputedAmountCents,
    contactName: item.contactName,
  };
}

function fileView(file: CustomerCaseFile): z.input<typeof claimFile> {
  return { id: file.id, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, createdAt: file.createdAt.toISOString() };
}

/** A case as the API shows it: what the portal's case page shows, in the API's units. */
export function claimView(found: CustomerCase, portalUrl: string): z.input<typeof claim> {
  const c = found.case;
  return {
    reference: c.reference,
    title: c.title,
    type: c.type,
    kind: c.kind,
    status: c.status,
    description: c.description,
    desiredOutcome: c.desiredOutcome,
    details: { ...c.details } as Record<string, unknown>,
    receivedAt: c.receivedAt.toISOString(),
    lastActivityAt: c.lastActivityAt.toISOString(),
    currency: c.currency,
    disputedAmountCents: c.disputedAmountCents,
    creditedAmountCents: c.creditedAmountCents,
    contactName: c.contactName,
    lines: found.lines.map((line) => ({
      invoiceNumber: line.invoiceNumber,
      lineNo: line.lineNo,
      description: line.description,
      unit: line.unit,
      quantity: milliToNumber(line.quantityMilli),
      unitPriceCents: line.unitPriceCents,
      totalExclTaxCents: line.totalExclTaxCents,
      contestedQuantity: line.contestedQuantityMilli === null ? null : milliToNumber(line.contestedQuantityMilli),
      contestedUnitPriceCents: line.contestedUnitPriceCents,
      disputedAmountCents: line.disputedAmountCents,
    })),
    messages: found.messages.map((message) => ({
      id: message.id,
      body: message.body,
      authorKind: message.authorKind,
      authorName: message.authorName,
      createdAt: message.createdAt.toISOString(),
      attachments: message.attachments.map(fileView),
    })),
    evidence: found.evidence.map(fileView),
    url: `${portalUrl.replace(/\/$/, "")}/cases/${encodeURIComponent(c.reference)}`,
  };
}
