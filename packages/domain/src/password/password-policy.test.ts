import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS_TEXT } from "./common-passwords";
import { isCommonPassword, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("common passwords", () => {
  it("ships the 10,000 most common passwords, most common first", () => {
    const list = COMMON_PASSWORDS_TEXT.split("\n");
    expect(list).toHaveLength(10_000);
    expect(list.slice(0, 5)).toEqual(["password", "123456", "12345678", "1234", "qwerty"]);
  });

  it("refuses the common ones that are long enough to pass the length rule, whatever their case", () => {
    const longEnough = COMMON_PASSWORDS_TEXT.split("\n").filter((p) => p.length >= PASSWORD_MIN_LENGTH);
    expect(longEnough.length).toBeGreaterThan(0);
    for (const password of longEnough) expect(isCommonPassword(password)).toBe(true);
    expect(isCommonPassword("MotherFucker")).toBe(true);
    expect(isCommonPassword(" Password ")).toBe(true);
  });

  it("refuses a common password dressed up to the minimum length with digits and symbols (property)", () => {
    const words = COMMON_PASSWORDS_TEXT.split("\n").filter((p) => /^[a-z]{3,}$/.test(p));
    fc.assert(
      fc.property(fc.constantFrom(...words), fc.string({ unit: fc.constantFrom(..."0123456789!?.*-_@#"), minLength: 0, maxLength: 8 }), fc.boolean(), (word, extra, capitalise) => {
        const dressed = `${capitalise ? word[0]!.toUpperCase() + word.slice(1) : word}${extra}`.padEnd(PASSWORD_MIN_LENGTH, "1");
        expect(isCommonPassword(dressed)).toBe(true);
      }),
    );
  });

  it("refuses this product's words and the user's own, only digits, and a short unit repeated", () => {
    expect(isCommonPassword("Accord2026!!")).toBe(true);
    expect(isCommonPassword("Réclamation2026")).toBe(true);
    expect(isCommonPassword("fontaine1234567", ["Marc", "Fontaine", "compta"])).toBe(true);
    expect(isCommonPassword("123456789012")).toBe(true);
    expect(isCommonPassword("abcabcabcabc")).toBe(true);
    expect(isCommonPassword("qwertyqwerty")).toBe(true);
  });

  it("accepts a password that is none of these", () => {
    expect(isCommonPassword("mot-de-passe-persistant")).toBe(false);
    expect(isCommonPassword("accord-demo-2026")).toBe(false);
    expect(isCommonPassword("cheval-agrafe-pile")).toBe(false);
    expect(isCommonPassword("fontaine-des-quatre-saisons", ["Fontaine"])).toBe(false);
  });
});
