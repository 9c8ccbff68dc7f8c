import { answerEvidenceRequestSchema } from "@accord/core";
import { parseForm } from "@accord/web/forms";
import { describe, expect, it } from "vitest";

const t = (key: string) => key;
const REQUEST = "3f1c7a52-8f7e-4a63-9d7b-2f4b1a0e9c11";
const UPLOAD = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

function post(values: [string, string][]): FormData {
  const formData = new FormData();
  for (const [name, value] of values) formData.append(name, value);
  return formData;
}

// The browser sends an empty textarea as "" (conform reads it as absent): the answer may be files alone.
describe("the answer to an evidence request, as the form posts it", () => {
  it("is refused beside its text when it has neither a text nor a file", () => {
    const submission = parseForm(post([["requestId", REQUEST], ["text", ""]]), answerEvidenceRequestSchema, t);
    expect(submission.status === "error" ? submission.error : null).toEqual({ text: ["cases.error.answerEmpty"] });
  });

  it("may be files alone, or a text alone", () => {
    const files = parseForm(post([["requestId", REQUEST], ["text", ""], ["uploadIds", UPLOAD]]), answerEvidenceRequestSchema, t);
    expect(files.status === "success" ? files.value : null).toEqual({ requestId: REQUEST, text: "", uploadIds: [UPLOAD] });
    const text = parseForm(post([["requestId", REQUEST], ["text", "  Voici  "]]), answerEvidenceRequestSchema, t);
    expect(text.status === "success" ? text.value.text : null).toBe("Voici");
  });
});
