import { describe, expect, it } from "vitest";
import { formatCents, formatDay, formatInstant, inclVatCents, offerInWords, settlementMessages } from "./settlement-shared";

describe("settlement wording and formats", () => {
  it("writes a calendar date as the same day in Paris, in both languages", () => {
    expect(formatDay("2026-12-04", "fr", "full")).toBe("vendredi 4 décembre 2026");
    expect(formatDay("2026-12-04", "en", "full")).toBe("Friday, 4 December 2026");
    expect(formatDay("2027-01-01", "fr")).toBe("1 janvier 2027");
    expect(formatDay("2026-07-31", "en")).toBe("31 July 2026");
  });

  it("writes an instant as Paris date and time, winter and summer", () => {
    expect(formatInstant("2026-12-06T09:30:00.000Z", "fr")).toBe("6 décembre 2026 à 10:30");
    expect(formatInstant("2026-12-06T09:30:00.000Z", "en")).toBe("6 December 2026 at 10:30");
    // 22:30 UTC on 1 July is already 2 July in Paris (UTC+2).
    expect(formatInstant("2026-07-01T22:30:00.000Z", "fr")).toBe("2 juillet 2026 à 00:30");
  });

  it("formats cents through the domain, and adds VAT without floats", () => {
    expect(formatCents(123_456, "EUR", "fr")).toMatch(/^1\s234,56\s€$/);
    expect(formatCents(123_456, "EUR", "en")).toBe("€1,234.56");
    expect(inclVatCents(10, 20, "EUR")).toBe(30);
    expect(formatCents(inclVatCents(123_456, 24_691, "EUR"), "EUR", "en")).toBe("€1,481.47");
  });

  it("says every proposal kind in plain words, never its raw value", () => {
    for (const kind of Object.keys(settlementMessages.fr.kind) as (keyof typeof settlementMessages.fr.kind)[]) {
      for (const language of ["fr", "en"] as const) {
        const words = offerInWords(kind, 1000, "EUR", language);
        expect(words).not.toContain("_");
        if (language === "fr") expect(words).not.toContain(kind);
        expect(words).toMatch(language === "fr" ? /10,00\s€ HT/ : /€10\.00 excl\. VAT/);
      }
    }
  });

  it("has the same keys in both languages", () => {
    const keys = (messages: object): string[] => Object.entries(messages).flatMap(([key, value]) => (typeof value === "object" ? keys(value as object).map((sub) => `${key}.${sub}`) : [key])).sort();
    expect(keys(settlementMessages.en)).toEqual(keys(settlementMessages.fr));
  });
});
