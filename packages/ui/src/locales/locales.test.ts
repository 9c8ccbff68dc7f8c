import { describe, expect, it } from "vitest";
import { catalogueKeys, mergeCatalogues, sharedMessages } from "./index";

describe("shared catalogue", () => {
  it("has the same keys in French and English", () => {
    expect(catalogueKeys(sharedMessages.en)).toEqual(catalogueKeys(sharedMessages.fr));
  });

  it("has no empty string", () => {
    for (const catalogue of [sharedMessages.fr, sharedMessages.en]) {
      const flat = catalogueKeys(catalogue);
      expect(flat.length).toBeGreaterThan(0);
      for (const key of flat) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(value, key).not.toBe("");
      }
    }
  });

  it("holds the message keys that core's AppError uses", () => {
    const keys = catalogueKeys(sharedMessages.fr);
    for (const key of [
      "auth.invalidCredentials",
      "auth.rateLimited",
      "auth.tokenInvalid",
      "auth.tokenExpired",
      "validation.required",
      "validation.email",
      "validation.tooLong",
      "validation.passwordTooShort",
      "validation.passwordMismatch",
      "auth.resetTokenInvalid",
      "auth.resetTokenExpired",
      "error.not_found",
      "error.forbidden",
      "error.invalid_transition",
      "error.validation",
      "error.conflict",
      "error.rate_limited",
      "error.token_invalid",
      "error.token_expired",
    ]) {
      expect(keys).toContain(key);
    }
    expect(sharedMessages.fr.auth.rateLimited).toContain("{{minutes}}");
    expect(sharedMessages.en.auth.rateLimited).toContain("{{minutes}}");
  });
});

describe("mergeCatalogues", () => {
  it("merges nested keys", () => {
    expect(mergeCatalogues({ a: { b: "1" } }, { a: { c: "2" }, d: "3" })).toEqual({ a: { b: "1", c: "2" }, d: "3" });
  });

  it("refuses a key defined twice", () => {
    expect(() => mergeCatalogues({ a: { b: "1" } }, { a: { b: "2" } })).toThrow("a.b");
  });
});
