import { OUTCOMES, PROPOSAL_KINDS, PROPOSAL_STATUSES } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { OUTCOME_VALUES, PROPOSAL_KIND_VALUES, PROPOSAL_STATUS_VALUES } from "./settlement";

// The settlement tables' check constraints need the lists in SQL (db depends on nothing of ours): they must stay the domain's.
describe("the settlement values of the schema", () => {
  it("are the domain's proposal kinds, proposal statuses and outcomes", () => {
    expect([...PROPOSAL_KIND_VALUES]).toEqual([...PROPOSAL_KINDS]);
    expect([...PROPOSAL_STATUS_VALUES]).toEqual([...PROPOSAL_STATUSES]);
    expect([...OUTCOME_VALUES]).toEqual([...OUTCOMES]);
  });
});
