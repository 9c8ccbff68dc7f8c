import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addMoney,
  allocate,
  assertCents,
  currencyDigits,
  equalsMoney,
  formatMoney,
  money,
  subtractMoney,
  sumMoney,
  toDecimalString,
  zero,
} from "./money";
import { DomainValidationError } from "../errors/errors";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

describe("money", () => {
  it("holds integer cents and an ISO currency, EUR by default", () => {
    expect(money(123_456)).toEqual({ cents: 123_456, currency: "EUR" });
    expect(money(-500, "USD")).toEqual({ cents: -500, currency: "USD" });
    expect(zero()).toEqual({ cents: 0, currency: "EUR" });
  });

  it("refuses non-integer, unsafe or non-numeric cents, naming the field", () => {
    for (const cents of [12.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "100" as unknown as number]) {
      expect(() => money(cents)).toThrowError(expect.objectContaining({ code: "invalid_amount", field: "cents" }));
    }
  });

  it("refuses an unknown or badly written currency", () => {
    for (const currency of ["eur", "EURO", "E1R", "", "XYZ", "ABC"]) {
      expect(() => money(1, currency)).toThrowError(expect.objectContaining({ code: "invalid_currency", field: "currency" }));
    }
  });

  it("assertCents refuses negatives unless allowed", () => {
    expect(() => assertCents(-1, "disputedCents")).toThrowError(expect.objectContaining({ code: "invalid_amount", field: "disputedCents" }));
    expect(() => assertCents(-1, "balance", { allowNegative: true })).not.toThrow();
  });
});

describe("arithmetic", () => {
  it("adds and subtracts in one currency", () => {
    expect(addMoney(money(150), money(250))).toEqual(money(400));
    expect(subtractMoney(money(150), money(250))).toEqual(money(-100));
    expect(sumMoney([money(1), money(2), money(3)])).toEqual(money(6));
    expect(sumMoney([], "USD")).toEqual(money(0, "USD"));
    expect(equalsMoney(money(1), money(1))).toBe(true);
    expect(equalsMoney(money(1), money(1, "USD"))).toBe(false);
  });

  it("refuses to mix currencies", () => {
    expect(() => addMoney(money(1), money(1, "USD"))).toThrowError(expect.objectContaining({ code: "currency_mismatch" }));
    expect(() => subtractMoney(money(1), money(1, "GBP"))).toThrowError(DomainValidationError);
  });

  it("refuses a result beyond the safe integers", () => {
    expect(() => addMoney(money(Number.MAX_SAFE_INTEGER), money(1))).toThrowError(expect.objectContaining({ code: "invalid_amount" }));
  });
});

describe("allocate", () => {
  it("splits by largest remainder, earliest first on a tie", () => {
    expect(allocate(money(1000), [1, 1, 1]).map((m) => m.cents)).toEqual([334, 333, 333]);
    expect(allocate(money(5), [3, 7]).map((m) => m.cents)).toEqual([2, 3]);
    expect(allocate(money(100), [0, 1]).map((m) => m.cents)).toEqual([0, 100]);
    expect(allocate(money(-1000), [1, 1, 1]).map((m) => m.cents)).toEqual([-334, -333, -333]);
  });

  it("refuses negative, fractional or all-zero ratios", () => {
    expect(() => allocate(money(1), [1, -1])).toThrowError(expect.objectContaining({ field: "ratios[1]" }));
    expect(() => allocate(money(1), [0.5])).toThrowError(expect.objectContaining({ field: "ratios[0]" }));
    expect(() => allocate(money(1), [0, 0])).toThrowError(expect.objectContaining({ field: "ratios" }));
    expect(() => allocate(money(1), [])).toThrowError(expect.objectContaining({ field: "ratios" }));
  });

  it("always sums to the whole, and no share is more than one cent off its exact value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        (cents, ratios) => {
          const shares = allocate(money(cents), ratios);
          expect(shares).toHaveLength(ratios.length);
          expect(shares.reduce((sum, share) => sum + share.cents, 0)).toBe(cents);
          const total = ratios.reduce((a, b) => a + b, 0);
          shares.forEach((share, index) => {
            expect(Math.abs(share.cents - (cents * (ratios[index] as number)) / total)).toBeLessThan(1 + 1e-6);
            expect(share.currency).toBe("EUR");
          });
        },
      ),
    );
  });
});

describe("formatMoney", () => {
  it("writes French amounts with a narrow no-break space between groups and a no-break space before €", () => {
    expect(formatMoney(money(123_456), "fr")).toBe(`1${NNBSP}234,56${NBSP}€`);
    expect(formatMoney(money(123_456))).toBe(`1${NNBSP}234,56${NBSP}€`);
  });

  it("writes English amounts as en-GB does", () => {
    expect(formatMoney(money(123_456), "en")).toBe("€1,234.56");
    expect(formatMoney(money(-5), "en")).toBe("-€0.05");
  });

  it("agrees with Intl.NumberFormat for any amount, to the cent", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (cents) => {
        expect(formatMoney(money(cents), "fr")).toBe(
          new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100),
        );
        expect(formatMoney(money(cents), "en")).toBe(
          new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(cents / 100),
        );
      }),
    );
  });

  it("keeps every cent of the largest amounts, where floating point would not", () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER), "en")).toBe("€90,071,992,547,409.91");
  });

  it("uses each currency's own minor unit", () => {
    expect(currencyDigits("JPY")).toBe(0);
    expect(formatMoney(money(1234, "JPY"), "en")).toBe("JP¥1,234");
    expect(toDecimalString(money(5, "KWD"))).toBe("0.005");
    expect(toDecimalString(money(-123_456))).toBe("-1234.56");
  });

  it("refuses an unknown locale", () => {
    expect(() => formatMoney(money(1), "de" as "fr")).toThrowError(expect.objectContaining({ field: "locale" }));
  });
});
