import { claimSchema } from "@accord/core";
import { describe, expect, it } from "vitest";
import { checkFormEntries, describeFormProblem, FORM_LIMITS, formLimitMessages, formProblemStatus } from "./form-limits";
import { parseForm } from "./forms";

const t = (key: string) => key;

function form(entries: [string, string][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** What parseForm threw: the status and the text of the answer (a thrown `data(...)`). */
function thrownBy(run: () => unknown): { status: number; text: string } {
  try {
    run();
  } catch (error) {
    const thrown = error as { init?: { status?: number }; data?: unknown };
    return { status: thrown.init?.status ?? 0, text: String(thrown.data) };
  }
  throw new Error("nothing was thrown");
}

describe("form limits", () => {
  it("accepts indices up to the bound, and refuses the one past it, naming the field", () => {
    expect(checkFormEntries([[`lines[${FORM_LIMITS.maxIndex}].contestedQuantity`, "1"]])).toBeNull();
    expect(checkFormEntries([["lines[0001].x", "1"]])).toBeNull();
    expect(checkFormEntries([[`lines[${FORM_LIMITS.maxIndex + 1}].contestedQuantity`, "1"]])).toEqual({
      code: "index_too_large",
      field: `lines[${FORM_LIMITS.maxIndex + 1}].contestedQuantity`,
    });
    expect(checkFormEntries([["kbArticleIds[50000000]", "x"]])).toMatchObject({ code: "index_too_large" });
    expect(checkFormEntries([["a[0][99999999999999999999999]", "x"]])).toMatchObject({ code: "index_too_large" });
  });

  it("refuses a NUL byte in any value or name, naming the field", () => {
    expect(checkFormEntries([["title", "ok"], ["description", "a\0b"]])).toEqual({ code: "nul_byte", field: "description" });
    expect(checkFormEntries([["ti\0tle", "x"]])).toEqual({ code: "nul_byte", field: "ti�tle" });
  });

  it("refuses more fields than the bound", () => {
    const many = Array.from({ length: FORM_LIMITS.maxFields }, (_, i) => [`f${i}`, "x"] as [string, string]);
    expect(checkFormEntries(many)).toBeNull();
    expect(checkFormEntries([...many, ["one-more", "x"]])).toEqual({ code: "too_many_fields" });
  });

  it("says it in French and English, with the field's name and never its value", () => {
    expect(Object.keys(formLimitMessages.en)).toEqual(Object.keys(formLimitMessages.fr));
    const problem = { code: "nul_byte", field: "description" } as const;
    expect(describeFormProblem(problem, "fr")).toContain("« description »");
    expect(describeFormProblem(problem, "en")).toContain("“description”");
    expect(formProblemStatus(problem)).toBe(400);
    expect(formProblemStatus({ code: "too_large" })).toBe(413);
  });
});

describe("parseForm", () => {
  it("refuses a huge index before the schema builds any array (a 400 naming the field)", () => {
    const refused = thrownBy(() => parseForm(form([["title", "t"], ["lines[100000000].contestedQuantity", "1"]]), claimSchema, t));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("lines[100000000].contestedQuantity");
  });

  it("refuses a NUL byte in any field (a 400 naming it)", () => {
    const refused = thrownBy(() => parseForm(form([["title", "a\0"]]), claimSchema, t));
    expect(refused).toMatchObject({ status: 400 });
    expect(refused.text).toContain("« title »");
  });
});
