import { catalogueKeys } from "@accord/ui/locales";
import { describe, expect, it } from "vitest";
import { appMessages, resources } from "./index";

const catalogues = {
  "the portal's own strings": appMessages,
  "the portal's strings merged with the shared ones": { fr: resources.fr.translation, en: resources.en.translation },
};

describe("portal catalogue", () => {
  it.each(Object.entries(catalogues))("%s have the same keys in French and English", (_, { fr, en }) => {
    expect(catalogueKeys(en)).toEqual(catalogueKeys(fr));
  });

  it("holds the shared strings and the app's", () => {
    const frKeys = catalogueKeys(resources.fr.translation);
    expect(frKeys).toContain("auth.invalidCredentials");
    expect(frKeys).toContain("app.label");
  });
});
