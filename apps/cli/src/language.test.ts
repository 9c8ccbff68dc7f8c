import { describe, expect, it } from "vitest";
import { cliLanguage } from "./language";

describe("the CLI's language", () => {
  it("is French unless ACCORD_LANG, LC_ALL or LANG says English", () => {
    expect(cliLanguage({})).toBe("fr");
    expect(cliLanguage({ LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(cliLanguage({ LANG: "en_GB.UTF-8" })).toBe("en");
    expect(cliLanguage({ LC_ALL: "en_US.UTF-8", LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(cliLanguage({ ACCORD_LANG: "fr", LANG: "en_US.UTF-8" })).toBe("fr");
  });
});
