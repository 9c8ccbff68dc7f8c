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

  it("accepts a password that is not on the list", () => {
    expect(isCommonPassword("mot-de-passe-persistant")).toBe(false);
    expect(isCommonPassword("accord-demo-2026")).toBe(false);
  });
});
