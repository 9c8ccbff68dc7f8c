import { describe, expect, it } from "vitest";
import { hasClaimDetails, readClaimDetails } from "./claim-details";

describe("readClaimDetails", () => {
  it("reads each type's fields as the claim form stored them", () => {
    expect(readClaimDetails({ product: "Farine T65", lotNumber: "L2026-0917" })).toMatchObject({ product: "Farine T65", lotNumber: "L2026-0917", deliveryNoteNumber: null });
    expect(readClaimDetails({ deliveryNoteNumber: "BL-1", receivedOn: "2026-11-20", signedWithReservations: false })).toMatchObject({
      deliveryNoteNumber: "BL-1",
      receivedOn: "2026-11-20",
      signedWithReservations: false,
    });
    expect(readClaimDetails({ reference: "CDC-12", desiredOutcomeText: "Un geste" })).toMatchObject({ complianceReference: "CDC-12", desiredOutcomeText: "Un geste" });
  });
  it("ignores what is not a detail: blanks, wrong shapes, unknown keys", () => {
    const details = readClaimDetails({ product: "  ", receivedOn: "20/11/2026", signedWithReservations: "yes", other: 1 });
    expect(hasClaimDetails(details)).toBe(false);
    expect(hasClaimDetails(readClaimDetails(null))).toBe(false);
    expect(hasClaimDetails(readClaimDetails({ contractReference: "T-2026" }))).toBe(true);
  });
});
