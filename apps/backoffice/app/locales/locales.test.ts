import { catalogueKeys, sharedMessages } from "@accord/ui/locales";
import { PACKAGE_SOURCES, keysBeyond, readSources, unusedKeys } from "@accord/ui/locales/usage";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { appMessages, messages, resources } from "./index";

const root = fileURLToPath(new URL("../../../../", import.meta.url));

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

  // Keys thrown by @accord/core (AppError messageKey), @accord/domain's codes and @accord/web's zod and
  // flash keys are literals or template prefixes in those packages' sources, which are read too.
  it("uses every key of its own catalogue and its features' (ADR 0019)", () => {
    const sources = readSources(["apps/backoffice/app", ...PACKAGE_SOURCES].map((folder) => root + folder));
    expect(unusedKeys(keysBeyond(messages.fr, sharedMessages.fr), { sources, catalogue: messages.fr })).toEqual([]);
  });
});
