import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { documentTotals, lineAmount, vatOn } from "./document-totals";
import { DomainValidationError } from "../errors/errors";

describe("vatOn", () => {
  it("rounds half up to the cent", () => {
    expect(vatOn(10_000, 2000)).toBe(2000);
    expect(vatOn(1005, 550)).toBe(55); // 55.275
    expect(vatOn(10, 500)).toBe(1); // 0.5 → 1
    expect(vatOn(9, 500)).toBe(0); // 0.45 → 0
    expect(vatOn(12_345, 1000)).toBe(1235); // 1234.5 → 1235
    expect(vatOn(12_345, 0)).toBe(0);
  });

  it("refuses a negative amount and a rate outside 0–10000 basis points", () => {
    expect(() => vatOn(-1, 2000)).toThrow(DomainValidationError);
    expect(() => vatOn(100, 10_001)).toThrow(DomainValidationError);
    expect(() => vatOn(100, 5.5)).toThrow(DomainValidationError);
  });
});

describe("lineAmount", () => {
  it("multiplies thousandths of a unit by the unit price, rounded half up", () => {
    expect(lineAmount(2500, 399)).toBe(998); // 9.975 → 9.98
    expect(lineAmount(120_000, 35)).toBe(4200);
    expect(lineAmount(1, 1)).toBe(0);
  });
});

describe("documentTotals", () => {
  it("sums per rate, computes VAT once per rate and lists the highest rate first", () => {
    const totals = documentTotals([
      { lineAmountCents: 333, vatRateBp: 550 },
      { lineAmountCents: 10_000, vatRateBp: 2000 },
      { lineAmountCents: 333, vatRateBp: 550 },
      { lineAmountCents: 500, vatRateBp: 0 },
    ]);
    expect(totals.subtotals).toEqual([
      { vatRateBp: 2000, taxableCents: 10_000, vatCents: 2000 },
      { vatRateBp: 550, taxableCents: 666, vatCents: 37 }, // 36.63 on the sum (per line it would be 18 + 18)
      { vatRateBp: 0, taxableCents: 500, vatCents: 0 },
    ]);
    expect(totals).toMatchObject({ netCents: 11_166, vatCents: 2037, grossCents: 13_203 });
  });

  it("refuses no line and a negative line amount", () => {
    expect(() => documentTotals([])).toThrow(DomainValidationError);
    expect(() => documentTotals([{ lineAmountCents: -5, vatRateBp: 2000 }])).toThrow(DomainValidationError);
  });

  it("keeps the sums consistent whatever the lines", () => {
    const line = fc.record({
      lineAmountCents: fc.integer({ min: 0, max: 10_000_000 }),
      vatRateBp: fc.constantFrom(0, 210, 550, 1000, 2000),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const totals = documentTotals(lines);
        expect(totals.netCents).toBe(lines.reduce((sum, l) => sum + l.lineAmountCents, 0));
        expect(totals.vatCents).toBe(totals.subtotals.reduce((sum, s) => sum + s.vatCents, 0));
        expect(totals.grossCents).toBe(totals.netCents + totals.vatCents);
        expect(new Set(totals.subtotals.map((s) => s.vatRateBp)).size).toBe(totals.subtotals.length);
        for (const s of totals.subtotals) expect(Math.abs(s.vatCents * 10_000 - s.taxableCents * s.vatRateBp)).toBeLessThanOrEqual(5_000);
      }),
    );
  });
});
