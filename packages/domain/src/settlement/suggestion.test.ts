import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MIN_SIMILAR_CASES, suggestProposal, summariseSimilar, type SuggestionLine } from "./suggestion";

const line = (overrides: Partial<SuggestionLine>): SuggestionLine => ({
  invoicedQuantityMilli: 100_000,
  invoicedUnitPriceCents: 1_250,
  contestedQuantityMilli: null,
  contestedUnitPriceCents: null,
  contractedUnitPriceCents: null,
  disputedCents: 125_000,
  ...overrides,
});

describe("suggestProposal", () => {
  it("credits the contested quantity at the invoiced price", () => {
    const suggestion = suggestProposal({ disputedCents: 10_000, lines: [line({ contestedQuantityMilli: 8_000, disputedCents: 10_000 })], similar: [] });
    expect(suggestion).toMatchObject({ kind: "credit_note", amountCents: 10_000, basis: "lines" });
    expect(suggestion.lines[0]).toEqual({ quantityCents: 10_000, priceCents: 0, priceBasis: "none", referenceUnitPriceCents: null, totalCents: 10_000 });
  });

  it("credits the overcharge against the contracted price after indexation, whatever the customer claimed", () => {
    // Invoiced 12,50 € for 100 units; the agreement, indexed, says 11,98 €; the customer claimed 11,50 €.
    const suggestion = suggestProposal({
      disputedCents: 10_000,
      lines: [line({ contestedUnitPriceCents: 1_150, contractedUnitPriceCents: 1_198, disputedCents: 10_000 })],
      similar: [],
    });
    expect(suggestion.lines[0]).toMatchObject({ priceCents: 5_200, priceBasis: "contract", referenceUnitPriceCents: 1_198, totalCents: 5_200 });
    expect(suggestion).toMatchObject({ amountCents: 5_200, basis: "lines" });
  });

  it("suggests nothing on a price the agreement confirms", () => {
    const suggestion = suggestProposal({
      disputedCents: 10_000,
      lines: [line({ contestedUnitPriceCents: 1_150, contractedUnitPriceCents: 1_250, disputedCents: 10_000 })],
      similar: [{ disputedCents: 1_000, grantedCents: 1_000 }, { disputedCents: 1_000, grantedCents: 1_000 }, { disputedCents: 1_000, grantedCents: 1_000 }],
    });
    expect(suggestion).toMatchObject({ amountCents: 0, basis: "lines" });
    expect(suggestion.lines[0]!.priceBasis).toBe("contract_confirms_invoice");
  });

  it("takes the customer's price when no agreement knows the product", () => {
    const suggestion = suggestProposal({ disputedCents: 10_000, lines: [line({ contestedUnitPriceCents: 1_150, disputedCents: 10_000 })], similar: [] });
    expect(suggestion.lines[0]).toMatchObject({ priceCents: 10_000, priceBasis: "customer", totalCents: 10_000 });
  });

  it("caps each line at what it disputes and the whole at the case's disputed amount", () => {
    const suggestion = suggestProposal({
      disputedCents: 3_000,
      lines: [line({ contestedQuantityMilli: 8_000, disputedCents: 2_000 }), line({ contestedQuantityMilli: 8_000, disputedCents: 2_000 })],
      similar: [],
    });
    expect(suggestion.lines.map((l) => l.totalCents)).toEqual([2_000, 2_000]);
    expect(suggestion.amountCents).toBe(3_000);
  });

  it("falls back on how similar cases were settled, then on the amount disputed", () => {
    const similar = [
      { disputedCents: 10_000, grantedCents: 5_000 },
      { disputedCents: 10_000, grantedCents: 8_000 },
      { disputedCents: 20_000, grantedCents: 12_000 },
    ];
    expect(suggestProposal({ disputedCents: 50_000, lines: [], similar })).toMatchObject({
      amountCents: 30_000,
      basis: "history",
      similar: { count: 3, medianShareBp: 6_000, minShareBp: 5_000, maxShareBp: 8_000 },
    });
    expect(suggestProposal({ disputedCents: 50_000, lines: [], similar: similar.slice(0, MIN_SIMILAR_CASES - 1) })).toMatchObject({ amountCents: 50_000, basis: "disputed" });
  });

  it("never suggests more than what is disputed, nor a negative amount (property)", () => {
    const anyLine = fc.record({
      invoicedQuantityMilli: fc.integer({ min: 1, max: 10_000_000 }),
      invoicedUnitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
      contestedQuantityMilli: fc.option(fc.integer({ min: 1, max: 10_000_000 })),
      contestedUnitPriceCents: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      contractedUnitPriceCents: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      disputedCents: fc.integer({ min: 0, max: 100_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(anyLine, { maxLength: 5 }),
        fc.array(fc.record({ disputedCents: fc.integer({ min: 0, max: 1_000_000 }), grantedCents: fc.integer({ min: 0, max: 2_000_000 }) }), { maxLength: 8 }),
        (disputedCents, lines, similar) => {
          const suggestion = suggestProposal({ disputedCents, lines, similar });
          expect(suggestion.amountCents).toBeGreaterThanOrEqual(0);
          expect(suggestion.amountCents).toBeLessThanOrEqual(disputedCents);
          suggestion.lines.forEach((l, i) => expect(l.totalCents).toBeLessThanOrEqual(lines[i]!.disputedCents));
        },
      ),
    );
  });
});

describe("summariseSimilar", () => {
  it("gives the median of an even count as the mean of the middle two, and ignores cases with nothing disputed", () => {
    expect(summariseSimilar([{ disputedCents: 100, grantedCents: 10 }, { disputedCents: 100, grantedCents: 40 }, { disputedCents: 0, grantedCents: 0 }])).toEqual({
      count: 2,
      medianShareBp: 2_500,
      minShareBp: 1_000,
      maxShareBp: 4_000,
    });
    expect(summariseSimilar([])).toBeNull();
  });
});
