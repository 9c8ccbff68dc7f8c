import { JUDGMENT_RULINGS, LEGAL_STEP_KINDS } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { JUDGMENT_RULING_VALUES, LEGAL_STEP_KIND_VALUES } from "./litigation";

// The litigation tables' check constraints need the lists in SQL (db depends on nothing of ours): they must stay the domain's.
describe("the litigation values of the schema", () => {
  it("are the domain's legal step kinds and judgment rulings", () => {
    expect([...LEGAL_STEP_KIND_VALUES]).toEqual([...LEGAL_STEP_KINDS]);
    expect([...JUDGMENT_RULING_VALUES]).toEqual([...JUDGMENT_RULINGS]);
  });
});
