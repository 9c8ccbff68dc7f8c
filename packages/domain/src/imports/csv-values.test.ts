import { describe, expect, it } from "vitest";
import { detectDelimiter, normaliseHeader, readCsvChoice, readCsvDate, readCsvDecimal, readCsvPositiveInteger, readCsvVatRate } from "./csv-values";

describe("CSV cells, the French way", () => {
  it("matches headers whatever their accents, case and separators", () => {
    expect(normaliseHeader(" Numéro facture ")).toBe("numero_facture");
    expect(normaliseHeader("NUMERO-FACTURE")).toBe("numero_facture");
    expect(normaliseHeader("Quantité contestée")).toBe("quantite_contestee");
    expect(normaliseHeader("N° ligne")).toBe("n_ligne");
    expect(normaliseHeader("Résultat souhaité")).toBe("resultat_souhaite");
  });

  it("detects the separator from the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"a,b,c";d')).toBe(";");
    expect(detectDelimiter("seule")).toBe(";");
  });

  it("reads French and ISO dates, refuses impossible ones", () => {
    expect(readCsvDate("05/11/2026")).toEqual({ ok: true, value: "2026-11-05" });
    expect(readCsvDate("5/1/2026")).toEqual({ ok: true, value: "2026-01-05" });
    expect(readCsvDate("2026-11-05")).toEqual({ ok: true, value: "2026-11-05" });
    expect(readCsvDate("31/02/2026")).toEqual({ ok: false, code: "invalid_date" });
    expect(readCsvDate("11/05/26")).toEqual({ ok: false, code: "invalid_date" });
    expect(readCsvDate("")).toEqual({ ok: false, code: "required" });
    expect(readCsvDate(" ", false)).toEqual({ ok: true, value: null });
  });

  it("reads decimal commas and dots, thousands separators, and refuses what is not a figure", () => {
    expect(readCsvDecimal("12,5", 2)).toEqual({ ok: true, value: 1250 });
    expect(readCsvDecimal("1 234,56", 2)).toEqual({ ok: true, value: 123456 });
    expect(readCsvDecimal("1234.5", 3)).toEqual({ ok: true, value: 1234500 });
    expect(readCsvDecimal("12,345", 2)).toEqual({ ok: false, code: "too_many_decimals" });
    expect(readCsvDecimal("douze", 2)).toEqual({ ok: false, code: "invalid_number" });
    expect(readCsvDecimal("-3", 2)).toEqual({ ok: false, code: "negative" });
    expect(readCsvDecimal("0", 2, { positive: true })).toEqual({ ok: false, code: "not_positive" });
    expect(readCsvDecimal("", 2, { required: true })).toEqual({ ok: false, code: "required" });
    expect(readCsvDecimal("", 2)).toEqual({ ok: true, value: null });
  });

  it("reads line numbers, VAT rates and choices", () => {
    expect(readCsvPositiveInteger("3")).toEqual({ ok: true, value: 3 });
    expect(readCsvPositiveInteger("0")).toEqual({ ok: false, code: "not_positive" });
    expect(readCsvPositiveInteger("1,5")).toEqual({ ok: false, code: "invalid_number" });
    expect(readCsvVatRate("5,5")).toEqual({ ok: true, value: 550 });
    expect(readCsvVatRate("20 %")).toEqual({ ok: true, value: 2000 });
    expect(readCsvVatRate("120")).toEqual({ ok: false, code: "too_large" });
    const choices = { qualite: "quality", quality: "quality" } as const;
    expect(readCsvChoice("Qualité", choices)).toEqual({ ok: true, value: "quality" });
    expect(readCsvChoice("bof", choices)).toEqual({ ok: false, code: "invalid_choice" });
  });
});

describe("paidStatusOf", () => {
  it("is unpaid, partially paid or paid from what was paid against the total", async () => {
    const { paidStatusOf } = await import("./csv-values");
    expect(paidStatusOf(0, 1000)).toBe("unpaid");
    expect(paidStatusOf(1, 1000)).toBe("partially_paid");
    expect(paidStatusOf(1000, 1000)).toBe("paid");
  });
});
