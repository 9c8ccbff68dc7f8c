import { caseEvents, cases, emailMessages, teams } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { parseRefusal, rejection } from "../testing/fixtures";
import { assignCase } from "./assign-case";
import { assignCases } from "./assign-cases";
import { parseInput } from "../errors";
import { assignCaseSchema } from "./assign-case";
import { assignCasesSchema } from "./assign-cases";

const t = useTestDb();

const rowsOf = (ids: string[]) => t.db.select().from(cases).where(inArray(cases.id, ids)).orderBy(asc(cases.reference));
const assignedEvents = (caseId: string) => t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "case_assigned")));
const assignedEmails = (caseId: string) => t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, caseId), eq(emailMessages.template, "case-assigned")));

describe("assignCases", () => {
  it("assigns every case chosen to a team and a colleague, with each case's event and the assignee's e-mail", async () => {
    const a = await openReceivedCase(t.db);
    const b = await openReceivedCase(t.db);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    const agent = await staffWith(t.db, ["agent"], { name: "Agent Bulk", teamCodes: ["bulk-quality"] });
    const [team] = await t.db.select().from(teams).where(eq(teams.code, "bulk-quality"));
    const result = await assignCases({
      db: t.db,
      actor: supervisor.actor,
      input: parseInput(assignCasesSchema, { references: [b.reference, a.reference], teamId: team!.id, assigneeId: agent.user.id }),
      now: later(5),
      backofficeUrl: "https://bo.example/",
    });
    expect(result).toEqual({ assigned: 2, unchanged: 0 });
    expect((await rowsOf([a.row.id, b.row.id])).map((row) => [row.teamId, row.assigneeId])).toEqual([
      [team!.id, agent.user.id],
      [team!.id, agent.user.id],
    ]);
    for (const c of [a, b]) {
      expect(await assignedEvents(c.row.id)).toEqual([
        expect.objectContaining({ visibility: "internal", payload: { team: { from: null, to: team!.id }, assignee: { from: null, to: agent.user.id } } }),
      ]);
      const mails = await assignedEmails(c.row.id);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.props).toMatchObject({ reference: c.reference, caseUrl: `https://bo.example/cases/${c.reference}` });
    }
  });

  it("keeps each case's assignee when only a team is chosen", async () => {
    const a = await openReceivedCase(t.db);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    const agent = await staffWith(t.db, ["agent"], { teamCodes: ["bulk-billing"] });
    const [team] = await t.db.select().from(teams).where(eq(teams.code, "bulk-billing"));
    await assignCase({ db: t.db, actor: supervisor.actor, input: parseInput(assignCaseSchema, { reference: a.reference, assigneeId: agent.user.id }), now: later(1) });
    await assignCases({ db: t.db, actor: supervisor.actor, input: parseInput(assignCasesSchema, { references: a.reference, teamId: team!.id }), now: later(2) });
    const [row] = await rowsOf([a.row.id]);
    expect([row!.teamId, row!.assigneeId]).toEqual([team!.id, agent.user.id]);
    expect(await assignedEmails(a.row.id)).toHaveLength(1);
  });

  it("refuses them all, naming the case refused, when one may not be assigned: nothing changes", async () => {
    const free = await openReceivedCase(t.db);
    const taken = await openReceivedCase(t.db);
    const agent = await staffWith(t.db, ["agent"]);
    const colleague = await staffWith(t.db, ["agent"]);
    await assignCase({ db: t.db, actor: colleague.actor, input: parseInput(assignCaseSchema, { reference: taken.reference, assigneeId: colleague.user.id }), now: later(1) });
    const refused = await rejection(
      assignCases({ db: t.db, actor: agent.actor, input: parseInput(assignCasesSchema, { references: [free.reference, taken.reference], assigneeId: agent.user.id }), now: later(2) }),
    );
    expect(refused).toMatchObject({
      code: "conflict",
      messageKey: "queue.bulk.error.refused",
      params: { reference: taken.reference },
      fieldErrors: { references: ["queue.bulk.error.refused", "casePage.assign.error.reassignForbidden"] },
    });
    const rows = await rowsOf([free.row.id, taken.row.id]);
    expect(rows.find((row) => row.id === free.row.id)!.assigneeId).toBeNull();
    expect(rows.find((row) => row.id === taken.row.id)!.assigneeId).toBe(colleague.user.id);
    expect(await assignedEvents(free.row.id)).toEqual([]);
    expect(await assignedEmails(free.row.id)).toEqual([]);

    const unknown = await rejection(
      assignCases({ db: t.db, actor: agent.actor, input: parseInput(assignCasesSchema, { references: [free.reference, "LIT-1999-000001"], assigneeId: agent.user.id }), now: later(3) }),
    );
    expect(unknown).toMatchObject({ params: { reference: "LIT-1999-000001" }, fieldErrors: { references: ["queue.bulk.error.refused", "queue.bulk.error.notFound"] } });
    expect((await rowsOf([free.row.id]))[0]!.assigneeId).toBeNull();
  });

  it("asks for at least one case and a team or an assignee, and is refused to a role that does not assign", async () => {
    const a = await openReceivedCase(t.db);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    expect(parseRefusal(assignCasesSchema, { references: [], assigneeId: supervisor.user.id })).toMatchObject({
      code: "validation",
      fieldErrors: { references: ["queue.bulk.error.noCase"] },
    });
    expect(parseRefusal(assignCasesSchema, { references: [a.reference], teamId: "", assigneeId: "" })).toMatchObject({
      code: "validation",
      fieldErrors: { assigneeId: ["queue.bulk.error.nothingChosen"] },
    });
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(assignCases({ db: t.db, actor: finance.actor, input: parseInput(assignCasesSchema, { references: [a.reference], assigneeId: finance.user.id }), now: later(1) }))).toMatchObject({
      code: "forbidden",
    });
  });
});
