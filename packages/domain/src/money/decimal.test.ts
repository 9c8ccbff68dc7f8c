import { describe, expect, it } from "vitest";
import { parseDecimal } from "./decimal";

describe("parseDecimal", () => {
  it("reads decimals as a French user types them", () => {
    expect(parseDecimal("12,5", 3)).toBe(12_500);
    expect(parseDecimal("12.5", 3)).toBe(12_500);
    expect(parseDecimal("1 234,50", 2)).toBe(123_450);
    expect(parseDecimal("1\u202f234,5", 2)).toBe(123_450);
    expect(parseDecimal("1.234,50", 2)).toBe(123_450);
    expect(parseDecimal("1,234.50", 2)).toBe(123_450);
    expect(parseDecimal(",5", 2)).toBe(50);
    expect(parseDecimal("7", 0)).toBe(7);
    expect(parseDecimal("2,500", 2)).toBe(250);
  });

  it("says why it refuses", () => {
    expect(parseDecimal("-3", 3)).toBe("negative");
    expect(parseDecimal("douze", 3)).toBe("invalid");
    expect(parseDecimal("1,2,3", 3)).toBe("invalid");
    expect(parseDecimal("0,001", 2)).toBe("too_many_decimals");
    expect(parseDecimal("99999999999999999999", 2)).toBe("too_large");
  });
});
