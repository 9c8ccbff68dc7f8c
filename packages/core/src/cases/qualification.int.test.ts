import { caseEvents, cases, checklistTemplates, caseTasks, emailMessages, evidence, messages } from "@accord/db";
import { insertCustomerAccount, useTestDb } from "@accord/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { addInternalNote } from "../instruction/add-internal-note";
import { postStaffReply } from "../instruction/post-staff-reply";
import { later, mediateCase, openReceivedCase, staffWith, stagedFile } from "../testing/test-case";
import { createCustomer, customerActor, parseRefusal, rejection } from "../testing/fixtures";
import { assignCase } from "./assign-case";
import { getCustomerCase } from "./get-customer-case";
import { getStaffCase } from "./get-staff-case";
import { mergeDuplicate } from "./merge-duplicate";
import { promoteToDispute } from "./promote-to-dispute";
import { qualifyCase } from "./qualify-case";
import { rejectCase } from "./reject-case";
import { startInvestigation } from "./start-investigation";
import { addStaffEvidence } from "../instruction/add-staff-evidence";
import { parseInput } from "../errors";
import { addInternalNoteSchema } from "../instruction/add-internal-note";
import { addStaffEvidenceSchema } from "../instruction/add-staff-evidence";
import { postStaffReplySchema } from "../instruction/post-staff-reply";
import { assignCaseSchema } from "./assign-case";
import { mergeDuplicateSchema } from "./merge-duplicate";
import { promoteToDisputeSchema } from "./promote-to-dispute";
import { qualifyCaseSchema } from "./qualify-case";
import { rejectCaseSchema } from "./reject-case";
import { startInvestigationSchema } from "./start-investigation";

const t = useTestDb();

const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
const emailsOf = async (caseId: string) => t.db.select().from(emailMessages).where(eq(emailMessages.caseId, caseId)).orderBy(asc(emailMessages.queuedAt));

describe("getStaffCase", () => {
  it("gives staff the whole case: customer panel, lines, impact score, SLA panel, timeline, allowed actions", async () => {
    const { reference, accountId } = await openReceivedCase(t.db);
    const other = await openReceivedCase(t.db, { accountId });
    const { actor } = await staffWith(t.db, ["agent"]);
    await addInternalNote({ db: t.db, actor, input: parseInput(addInternalNoteSchema, { reference, body: "Vérifier le lot" }), now: later(10) });
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(30) });
    expect(page.case).toMatchObject({ reference, status: "received", kind: "claim", type: "quality" });
    expect(page.customer.account.tier).toBe("key");
    expect(page.customer.otherOpenCases.map((c) => c.reference)).toEqual([other.reference]);
    expect(page.customer.recurrenceBasis).toBe("type");
    expect(page.customer.recurrences.map((c) => c.reference)).toEqual([other.reference]);
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0]).toMatchObject({ description: "Palette de granulés", unitPriceCents: 12_000, disputedAmountCents: 24_000 });
    expect(page.impact.factors.map((f) => f.factor)).toEqual(["amount", "revenueShare", "penaltyClause", "tier", "recurrence"]);
    expect(["P1", "P2", "P3", "P4"]).toContain(page.impact.priority);
    expect(page.sla?.firstResponse.deadlineAt?.toISOString()).toBe("2026-11-23T17:00:00.000Z");
    expect(page.sla?.elapsedBusinessMinutes).toBe(30);
    expect(page.sla?.pausedIntervals).toEqual([]);
    expect(page.messages).toEqual([expect.objectContaining({ visibility: "internal", body: "Vérifier le lot" })]);
    expect(page.timeline.map((e) => e.type)).toEqual(["case_received", "internal_note_added"]);
    expect(page.actions).toContainEqual({ command: "qualify", permitted: true });
    expect(page.actions).toContainEqual({ command: "withdraw", permitted: false });
  });

  it("hides a case from a mediator until they mediate it (being assigned it is not enough), and from customers", async () => {
    const { reference, contact, row } = await openReceivedCase(t.db);
    const mediator = await staffWith(t.db, ["mediator"]);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    const refused = await rejection(getStaffCase({ db: t.db, actor: mediator.actor, input: { reference }, now: later(1) }));
    expect(refused).toMatchObject({ code: "not_found" });
    await assignCase({ db: t.db, actor: supervisor.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: mediator.user.id }), now: later(2) });
    expect(await rejection(getStaffCase({ db: t.db, actor: mediator.actor, input: { reference }, now: later(2) }))).toMatchObject({ code: "not_found" });
    await mediateCase(t.db, row.id, mediator.user.id);
    const page = await getStaffCase({ db: t.db, actor: mediator.actor, input: { reference }, now: later(3) });
    expect(page.case.assignee?.id).toBe(mediator.user.id);
    expect(page.actions.every((a) => !a.permitted || a.command === "start_mediation" || a.command === "resolve")).toBe(true);
    const customer = await customerActor(t.db, contact.id);
    expect(await rejection(getStaffCase({ db: t.db, actor: customer, input: { reference }, now: later(4) }))).toMatchObject({ code: "forbidden" });
  });
});

