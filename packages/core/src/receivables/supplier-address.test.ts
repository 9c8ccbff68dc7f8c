import { describe, expect, it } from "vitest";
import { supplierPostalAddress } from "./build-credit-note";

describe("supplierPostalAddress", () => {
  it("reads street lines, then the postcode and city, with or without a last line « France »", () => {
    const expected = { lines: ["14 avenue du Général-Leclerc"], postcode: "60300", city: "Senlis", countryCode: "FR" };
    expect(supplierPostalAddress("14 avenue du Général-Leclerc\n60300 Senlis")).toEqual(expected);
    expect(supplierPostalAddress("14 avenue du Général-Leclerc\r\n60300 Senlis\r\nFRANCE\n")).toEqual(expected);
  });

  it("refuses what is not a French postal address", () => {
    expect(supplierPostalAddress("60300 Senlis")).toBeNull();
    expect(supplierPostalAddress("14 avenue du Général-Leclerc\nSenlis")).toBeNull();
    expect(supplierPostalAddress("1 rue\n2 rue\n3 rue\n4 rue\n60300 Senlis")).toBeNull();
    expect(supplierPostalAddress("10 Downing Street\nLondon SW1A 2AA\nUnited Kingdom")).toBeNull();
  });
});
