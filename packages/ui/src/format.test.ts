import { describe, expect, it } from "vitest";
import { formatDate, formatDecimalText, formatMoney, formatMonth, formatQuantity } from "./format";

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

describe("formatDecimalText", () => {
  it("writes a stored decimal in the reader's notation with the digits it was recorded with", () => {
    expect(formatDecimalText("113.6", "fr")).toBe("113,6");
    expect(formatDecimalText("110.0", "fr")).toBe("110,0");
    expect(formatDecimalText("1234.50", "en")).toBe("1,234.50");
    expect(formatDecimalText("98", "en")).toBe("98");
  });
});

describe("formatMonth", () => {
  it("names the month of a date in the reader's language", () => {
    expect(formatMonth("2026-10-01", "fr")).toBe("octobre 2026");
    expect(formatMonth("2026-10", "en")).toBe("October 2026");
  });
});
