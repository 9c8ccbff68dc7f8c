import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogueKeys, mergeCatalogues, mergeMessages, sharedMessages } from "./index";
import { PACKAGE_SOURCES, readSources, unusedKeys } from "./usage";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

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

describe("shared catalogue in use", () => {
  it("has every key used by one of the apps or the shared packages (ADR 0019)", () => {
    const sources = readSources(["apps/portal/app", "apps/backoffice/app", ...PACKAGE_SOURCES].map((folder) => join(root, folder)));
    expect(unusedKeys(catalogueKeys(sharedMessages.fr), { sources, catalogue: sharedMessages.fr })).toEqual([]);
  });
});

describe("unusedKeys", () => {
  const catalogue = {
    page: { title: "T", unused: "U", nested: "$t(status.{{status}})", items_one: "1 item", items_other: "{{count}} items" },
    status: { open: "Open", closed: "Closed" },
    type: { a: "A", b: "B" },
    queue: { sla: { first: "F", last: "L" } },
    other: { first: "F", last: "L" },
  };
  const keys = catalogueKeys(catalogue);

  it("finds the keys no source names", () => {
    expect(unusedKeys(keys, { sources: [], catalogue: {} })).toEqual(keys);
    expect(unusedKeys(keys, { sources: ['t("page.title")'], catalogue: {} })).not.toContain("page.title");
  });

  it("counts a literal key, a template literal's prefix, a branch, a nesting and a plural as uses", () => {
    const sources = ['t("page.title"); t("page.nested"); t("page.items", { count });', "t(`type.${kind}`);", 'options(LIST, "queue.sla");', "t('other.first');"];
    expect(unusedKeys(keys, { sources, catalogue })).toEqual(["other.last", "page.unused"]);
  });

  it("does not count a template without a leading key, nor a word without a dot", () => {
    expect(unusedKeys(keys, { sources: ["t(`${prefix}.${value}`)", 'const other = "other";'], catalogue: {} })).toEqual(keys);
  });

  it("takes the keys reached in a way the sources do not show from a list", () => {
    const used = unusedKeys(keys, { sources: [], catalogue: {}, reachedOtherwise: ["page.unused", "status.*"] });
    expect(used).not.toContain("page.unused");
    expect(used).not.toContain("status.open");
    expect(used).toContain("page.title");
  });
});

describe("mergeMessages", () => {
  it("merges bilingual catalogues language by language", () => {
    const merged = mergeMessages({ fr: { a: { b: "1" } }, en: { a: { b: "one" } } }, { fr: { a: { c: "2" } }, en: { a: { c: "two" } } });
    expect(merged).toEqual({ fr: { a: { b: "1", c: "2" } }, en: { a: { b: "one", c: "two" } } });
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
