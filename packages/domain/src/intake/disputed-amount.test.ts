import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { disputedAmount, lineDisputedAmount, vatOf, type DisputedLineInput, type InvoiceLineFigures } from "./disputed-amount";
import { isDomainValidationError } from "../errors/errors";

/** 12 units at €8.50, VAT 5.5 %. */
const bread: InvoiceLineFigures = { quantityMilli: 12_000, unitPriceCents: 850, totalExclTaxCents: 10_200, vatRateBp: 550 };
const contested = (contestedQuantityMilli: number | null, contestedUnitPriceCents: number | null) => ({ contestedQuantityMilli, contestedUnitPriceCents });

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainValidationError(error)) return { code: error.code, field: error.field, reason: error.params.reason, messageKey: error.messageKey };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("lineDisputedAmount", () => {
  it("prices a contested quantity at the invoiced unit price", () => {
    expect(lineDisputedAmount({ line: bread, contested: contested(3_000, null) })).toBe(2_550);
  });

  it("prices a contested unit price over the whole invoiced quantity", () => {
    expect(lineDisputedAmount({ line: bread, contested: contested(null, 800) })).toBe(600);
  });

  it("adds both when quantity and price are contested, capped at the line's total", () => {
    expect(lineDisputedAmount({ line: bread, contested: contested(2_000, 800) })).toBe(1_700 + 600);
    expect(lineDisputedAmount({ line: bread, contested: contested(12_000, 0) })).toBe(10_200);
  });

  it("rounds half up per line on fractional quantities (thousandths)", () => {
    // 0.5 kg × €0.01 = 0.5 cent → 1 cent; 0.499 kg → 0 cent
    const kilos: InvoiceLineFigures = { quantityMilli: 10_000, unitPriceCents: 1, totalExclTaxCents: 10, vatRateBp: 2000 };
    expect(lineDisputedAmount({ line: kilos, contested: contested(500, null) })).toBe(1);
    expect(lineDisputedAmount({ line: kilos, contested: contested(499, null) })).toBe(0);
    // 12.5 kg at €3.33 = 41.625 → 41.63
    const flour: InvoiceLineFigures = { quantityMilli: 100_000, unitPriceCents: 333, totalExclTaxCents: 33_300, vatRateBp: 550 };
    expect(lineDisputedAmount({ line: flour, contested: contested(12_500, null) })).toBe(4_163);
  });

  it("refuses negative, fractional and over-invoiced inputs, naming the field", () => {
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(-1, null) }))).toMatchObject({
      field: "contestedQuantityMilli",
      reason: "negative",
    });
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(12_001, null) }))).toMatchObject({
      field: "contestedQuantityMilli",
      reason: "exceeds_invoiced",
      messageKey: "domain.error.disputed_amount.exceeds_invoiced",
    });
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(1.5, null) }))).toMatchObject({ reason: "not_an_integer" });
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(null, 851) }))).toMatchObject({
      code: "invalid_amount",
      field: "contestedUnitPriceCents",
      reason: "exceeds_invoiced",
    });
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(null, -5) }))).toMatchObject({ field: "contestedUnitPriceCents", reason: "negative" });
    expect(refusal(() => lineDisputedAmount({ line: bread, contested: contested(null, null) }))).toMatchObject({ field: "contested", reason: "nothing_contested" });
    expect(refusal(() => lineDisputedAmount({ line: { ...bread, vatRateBp: -1 }, contested: contested(1, null) }))).toMatchObject({ field: "line.vatRateBp" });
  });
});

