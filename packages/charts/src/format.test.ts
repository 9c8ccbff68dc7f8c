import { describe, expect, it } from "vitest";
import { formatValue } from "./format";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("formatValue", () => {
  it("writes each format the French way", () => {
    expect(formatValue(1234, "count", "fr")).toBe(`1${NNBSP}234`);
    expect(formatValue(12.5, "percent", "fr")).toBe(`12,5${NBSP}%`);
    expect(formatValue(4.2, "days", "fr")).toBe(`4,2${NBSP}j`);
    expect(formatValue(1_234_500, "cents", "fr")).toBe(`12${NNBSP}345${NBSP}€`);
    expect(formatValue(32, "score", "fr")).toBe("+32");
  });

  it("writes each format the English way", () => {
    expect(formatValue(1234, "count", "en")).toBe("1,234");
    expect(formatValue(12.5, "percent", "en")).toBe("12.5%");
    expect(formatValue(4.2, "days", "en")).toBe(`4.2${NBSP}d`);
    expect(formatValue(1_234_500, "cents", "en")).toBe("€12,345");
    expect(formatValue(-12, "score", "en")).toBe("-12");
  });

  it("keeps the cents of a small amount that has some, drops them otherwise", () => {
    expect(formatValue(1250, "cents", "en")).toBe("€12.50");
    expect(formatValue(1200, "cents", "en")).toBe("€12");
    expect(formatValue(123_456_78, "cents", "en")).toBe("€123,457");
  });

  it("shows a missing or non-finite value as a dash, never NaN", () => {
    for (const format of ["count", "percent", "days", "cents", "score"] as const) {
      expect(formatValue(null, format, "fr")).toBe("—");
      expect(formatValue(Number.NaN, format, "en")).toBe("—");
      expect(formatValue(Number.POSITIVE_INFINITY, format, "en")).toBe("—");
    }
  });

  it("writes zero without a sign", () => {
    expect(formatValue(0, "score", "fr")).toBe("0");
    expect(formatValue(0, "percent", "en")).toBe("0%");
  });
});
