import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatQuantity } from "./format";

describe("formatMoney", () => {
  it("formats cents in French with a comma and the euro sign after", () => {
    expect(formatMoney(123456, "EUR", "fr").replace(/\s/g, " ")).toBe("1 234,56 €");
  });
  it("formats cents in English with the sign before", () => {
    expect(formatMoney(123456, "EUR", "en")).toBe("€1,234.56");
  });
});

describe("formatDate", () => {
  it("keeps a calendar date on its day whatever the time zone", () => {
    expect(formatDate("2026-03-01", "fr")).toBe("1 mars 2026");
    expect(formatDate("2026-03-01", "en")).toBe("1 Mar 2026");
  });
});

describe("formatQuantity", () => {
  it("shows thousandths of a unit in the reader's language, three decimals at most", () => {
    expect(formatQuantity(12_500, "fr")).toBe("12,5");
    expect(formatQuantity(12_500, "en")).toBe("12.5");
    expect(formatQuantity(1_234_567, "en")).toBe("1,234.567");
  });
});
