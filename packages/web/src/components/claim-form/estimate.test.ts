import { describe, expect, it } from "vitest";
import { estimateDisputedCents } from "./estimate";
import { claimRows, type ClaimFormInvoice } from "./types";

function invoiceOf(lines: { quantityMilli: number; unitPriceCents: number; totalExclTaxCents: number }[]): ClaimFormInvoice {
  return {
    id: "inv-1",
    number: "F-1",
    issueDate: "2026-03-02",
    currency: "EUR",
    totalExclTaxCents: lines.reduce((sum, line) => sum + line.totalExclTaxCents, 0),
    lines: lines.map((line, index) => ({ id: `line-${index}`, lineNo: index + 1, description: `Article ${index + 1}`, unit: "kg", lotNumber: null, ...line })),
  };
}

function estimate(invoice: ClaimFormInvoice, typed: Record<string, string>): number | null {
  return estimateDisputedCents(claimRows([invoice]), (name) => typed[name], "EUR");
}

describe("estimateDisputedCents", () => {
  it("is null while no line is contested", () => {
    const invoice = invoiceOf([{ quantityMilli: 2_000, unitPriceCents: 100, totalExclTaxCents: 200 }]);
    expect(estimate(invoice, {})).toBeNull();
    expect(estimate(invoice, { "lines[0].contestedQuantity": "  " })).toBeNull();
    expect(estimate(invoice, { "lines[0].contestedQuantity": "douze" })).toBeNull();
  });

  it("rounds half a cent up, as the server does, where floating point would round down", () => {
    // 1,005 kg × 1,00 € = 1,005 € → 1,01 € (in floating point 1.005 × 100 = 100.49999… → 1,00 €).
    const byQuantity = invoiceOf([{ quantityMilli: 2_000, unitPriceCents: 100, totalExclTaxCents: 200 }]);
    expect(estimate(byQuantity, { "lines[0].contestedQuantity": "1,005" })).toBe(101);
    // 2,5 kg invoiced at 0,08 € instead of 0,07 €: 2,5 cents → 3 (in floating point 8 − 0.07 × 100 = 0.99999… → 2).
    const byPrice = invoiceOf([{ quantityMilli: 2_500, unitPriceCents: 8, totalExclTaxCents: 20 }]);
    expect(estimate(byPrice, { "lines[0].contestedUnitPrice": "0,07" })).toBe(3);
  });

  it("adds the lines in whole cents, and reads French figures", () => {
    const invoice = invoiceOf([
      { quantityMilli: 1_000, unitPriceCents: 10, totalExclTaxCents: 10 },
      { quantityMilli: 1_000, unitPriceCents: 10, totalExclTaxCents: 10 },
      { quantityMilli: 1_000, unitPriceCents: 10, totalExclTaxCents: 10 },
      { quantityMilli: 1_500_000, unitPriceCents: 250, totalExclTaxCents: 375_000 },
    ]);
    const typed = {
      "lines[0].contestedQuantity": "0,1",
      "lines[1].contestedQuantity": "0,1",
      "lines[2].contestedQuantity": "0,1",
      // 1 234,5 kg × 2,50 € + 1 500 kg × (2,50 € − 2,25 €) = 3 086,25 € + 375 €
      "lines[3].contestedQuantity": "1 234,5",
      "lines[3].contestedUnitPrice": "2,25",
    };
    expect(estimate(invoice, typed)).toBe(1 + 1 + 1 + 308_625 + 37_500);
  });

  it("counts a figure above the invoiced one as the invoiced one, never more than the line's total", () => {
    const invoice = invoiceOf([{ quantityMilli: 3_000, unitPriceCents: 333, totalExclTaxCents: 999 }]);
    expect(estimate(invoice, { "lines[0].contestedQuantity": "5" })).toBe(999);
    expect(estimate(invoice, { "lines[0].contestedUnitPrice": "9,99" })).toBe(0);
  });
});