describe("disputedAmount", () => {
  const water: InvoiceLineFigures = { quantityMilli: 24_000, unitPriceCents: 125, totalExclTaxCents: 3_000, vatRateBp: 2000 };
  const lines: DisputedLineInput[] = [
    { line: bread, contested: contested(3_000, null) },
    { line: water, contested: contested(null, 100) },
  ];

  it("sums the lines and puts VAT beside it, per line at the line's rate", () => {
    const amount = disputedAmount({ lines });
    expect(amount.lines).toEqual([
      { computedCents: 2_550, claimedCents: 2_550, vatCents: 140 }, // 5.5 % of 25.50 = 1.4025
      { computedCents: 600, claimedCents: 600, vatCents: 120 },
    ]);
    expect(amount).toMatchObject({ computedCents: 3_150, claimedCents: 3_150, vatCents: 260, claimedInclVatCents: 3_410 });
  });

  it("lets the customer lower the claimed total, spread over the lines without losing a cent", () => {
    const amount = disputedAmount({ lines, claimedCents: 1_001 });
    expect(amount.claimedCents).toBe(1_001);
    expect(amount.lines.map((l) => l.claimedCents)).toEqual([810, 191]);
    expect(amount.computedCents).toBe(3_150);
  });

  it("never claims more than the lines say", () => {
    expect(refusal(() => disputedAmount({ lines, claimedCents: 3_151 }))).toMatchObject({ field: "claimedCents", reason: "exceeds_computed" });
    expect(refusal(() => disputedAmount({ lines, claimedCents: -1 }))).toMatchObject({ field: "claimedCents", reason: "negative" });
  });

  it("names the line at fault and refuses a claim without lines", () => {
    expect(refusal(() => disputedAmount({ lines: [lines[0]!, { line: water, contested: contested(25_000, null) }] }))).toMatchObject({
      field: "lines[1].contestedQuantityMilli",
      reason: "exceeds_invoiced",
    });
    expect(refusal(() => disputedAmount({ lines: [{ line: water, contested: contested(null, null) }] }))).toMatchObject({ field: "lines[0]" });
    expect(refusal(() => disputedAmount({ lines: [] }))).toMatchObject({ field: "lines", reason: "no_lines" });
  });

  it("claims zero when the lines give zero", () => {
    expect(disputedAmount({ lines: [{ line: water, contested: contested(0, null) }], claimedCents: 0 })).toMatchObject({ claimedCents: 0, vatCents: 0 });
  });

  const line = fc
    .record({ quantityMilli: fc.integer({ min: 1, max: 10_000_000 }), unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }), vatRateBp: fc.constantFrom(0, 210, 550, 1000, 2000) })
    .map((l): InvoiceLineFigures => ({ ...l, totalExclTaxCents: Math.round((l.quantityMilli * l.unitPriceCents) / 1000) }));
  const disputed = line.chain((l) =>
    fc
      .record({
        contestedQuantityMilli: fc.option(fc.integer({ min: 0, max: l.quantityMilli }), { nil: null }),
        contestedUnitPriceCents: fc.option(fc.integer({ min: 0, max: l.unitPriceCents }), { nil: null }),
      })
      .filter((c) => c.contestedQuantityMilli !== null || c.contestedUnitPriceCents !== null)
      .map((c): DisputedLineInput => ({ line: l, contested: c })),
  );

  it("property: each line is between zero and its total, and the total is their sum", () => {
    fc.assert(
      fc.property(fc.array(disputed, { minLength: 1, maxLength: 6 }), (input) => {
        const amount = disputedAmount({ lines: input });
        amount.lines.forEach((l, i) => {
          expect(l.computedCents).toBeGreaterThanOrEqual(0);
          expect(l.computedCents).toBeLessThanOrEqual(input[i]!.line.totalExclTaxCents);
          expect(l.vatCents).toBe(vatOf(l.claimedCents, input[i]!.line.vatRateBp));
        });
        expect(amount.computedCents).toBe(amount.lines.reduce((s, l) => s + l.computedCents, 0));
      }),
    );
  });

  it("property: a lowered total is spread exactly, each line at most its computed amount", () => {
    fc.assert(
      fc.property(
        fc.array(disputed, { minLength: 1, maxLength: 6 }).chain((input) => {
          const total = disputedAmount({ lines: input }).computedCents;
          return fc.tuple(fc.constant(input), fc.integer({ min: 0, max: total }));
        }),
        ([input, claimed]) => {
          const amount = disputedAmount({ lines: input, claimedCents: claimed });
          expect(amount.claimedCents).toBe(claimed);
          expect(amount.lines.reduce((s, l) => s + l.claimedCents, 0)).toBe(claimed);
          for (const l of amount.lines) expect(l.claimedCents).toBeLessThanOrEqual(l.computedCents);
        },
      ),
    );
  });

  it("property: contesting more never lowers the amount", () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000 }), (l, a, b) => {
        const q1 = Math.min(l.quantityMilli, a * 37);
        const q2 = Math.min(l.quantityMilli, q1 + b * 11);
        expect(lineDisputedAmount({ line: l, contested: contested(q2, null) })).toBeGreaterThanOrEqual(lineDisputedAmount({ line: l, contested: contested(q1, null) }));
      }),
    );
  });
});

describe("vatOf", () => {
  it("rounds half up", () => {
    expect(vatOf(10, 550)).toBe(1); // 0.55
    expect(vatOf(1_000, 550)).toBe(55);
    expect(vatOf(9, 550)).toBe(0); // 0.495
    expect(vatOf(100, 2000)).toBe(20);
  });
});
