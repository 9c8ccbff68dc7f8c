import { createHash } from "node:crypto";
import { findInvoiceLineIds, getCustomerCase, resolveReasonCode, submitClaim, type ClaimFormInput } from "@accord/core";
import { defineOperation } from "../operation";
import { ApiProblem, type FieldIssue } from "../problem";
import { claim, claimCreateBody } from "../schemas";
import { claimView } from "./claim-view";


/** Cents as the form's decimal text ("12.50"): exact, whatever the amount. */
const centsText = (cents: number) => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

/**
 * The form's submission key from the client's Idempotency-Key (a UUID drawn from the principal, the
 * key and the request): should a stored answer ever be lost, the same request finds the case it filed;
 * another request under an expired key files its own.
 */
function submissionKeyOf(principal: string, key: string, request: unknown): string {
  const hex = createHash("sha256").update(`${principal}\u0000${key}\u0000${JSON.stringify(request)}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The use case's field names → the API body's. */
function renameField(field: string): string {
  if (field === "claimedAmount") return "claimedAmountCents";
  if (field === "uploadIds") return "uploadIds";
  return field.replace(/\.contestedUnitPrice$/, ".contestedUnitPriceCents");
}

export const createClaim = defineOperation({
  method: "POST",
  path: "/claims",
  operationId: "createClaim",
  summary: "File a claim",
  description:
    "Files a claim as the key's user, with the same checks, acknowledgement e-mail and SLA as the portal. Lines are named by `invoiceLineId`, or by `invoiceNumber` and `lineNo`. Give `type`, or your own `reasonCode` mapped to a type by your administrator. Send an `Idempotency-Key` header to retry safely.",
  tag: "Claims",
  access: "customer",
  body: {
    schema: claimCreateBody,
    example: {
      type: "quality",
      title: "Farine livrée humide",
      description: "Trois sacs du lot L-2211 étaient humides à la livraison.",
      desiredOutcome: "credit_note",
      quality: { product: "Farine T65", lotNumber: "L-2211" },
      lines: [{ invoiceNumber: "FA-2026-0142", lineNo: 1, contestedQuantity: 3 }],
    },
  },
  renameField,
  success: { status: 201, description: "The claim filed", schema: claim },
  problems: [404],
  async handle({ db, actor, principal, body, now, config, idempotencyKey }) {
    const issues: FieldIssue[] = [];
    let type = body.type;
    if (body.reasonCode !== undefined) {
      const mapped = await resolveReasonCode(db, actor!.accountId, body.reasonCode);
      if (!mapped) issues.push({ field: "reasonCode", code: "reason_code_unknown", messageKey: "api.field.reasonCodeUnknown", params: { code: body.reasonCode } });
      else if (type !== undefined && type !== mapped.caseType) {
        issues.push({ field: "type", code: "type_mismatch", messageKey: "api.field.typeMismatch", params: { code: body.reasonCode, caseType: mapped.caseType, type } });
      } else type = mapped.caseType;
    } else if (type === undefined) issues.push({ field: "type", code: "required", messageKey: "api.field.typeOrReasonCode" });

    const byNumber = body.lines.flatMap((line, index) =>
      line.invoiceLineId === undefined && line.invoiceNumber !== undefined && line.lineNo !== undefined ? [{ index, ref: { invoiceNumber: line.invoiceNumber, lineNo: line.lineNo } }] : [],
    );
    const found = await findInvoiceLineIds({ db, actor, input: { refs: byNumber.map((entry) => entry.ref) }, now });
    const lineIds = new Map(byNumber.map((entry, i) => [entry.index, found[i] ?? null]));
    const lines = body.lines.map((line, index) => {
      let invoiceLineId = line.invoiceLineId;
      if (invoiceLineId === undefined) {
        if (line.invoiceNumber === undefined || line.lineNo === undefined) {
          issues.push({ field: `lines[${index}].invoiceLineId`, code: "line_ref_required", messageKey: "api.field.lineRef" });
        } else {
          const id = lineIds.get(index) ?? null;
          if (id === null) issues.push({ field: `lines[${index}].lineNo`, code: "line_unknown", messageKey: "api.field.lineUnknown", params: { invoiceNumber: line.invoiceNumber, lineNo: line.lineNo } });
          else invoiceLineId = id;
        }
      }
      return {
        invoiceLineId: invoiceLineId ?? "",
        contestedQuantity: line.contestedQuantity === undefined ? "" : String(line.contestedQuantity),
        contestedUnitPrice: line.contestedUnitPriceCents === undefined ? "" : centsText(line.contestedUnitPriceCents),
      };
    });
    if (issues.length > 0) throw new ApiProblem("validation", { detailKey: "api.detail.invalidFields", issues });

    const input = {
      type,
      title: body.title,
      description: body.description,
      desiredOutcome: body.desiredOutcome,
      desiredOutcomeText: body.desiredOutcomeText,
      quality: body.quality,
      delivery: body.delivery ? { ...body.delivery, signedWithReservations: body.delivery.signedWithReservations ? "yes" : "no" } : undefined,
      priceBilling: body.priceBilling,
      compliance: body.compliance,
      lines,
      claimedAmount: body.claimedAmountCents === undefined ? undefined : centsText(body.claimedAmountCents),
      uploadIds: body.uploadIds ?? [],
      submissionKey: idempotencyKey === null ? undefined : submissionKeyOf(principal.principal, idempotencyKey, body),
    } as ClaimFormInput;
    const { reference } = await submitClaim({ db, actor, input, now, portalUrl: config.portalUrl, channel: "api" });
    const filed = await getCustomerCase({ db, actor, input: { reference }, now });
    const view = claimView(filed, config.portalUrl);
    return { status: 201, body: view, headers: { Location: `/api/v1/claims/${encodeURIComponent(reference)}` } };
  },
});
