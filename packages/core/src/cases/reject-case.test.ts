import { describe, expect, it } from "vitest";
import { rejectCaseSchema } from "./reject-case";

describe("rejectCaseSchema", () => {
  it("splits the reasons typed one per line, and takes them again once split (the back-office route parses the form, then the use case)", () => {
    const parsed = rejectCaseSchema.parse({ reference: "LIT-2026-000123", reasons: "Hors délai contractuel\n\n  Livraison signée sans réserve " });
    expect(parsed.reasons).toEqual(["Hors délai contractuel", "Livraison signée sans réserve"]);
    expect(rejectCaseSchema.parse(parsed)).toEqual(parsed);
  });

  it("refuses no reason at all", () => {
    const result = rejectCaseSchema.safeParse({ reference: "LIT-2026-000123", reasons: " \n " });
    expect(result.error?.issues).toMatchObject([{ path: ["reasons"], message: "casePage.reject.error.reasons" }]);
  });
});
