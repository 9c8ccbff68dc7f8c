import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { later, mediateCase, openReceivedCase, staffWith } from "../testing/test-case";
import { assignCase } from "./assign-case";
import { getStaffCase } from "./get-staff-case";
import { parseInput } from "../errors";
import { assignCaseSchema } from "./assign-case";

const t = useTestDb();

describe("getStaffCase: the customer panel", () => {
  it("shows a mediator only the other cases they mediate (open cases and recurrences), an agent all of them", async () => {
    const { reference, accountId, row } = await openReceivedCase(t.db);
    const assignedToo = await openReceivedCase(t.db, { accountId });
    const notAssigned = await openReceivedCase(t.db, { accountId });
    const mediator = await staffWith(t.db, ["mediator"]);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    for (const opened of [row, assignedToo.row]) await mediateCase(t.db, opened.id, mediator.user.id);
    // Being assigned a case does not open it to a mediator.
    await assignCase({ db: t.db, actor: supervisor.actor, input: parseInput(assignCaseSchema, { reference: notAssigned.reference, assigneeId: mediator.user.id }), now: later(1) });

    const page = await getStaffCase({ db: t.db, actor: mediator.actor, input: { reference }, now: later(2) });
    expect(page.customer.otherOpenCases.map((c) => c.reference)).toEqual([assignedToo.reference]);
    expect(page.customer.recurrences.map((c) => c.reference)).toEqual([assignedToo.reference]);
    expect(JSON.stringify(page)).not.toContain(notAssigned.reference);

    const agent = await staffWith(t.db, ["agent"]);
    const full = await getStaffCase({ db: t.db, actor: agent.actor, input: { reference }, now: later(2) });
    expect(full.customer.otherOpenCases.map((c) => c.reference).sort()).toEqual([assignedToo.reference, notAssigned.reference].sort());
    expect(full.customer.recurrences.map((c) => c.reference).sort()).toEqual([assignedToo.reference, notAssigned.reference].sort());
    // The impact score does not depend on who reads it.
    expect(page.impact).toEqual(full.impact);
  });
});
