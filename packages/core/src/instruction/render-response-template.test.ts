import { describe, expect, it } from "vitest";
import { renderResponseTemplate, templateDeadline, unfilledPlaceholders } from "./render-response-template";

const values = {
  customerName: "Julie Bernard",
  reference: "LIT-2026-000042",
  agentName: "Camille Dubois",
  deadline: "vendredi 4 décembre 2026",
  firstResponseDeadline: "mardi 24 novembre 2026",
  resolutionDeadline: "vendredi 4 décembre 2026",
  evidenceDueDate: null,
};

describe("renderResponseTemplate", () => {
  it("fills every placeholder, with or without spaces in the braces", () => {
    expect(renderResponseTemplate("Bonjour {{customerName}}, dossier {{ reference }} traité avant le {{deadline}}. {{agentName}}, réponse sous {{firstResponseDeadline}}", values)).toBe(
      "Bonjour Julie Bernard, dossier LIT-2026-000042 traité avant le vendredi 4 décembre 2026. Camille Dubois, réponse sous mardi 24 novembre 2026",
    );
  });

  it("leaves an unknown placeholder, or one without a value, as written", () => {
    expect(renderResponseTemplate("Hello {{customer}} {{reference}}, before {{evidenceDueDate}}", values)).toBe("Hello {{customer}} LIT-2026-000042, before {{evidenceDueDate}}");
  });

  it("does not interpret replacement patterns in the values", () => {
    expect(renderResponseTemplate("{{customerName}}", { ...values, customerName: "$& $1" })).toBe("$& $1");
  });
});

describe("unfilledPlaceholders", () => {
  it("finds each placeholder left in a reply, once", () => {
    expect(unfilledPlaceholders("Avant le {{deadline}} ({{ deadline }}), {{x}}")).toEqual(["{{deadline}}", "{{ deadline }}", "{{x}}"]);
    expect(unfilledPlaceholders("Accolades {seules} et {{ }} vides")).toEqual([]);
  });
});

describe("templateDeadline", () => {
  it("is the evidence due date while the customer owes evidence, otherwise the resolution deadline", () => {
    expect(templateDeadline({ evidenceDueDate: "lundi 30 novembre 2026", resolutionDeadline: null })).toBe("lundi 30 novembre 2026");
    expect(templateDeadline({ evidenceDueDate: null, resolutionDeadline: "vendredi 4 décembre 2026" })).toBe("vendredi 4 décembre 2026");
    expect(templateDeadline({ evidenceDueDate: null, resolutionDeadline: null })).toBeNull();
  });
});
