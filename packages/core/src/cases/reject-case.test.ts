import { describe, expect, it } from "vitest";
import { rejectCaseSchema } from "./reject-case";

describe("rejectCaseSchema", () => {
  it("splits the reasons typed one per line (the form's textarea), parsed once by the entry point", () => {
    const parsed = rejectCaseSchema.parse({ reference: "LIT-2026-000123", reasons: "Hors délai contractuel\n\n  Livraison signée sans réserve " });
    expect(parsed.reasons).toEqual(["Hors délai contractuel", "Livraison signée sans réserve"]);
  });

  it("takes only what the form sends: the reasons already split are not an input", () => {
    const result = rejectCaseSchema.safeParse({ reference: "LIT-2026-000123", reasons: ["Hors délai contractuel"] });
    expect(result.error?.issues).toMatchObject([{ path: ["reasons"], message: "casePage.reject.error.reasons" }]);
  });

  it("refuses no reason at all", () => {
    const result = rejectCaseSchema.safeParse({ reference: "LIT-2026-000123", reasons: " \n " });
    expect(result.error?.issues).toMatchObject([{ path: ["reasons"], message: "casePage.reject.error.reasons" }]);
  });
});
