import { CORRECTIVE_ACTION_STATUSES } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { CORRECTIVE_ACTION_STATUS_VALUES } from "./corrective";

// The corrective actions' check constraint needs the list in SQL (db depends on nothing of ours): it must stay the domain's.
describe("the corrective action statuses of the schema", () => {
  it("are the domain's", () => {
    expect([...CORRECTIVE_ACTION_STATUS_VALUES]).toEqual([...CORRECTIVE_ACTION_STATUSES]);
  });
});