describe("qualifyCase", () => {
  it("qualifies a received case: type, priority, team, assignee, first response, SLA under the new priority", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"], { teamCodes: ["quality"] });
    const colleague = await staffWith(t.db, ["agent"], { name: "Hugo Colleague" });
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(5) });
    const teamId = page.options.teams.find((team) => team.code === "quality")!.id;
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "delivery", priority: "P1", teamId, assigneeId: colleague.user.id }), now: later(60) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ status: "qualified", type: "delivery", priority: "P1", teamId, assigneeId: colleague.user.id });
    expect(after!.firstRespondedAt?.toISOString()).toBe(later(60).toISOString());
    const events = await eventsOf(row.id);
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["case_received", "public"],
      ["case_qualified", "public"],
      ["case_assigned", "internal"],
    ]);
    expect(events[1]!.payload).toMatchObject({ from: "received", to: "qualified", priority: "P1", caseType: "delivery" });
    const verdict = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(61) });
    expect(verdict.sla?.policyName).toMatch(/P1/);
    const emails = await emailsOf(row.id);
    expect(emails.map((e) => [e.template, e.to])).toEqual([["case-assigned", [colleague.user.email]]]);
  });

  it("reclassifies a case further on without changing its status; refuses bad input and the wrong role", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "quality", priority: "P3" }), now: later(10) });
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "compliance", priority: "P2" }), now: later(20) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ status: "qualified", type: "compliance", priority: "P2" });
    expect((await eventsOf(row.id)).at(-1)).toMatchObject({ type: "case_reclassified", visibility: "internal" });
    const bad = parseRefusal(qualifyCaseSchema, { reference, type: "weather" as "quality", priority: "P9" as "P1" });
    expect(bad).toMatchObject({ code: "validation", fieldErrors: { type: ["casePage.qualify.error.type"], priority: ["casePage.qualify.error.priority"] } });
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(qualifyCase({ db: t.db, actor: finance.actor, input: parseInput(qualifyCaseSchema, { reference, type: "quality", priority: "P3" }), now: later(40) }))).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("assignCase", () => {
  it("an agent takes an unassigned case, but only a supervisor takes a colleague's", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const agent = await staffWith(t.db, ["agent"]);
    const other = await staffWith(t.db, ["agent"]);
    const supervisor = await staffWith(t.db, ["supervisor"]);
    await assignCase({ db: t.db, actor: agent.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: agent.user.id }), now: later(1) });
    expect(await emailsOf(row.id)).toHaveLength(0); // assigning oneself mails nobody
    const refused = await rejection(assignCase({ db: t.db, actor: other.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: other.user.id }), now: later(2) }));
    expect(refused).toMatchObject({ code: "forbidden" });
    await assignCase({ db: t.db, actor: supervisor.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: other.user.id }), now: later(3) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.assigneeId).toBe(other.user.id);
    expect((await emailsOf(row.id)).map((e) => e.template)).toEqual(["case-assigned"]);
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(assignCase({ db: t.db, actor: finance.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: finance.user.id }), now: later(4) }))).toMatchObject({
      code: "forbidden",
    });
    const unknown = await rejection(assignCase({ db: t.db, actor: supervisor.actor, input: parseInput(assignCaseSchema, { reference, assigneeId: crypto.randomUUID() }), now: later(5) }));
    expect(unknown).toMatchObject({ code: "validation", fieldErrors: { assigneeId: ["casePage.assign.error.assignee"] } });
  });
});

