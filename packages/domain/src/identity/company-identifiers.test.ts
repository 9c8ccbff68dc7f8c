import { describe, expect, it } from "vitest";
import { checkFrenchVatNumber, frenchVatNumberOf, isValidSiren } from "./company-identifiers";

describe("SIREN", () => {
  it("accepts 9 digits with a valid Luhn check digit, spaces allowed", () => {
    expect(isValidSiren("303265045")).toBe(true);
    expect(isValidSiren("775 670 417")).toBe(true);
  });
  it("refuses a wrong check digit, a wrong length and letters", () => {
    expect(isValidSiren("303265046")).toBe(false);
    expect(isValidSiren("123456789")).toBe(false);
    expect(isValidSiren("30326504")).toBe(false);
    expect(isValidSiren("30326504A")).toBe(false);
  });
});

describe("French VAT number", () => {
  it("is FR, the key computed from the SIREN, then the SIREN", () => {
    expect(frenchVatNumberOf("303265045")).toBe("FR40303265045");
    expect(frenchVatNumberOf("775670417")).toBe("FR81775670417");
  });
  it("is checked against the company's SIREN, spaces and case forgiven", () => {
    expect(checkFrenchVatNumber("fr 40 303 265 045", "303265045")).toEqual({ ok: true, vatNumber: "FR40303265045" });
    expect(checkFrenchVatNumber("FR41303265045", "303265045")).toEqual({ ok: false, problem: "key" });
    expect(checkFrenchVatNumber("FR81775670417", "303265045")).toEqual({ ok: false, problem: "siren_mismatch" });
    expect(checkFrenchVatNumber("DE123456789", "303265045")).toEqual({ ok: false, problem: "format" });
  });
});
