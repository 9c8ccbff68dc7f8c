import { SLA_NOTICE_KINDS } from "@accord/domain";
import { describe, expect, it } from "vitest";
import { SLA_NOTICE_KIND_VALUES } from "./sla";

// The notices' check constraint needs the list in SQL (db depends on nothing of ours): it must stay the domain's.
describe("the SLA notice kinds of the schema", () => {
  it("are the domain's", () => {
    expect([...SLA_NOTICE_KIND_VALUES]).toEqual([...SLA_NOTICE_KINDS]);
  });
});
