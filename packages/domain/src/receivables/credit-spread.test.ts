import { describe, expect, it } from "vitest";
import { proposalVat } from "../settlement/proposal";
import { spreadCredit } from "./credit-spread";

describe("spreadCredit", () => {
  it("spreads over the invoices by what each disputes, then over each invoice's lines", () => {
    const invoices = [
      { number: "A", lines: [{ disputedCents: 10_000, vatRateBp: 2000 }, { disputedCents: 5_000, vatRateBp: 550 }] },
      { number: "B", lines: [{ disputedCents: 15_000, vatRateBp: 2000 }] },
    ];
    const spread = spreadCredit(10_001, invoices);
    expect(spread.map((entry) => entry.creditCents)).toEqual([5_001, 5_000]);
    expect(spread[0]!.lines.map((entry) => entry.creditCents)).toEqual([3_334, 1_667]);
    expect(spread[1]!.lines.map((entry) => entry.creditCents)).toEqual([5_000]);
    // Each invoice's VAT is what the proposal's VAT rule gives for its share.
    const vat = (entry: (typeof spread)[number]) => entry.lines.reduce((sum, part) => sum + Math.round((part.creditCents * part.line.vatRateBp) / 10_000), 0);
    expect(vat(spread[0]!)).toBe(proposalVat(5_001, invoices[0]!.lines));
  });

  it("shares equally when nothing is disputed, and refuses a negative credit", () => {
    expect(spreadCredit(101, [{ lines: [{ disputedCents: 0 }, { disputedCents: 0 }] }])[0]!.lines.map((entry) => entry.creditCents)).toEqual([51, 50]);
    expect(spreadCredit(0, [])).toEqual([]);
    expect(() => spreadCredit(-1, [{ lines: [] }])).toThrow();
  });
});
