import { catalogueKeys } from "@accord/ui/locales";
import { describe, expect, it } from "vitest";
import { appMessages, resources } from "./index";

describe("back-office catalogue", () => {
  it("has the same keys in French and English", () => {
    expect(catalogueKeys(appMessages.en)).toEqual(catalogueKeys(appMessages.fr));
  });

  it("merges with the shared catalogue into the same keys in both languages", () => {
    const frKeys = catalogueKeys(resources.fr.translation);
    expect(catalogueKeys(resources.en.translation)).toEqual(frKeys);
    expect(frKeys).toContain("auth.invalidCredentials");
    expect(frKeys).toContain("app.label");
  });
});