describe("promoteToDispute and rejectCase", () => {
  it("promotes a claim once, with a reason", async () => {
    const { reference, row } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    expect(parseRefusal(promoteToDisputeSchema, { reference, reason: " " })).toMatchObject({ code: "validation" });
    await promoteToDispute({ db: t.db, actor, input: parseInput(promoteToDisputeSchema, { reference, reason: "Facture bloquée par le client" }), now: later(2) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ kind: "dispute", status: "received" });
    const again = await rejection(promoteToDispute({ db: t.db, actor, input: parseInput(promoteToDisputeSchema, { reference, reason: "encore" }), now: later(3) }));
    expect(again).toMatchObject({ code: "invalid_transition", messageKey: "domain.error.guard_failed.already_a_dispute" });
  });

  it("rejects with reasons and tells the customer; a rejected case takes no more commands", async () => {
    const { reference, row, contact } = await openReceivedCase(t.db, { contactLanguage: "en" });
    const { actor } = await staffWith(t.db, ["agent"]);
    const empty = parseRefusal(rejectCaseSchema, { reference, reasons: " \n " });
    expect(empty).toMatchObject({ code: "validation", fieldErrors: { reasons: ["casePage.reject.error.reasons"] } });
    await rejectCase({ db: t.db, actor, input: parseInput(rejectCaseSchema, { reference, reasons: "Hors délai contractuel\nLivraison signée sans réserve" }), now: later(2) });
    const [after] = await t.db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.status).toBe("rejected");
    const [email] = await emailsOf(row.id);
    expect(email).toMatchObject({ template: "case-rejected", to: [contact.email], language: "en" });
    expect(email!.props).toMatchObject({ reasons: ["Hors délai contractuel", "Livraison signée sans réserve"] });
    const refused = await rejection(startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(3) }));
    expect(refused).toMatchObject({ code: "invalid_transition", messageKey: "domain.error.invalid_transition", params: { from: "rejected", command: "start_investigation" } });
    const legal = await staffWith(t.db, ["legal"]);
    const other = await openReceivedCase(t.db);
    expect(await rejection(rejectCase({ db: t.db, actor: legal.actor, input: parseInput(rejectCaseSchema, { reference: other.reference, reasons: "x" }), now: later(4) }))).toMatchObject({
      code: "forbidden",
    });
  });
});

describe("mergeDuplicate", () => {
  it("marks a duplicate of the same account, moves its messages and evidence to the original, and tells the customer", async () => {
    const original = await openReceivedCase(t.db);
    const duplicate = await openReceivedCase(t.db, { accountId: original.accountId });
    const { actor, user } = await staffWith(t.db, ["agent"]);
    await postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference: duplicate.reference, body: "Nous regardons." }), now: later(1) });
    const file = await stagedFile(t.db, { kind: "staff", id: user.id }, "photo.txt", "photo");
    await addStaffEvidence({ db: t.db, actor, input: parseInput(addStaffEvidenceSchema, { reference: duplicate.reference, visibility: "public", uploadIds: [file.id] }), now: later(2) });
    await mergeDuplicate({ db: t.db, actor, input: parseInput(mergeDuplicateSchema, { reference: duplicate.reference, originalReference: original.reference.toLowerCase() }), now: later(3) });
    const [dup] = await t.db.select().from(cases).where(eq(cases.id, duplicate.row.id));
    expect(dup).toMatchObject({ status: "duplicate", mergedIntoId: original.row.id });
    expect(await t.db.select().from(messages).where(eq(messages.caseId, original.row.id))).toHaveLength(1);
    expect(await t.db.select().from(evidence).where(eq(evidence.caseId, original.row.id))).toHaveLength(1);
    expect(await t.db.select().from(messages).where(eq(messages.caseId, duplicate.row.id))).toHaveLength(0);
    expect((await eventsOf(duplicate.row.id)).slice(-2).map((e) => e.type)).toEqual(["case_marked_duplicate", "case_merged_into"]);
    expect((await eventsOf(original.row.id)).at(-1)).toMatchObject({ type: "duplicate_merged", payload: { duplicate: duplicate.reference, messages: 1, evidence: 1 } });
    const emails = await emailsOf(duplicate.row.id);
    expect(emails.map((e) => e.template)).toEqual(["case-reply", "case-merged"]);

    // the portal names the case it is followed in; only who may open it gets to open it
    const member = await customerActor(t.db, duplicate.contact.id);
    expect((await getCustomerCase({ db: t.db, actor: member, input: { reference: duplicate.reference }, now: later(4) })).mergedInto).toEqual({
      reference: original.reference,
      canOpen: false,
    });
    const admin = await customerActor(t.db, (await createCustomer(t.db, { accountId: original.accountId, role: "admin" })).id);
    expect((await getCustomerCase({ db: t.db, actor: admin, input: { reference: duplicate.reference }, now: later(4) })).mergedInto).toEqual({
      reference: original.reference,
      canOpen: true,
    });
    expect((await getCustomerCase({ db: t.db, actor: admin, input: { reference: original.reference }, now: later(4) })).mergedInto).toBeNull();
  });

  it("refuses an original of another account, an unknown one, and the case itself", async () => {
    const a = await openReceivedCase(t.db);
    const foreign = await openReceivedCase(t.db, { accountId: (await insertCustomerAccount(t.db)).id });
    const { actor } = await staffWith(t.db, ["agent"]);
    const input = (originalReference: string) => ({ reference: a.reference, originalReference });
    expect(await rejection(mergeDuplicate({ db: t.db, actor, input: parseInput(mergeDuplicateSchema, input(foreign.reference)), now: later(1) }))).toMatchObject({
      fieldErrors: { originalReference: ["casePage.merge.error.otherAccount"] },
    });
    expect(await rejection(mergeDuplicate({ db: t.db, actor, input: parseInput(mergeDuplicateSchema, input("LIT-1999-000001")), now: later(1) }))).toMatchObject({
      fieldErrors: { originalReference: ["casePage.merge.error.originalNotFound"] },
    });
    expect(await rejection(mergeDuplicate({ db: t.db, actor, input: parseInput(mergeDuplicateSchema, input(a.reference)), now: later(1) }))).toMatchObject({
      messageKey: "domain.error.guard_failed.duplicate_of_itself",
    });
    const [still] = await t.db.select().from(cases).where(eq(cases.id, a.row.id));
    expect(still!.status).toBe("received");
  });
});

