import { describe, expect, it } from "vitest";
import { renderResponseTemplate } from "./render-response-template";

const values = { customerName: "Julie Bernard", reference: "LIT-2026-000042", deadline: "vendredi 4 décembre 2026" };

describe("renderResponseTemplate", () => {
  it("fills every placeholder, with or without spaces in the braces", () => {
    expect(renderResponseTemplate("Bonjour {{customerName}}, dossier {{ reference }} traité avant le {{deadline}}.", values)).toBe(
      "Bonjour Julie Bernard, dossier LIT-2026-000042 traité avant le vendredi 4 décembre 2026.",
    );
  });

  it("leaves an unknown placeholder as written", () => {
    expect(renderResponseTemplate("Hello {{customer}} {{reference}}", values)).toBe("Hello {{customer}} LIT-2026-000042");
  });

  it("does not interpret replacement patterns in the values", () => {
    expect(renderResponseTemplate("{{customerName}}", { ...values, customerName: "$& $1" })).toBe("$& $1");
  });
});
