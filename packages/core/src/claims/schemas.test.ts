import { describe, expect, it } from "vitest";
import { claimDetails, claimSchema, formFieldName, staffClaimSchema, type ClaimFormInput } from "./schemas";

const lineA = "6f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const lineB = "7a1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const upload = "8b1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f";

const quality: ClaimFormInput = {
  type: "quality",
  title: "Farine humide",
  description: "Sacs mouillés à la livraison",
  desiredOutcome: "credit_note",
  quality: { product: "Farine T65", lotNumber: "L2026-0917" },
  lines: [{ invoiceLineId: lineA, contestedQuantity: "12,5" }, { invoiceLineId: lineB, contestedQuantity: "", contestedUnitPrice: "" }],
  uploadIds: upload,
};

function issues(input: unknown, schema: { safeParse: typeof claimSchema.safeParse } = claimSchema) {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[formFieldName(issue.path)] ??= []).push(issue.message);
  return byField;
}

describe("claimSchema", () => {
  it("keeps the contested lines with their form index, in integer units, and the type's details", () => {
    const value = claimSchema.parse(quality);
    expect(value.lines).toEqual([{ invoiceLineId: lineA, contestedQuantity: 12_500, contestedUnitPrice: null, formIndex: 0 }]);
    expect(value.uploadIds).toEqual([upload]);
    expect(value.claimedAmount).toBeNull();
    expect(claimDetails(value)).toEqual({ product: "Farine T65", lotNumber: "L2026-0917" });
  });

  it("validates only the chosen type's section", () => {
    const value = claimSchema.parse({ ...quality, type: "other", quality: { product: "" }, delivery: { receivedOn: "n'importe" } });
    expect(value.type).toBe("other");
    expect(claimDetails(value)).toEqual({});
  });

  it("names every missing field with its message key, the type's fields included", () => {
    expect(issues({ type: "delivery", lines: [] })).toEqual({
      title: ["claim.error.required"],
      description: ["claim.error.required"],
      desiredOutcome: ["claim.error.desired_outcome_required"],
      "delivery.deliveryNoteNumber": ["claim.error.required"],
      "delivery.receivedOn": ["claim.error.required"],
      "delivery.signedWithReservations": ["claim.error.signed_with_reservations_required"],
      lines: ["claim.error.lines_required"],
    });
    expect(issues({ ...quality, type: "" })).toEqual({ type: ["claim.error.type_required"] });
    expect(issues({ ...quality, type: "compliance" })).toEqual({ "compliance.reference": ["claim.error.required"] });
  });

  it("refuses bad numbers next to their line, and asks what each type needs per line", () => {
    expect(
      issues({
        ...quality,
        lines: [
          { invoiceLineId: lineA, contestedQuantity: "-2" },
          { invoiceLineId: lineB, contestedUnitPrice: "3,456" },
          { invoiceLineId: "pas-un-id", contestedQuantity: "1" },
        ],
        claimedAmount: "beaucoup",
      }),
    ).toEqual({
      "lines[0].contestedQuantity": ["claim.error.negative"],
      "lines[1].contestedUnitPrice": ["claim.error.too_many_decimals"],
      "lines[2].invoiceLineId": ["claim.error.line_unknown"],
      claimedAmount: ["claim.error.invalid_number"],
    });
    expect(issues({ ...quality, type: "price_billing", lines: [{ invoiceLineId: lineA, contestedQuantity: "1" }] })).toEqual({
      "lines[0].contestedUnitPrice": ["claim.error.price_required"],
    });
    expect(issues({ ...quality, lines: [{ invoiceLineId: lineA, contestedQuantity: "1" }, { invoiceLineId: lineA, contestedUnitPrice: "1" }] })).toEqual({
      "lines[1].invoiceLineId": ["claim.error.line_twice"],
    });
  });

  it("refuses a contested quantity of zero with no price (it contests nothing), not beside a contested price", () => {
    expect(issues({ ...quality, lines: [{ invoiceLineId: lineA, contestedQuantity: "0" }] })).toEqual({
      "lines[0].contestedQuantity": ["claim.error.quantity_zero"],
    });
    expect(issues({ ...quality, lines: [{ invoiceLineId: lineA, contestedQuantity: "0,000", contestedUnitPrice: "" }] })).toEqual({
      "lines[0].contestedQuantity": ["claim.error.quantity_zero"],
    });
    expect(issues({ ...quality, lines: [{ invoiceLineId: lineA, contestedQuantity: "0", contestedUnitPrice: "12" }] })).toEqual({});
  });

  it("reads delivery details, French dates included, and asks for the text of another outcome", () => {
    const value = claimSchema.parse({
      ...quality,
      type: "delivery",
      desiredOutcome: "other",
      desiredOutcomeText: "Un nouvel envoi",
      delivery: { deliveryNoteNumber: "BL-55012", receivedOn: "3/11/2026", signedWithReservations: "no" },
    });
    expect(claimDetails(value)).toEqual({ desiredOutcomeText: "Un nouvel envoi", deliveryNoteNumber: "BL-55012", receivedOn: "2026-11-03", signedWithReservations: false });
    expect(issues({ ...quality, desiredOutcome: "other" })).toEqual({ desiredOutcomeText: ["claim.error.desired_outcome_text_required"] });
    expect(issues({ ...quality, type: "delivery", delivery: { deliveryNoteNumber: "BL", receivedOn: "31/02/2026", signedWithReservations: "yes" } })).toEqual({
      "delivery.receivedOn": ["claim.error.invalid_date"],
    });
  });

  it("for staff, also asks for the account and the contact", () => {
    expect(issues(quality, staffClaimSchema)).toEqual({ accountId: ["claim.error.account_required"], customerContactId: ["claim.error.contact_required"] });
  });
});
