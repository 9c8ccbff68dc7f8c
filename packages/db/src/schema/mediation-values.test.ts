import { MEDIATION_FAILURE_NEXT_STEPS, MEDIATION_KINDS, MEDIATION_OUTCOMES, MEDIATION_SESSION_VISIBILITIES } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { MEDIATION_KIND_VALUES, MEDIATION_NEXT_STEP_VALUES, MEDIATION_OUTCOME_VALUES, MEDIATION_SESSION_VISIBILITY_VALUES } from "./mediation";

// The mediation tables' check constraints need the lists in SQL (db depends on nothing of ours): they must stay the domain's.
describe("the mediation values of the schema", () => {
  it("are the domain's kinds, outcomes, next steps and session visibilities", () => {
    expect([...MEDIATION_KIND_VALUES]).toEqual([...MEDIATION_KINDS]);
    expect([...MEDIATION_OUTCOME_VALUES]).toEqual([...MEDIATION_OUTCOMES]);
    expect([...MEDIATION_NEXT_STEP_VALUES]).toEqual([...MEDIATION_FAILURE_NEXT_STEPS]);
    expect([...MEDIATION_SESSION_VISIBILITY_VALUES]).toEqual([...MEDIATION_SESSION_VISIBILITIES]);
  });
});
