import { describe, expect, it } from "vitest";
import { jsonPath } from "./handler";
import { createTranslator, defaultApiCatalogues, languageOf } from "./i18n";

const request = (acceptLanguage?: string) => new Request("http://x/api/v1/claims", { headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {} });

describe("languageOf", () => {
  it("answers in French unless the client prefers English", () => {
    expect(languageOf(request())).toBe("fr");
    expect(languageOf(request("en"))).toBe("en");
    expect(languageOf(request("en-GB,en;q=0.9,fr;q=0.8"))).toBe("en");
    expect(languageOf(request("de-DE,fr;q=0.5,en;q=0.9"))).toBe("en");
    expect(languageOf(request("de,fr;q=0.9,en;q=0.5"))).toBe("fr");
    expect(languageOf(request("en;q=0"))).toBe("fr");
    expect(languageOf(request("es"))).toBe("fr");
  });
});

describe("jsonPath", () => {
  it("names a field the way the API documents it", () => {
    expect(jsonPath(["lines", 0, "contestedQuantity"])).toBe("lines[0].contestedQuantity");
    expect(jsonPath(["quality", "product"])).toBe("quality.product");
    expect(jsonPath([])).toBe("");
  });
});

describe("the API's messages", () => {
  it("exist in French and English, with their parameters", () => {
    const t = createTranslator(defaultApiCatalogues);
    expect(t("fr")("api.detail.rateLimited", { limit: 120, seconds: 7 })).toBe("Limite de 120 requêtes par minute atteinte : réessayez dans 7 s.");
    expect(t("en")("api.detail.rateLimited", { limit: 120, seconds: 7 })).toBe("Limit of 120 requests per minute reached: try again in 7 s.");
    expect(t("en")("claim.error.required")).not.toBe("claim.error.required");
  });
});
