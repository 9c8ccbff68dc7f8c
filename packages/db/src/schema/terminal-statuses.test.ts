import { CASE_STATUSES, isTerminal } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { TERMINAL_CASE_STATUSES } from "./cases";

// The queue's partial indexes need the list in SQL (db depends on nothing of ours): it must stay the domain's.
describe("the terminal statuses of the schema", () => {
  it("are the domain's terminal statuses", () => {
    expect([...TERMINAL_CASE_STATUSES].sort()).toEqual(CASE_STATUSES.filter(isTerminal).sort());
  });
});