describe("startInvestigation", () => {
  it("starts the investigation of a qualified case with the tasks of its type's checklist", async () => {
    await t.db.insert(checklistTemplates).values({
      name: "Qualité",
      caseType: "compliance",
      items: [
        { titleFr: "Demander les photos", titleEn: "Ask for photos", dueInBusinessDays: 2 },
        { titleFr: "Analyser le lot", titleEn: "Analyse the lot" },
      ],
    });
    const { reference, row } = await openReceivedCase(t.db, { type: "compliance" });
    const { actor } = await staffWith(t.db, ["agent"]);
    const early = await rejection(startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(1) }));
    expect(early).toBeInstanceOf(AppError);
    expect(early).toMatchObject({ code: "invalid_transition" });
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "compliance", priority: "P3" }), now: later(2) });
    const result = await startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(3) });
    expect(result).toMatchObject({ status: "investigating", tasks: 2 });
    const tasks = await t.db.select().from(caseTasks).where(and(eq(caseTasks.caseId, row.id))).orderBy(asc(caseTasks.position));
    expect(tasks.map((task) => [task.title, task.dueDate])).toEqual([
      ["Demander les photos", "2026-11-25"],
      ["Analyser le lot", null],
    ]);
    const events = await eventsOf(row.id);
    expect(events.at(-2)).toMatchObject({ type: "investigation_started", payload: { from: "qualified", to: "investigating" } });
  });

  it("gives the checklist's tasks to the case's assignee", async () => {
    const { reference, row } = await openReceivedCase(t.db, { type: "compliance" });
    const { actor } = await staffWith(t.db, ["agent"]);
    const colleague = await staffWith(t.db, ["agent"]);
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "compliance", priority: "P3" }), now: later(2) });
    await assignCase({ db: t.db, actor, input: parseInput(assignCaseSchema, { reference, assigneeId: colleague.user.id }), now: later(3) });
    await startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(4) });
    const tasks = await t.db.select().from(caseTasks).where(eq(caseTasks.caseId, row.id));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.map((task) => task.assigneeId)).toEqual(tasks.map(() => colleague.user.id));

    const unassigned = await openReceivedCase(t.db, { type: "compliance" });
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference: unassigned.reference, type: "compliance", priority: "P3" }), now: later(2) });
    await startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference: unassigned.reference }), now: later(4) });
    const open = await t.db.select().from(caseTasks).where(eq(caseTasks.caseId, unassigned.row.id));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((task) => task.assigneeId === null)).toBe(true);
  });

  it("is refused to a role that does not investigate", async () => {
    const { reference } = await openReceivedCase(t.db);
    const finance = await staffWith(t.db, ["finance"]);
    expect(await rejection(startInvestigation({ db: t.db, actor: finance.actor, input: parseInput(startInvestigationSchema, { reference }), now: later(1) }))).toMatchObject({ code: "forbidden" });
  });
});
