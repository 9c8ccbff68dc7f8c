import { useTestDb } from "@accord/db/testing";
import { describe, expect, it } from "vitest";
import { addTask } from "../instruction/add-task";
import { postStaffReply } from "../instruction/post-staff-reply";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { rejection } from "../testing/fixtures";
import { getStaffCase } from "./get-staff-case";
import { promoteToDispute } from "./promote-to-dispute";
import { qualifyCase } from "./qualify-case";
import { rejectCase } from "./reject-case";
import { requestEvidence } from "./request-evidence";
import { startInvestigation } from "./start-investigation";
import { parseInput } from "../errors";
import { addTaskSchema } from "../instruction/add-task";
import { postStaffReplySchema } from "../instruction/post-staff-reply";
import { promoteToDisputeSchema } from "./promote-to-dispute";
import { qualifyCaseSchema } from "./qualify-case";
import { rejectCaseSchema } from "./reject-case";
import { requestEvidenceSchema } from "./request-evidence";
import { startInvestigationSchema } from "./start-investigation";

const t = useTestDb();

const PORTAL = "http://portal.test/";

describe("the staff case's capabilities, as the use cases enforce them", () => {
  it("offers an agent the first qualification of a received claim with the impact's priority, then promote only while it is a claim", async () => {
    const { reference } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["agent"]);
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(1) });
    expect(page.can).toMatchObject({ qualify: true, assign: true, promote: true, reject: true, merge: true, startInvestigation: false, requestEvidence: false, reply: true });
    expect(page.can.reservedToOtherRoles).toEqual([]);
    expect(page.derived).toEqual({ proposedPriority: page.impact.priority, firstQualification: true, priceCheck: false });

    await promoteToDispute({ db: t.db, actor, input: parseInput(promoteToDisputeSchema, { reference, reason: "Facture bloquée" }), now: later(2) });
    const dispute = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(3) });
    expect(dispute.case.kind).toBe("dispute");
    expect(dispute.can.promote).toBe(false);
    expect(dispute.actions.map((a) => a.command)).not.toContain("promote_to_dispute");
    expect(await rejection(promoteToDispute({ db: t.db, actor, input: parseInput(promoteToDisputeSchema, { reference, reason: "encore" }), now: later(4) }))).toMatchObject({ code: "invalid_transition" });
  });

  it("proposes the case's own priority once qualified, and evidence requests while investigating or awaiting the customer", async () => {
    const { reference } = await openReceivedCase(t.db, { type: "price_billing" });
    const { actor } = await staffWith(t.db, ["agent"]);
    await qualifyCase({ db: t.db, actor, input: parseInput(qualifyCaseSchema, { reference, type: "price_billing", priority: "P4" }), now: later(1) });
    const qualified = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(2) });
    expect(qualified.derived).toEqual({ proposedPriority: "P4", firstQualification: false, priceCheck: true });
    expect(qualified.can).toMatchObject({ startInvestigation: true, requestEvidence: false, requestEvidenceLater: true });
    expect(await rejection(requestEvidence({ db: t.db, actor, input: parseInput(requestEvidenceSchema, { reference, items: "Photos", dueDate: "2026-11-30" }), now: later(3), portalUrl: PORTAL }))).toMatchObject({
      code: "invalid_transition",
    });

    await startInvestigation({ db: t.db, actor, input: parseInput(startInvestigationSchema, { reference }), now: later(4) });
    expect((await getStaffCase({ db: t.db, actor, input: { reference }, now: later(5) })).can).toMatchObject({ startInvestigation: false, requestEvidence: true });
    await requestEvidence({ db: t.db, actor, input: parseInput(requestEvidenceSchema, { reference, items: "Photos", dueDate: "2026-11-30" }), now: later(6), portalUrl: PORTAL });
    const awaiting = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(7) });
    expect(awaiting.case.status).toBe("awaiting_customer");
    expect(awaiting.can.requestEvidence).toBe(true);
    await requestEvidence({ db: t.db, actor, input: parseInput(requestEvidenceSchema, { reference, items: "Bon de livraison", dueDate: "2026-11-30" }), now: later(8), portalUrl: PORTAL });
  });

  it("shows an admin the moves other roles make, and offers them nothing of the instruction", async () => {
    const { reference } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["admin"]);
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(1) });
    expect(page.can).toMatchObject({ qualify: false, assign: true, reply: false, note: false, addTask: false, evidenceVisibilities: [] });
    expect(page.can.reservedToOtherRoles).toEqual(["promote_to_dispute", "mark_duplicate", "reject"]);
    expect(await rejection(postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Bonjour" }), now: later(2), portalUrl: PORTAL }))).toMatchObject({ code: "forbidden" });
  });

  it("lets a finance member complete only the tasks assigned to them, and note but not reply", async () => {
    const { reference } = await openReceivedCase(t.db);
    const agent = await staffWith(t.db, ["agent"]);
    const finance = await staffWith(t.db, ["finance"]);
    await addTask({ db: t.db, actor: agent.actor, input: parseInput(addTaskSchema, { reference, title: "Vérifier l'avoir", assigneeId: finance.user.id }), now: later(1) });
    await addTask({ db: t.db, actor: agent.actor, input: parseInput(addTaskSchema, { reference, title: "Appeler le transporteur" }), now: later(2) });
    const page = await getStaffCase({ db: t.db, actor: finance.actor, input: { reference }, now: later(3) });
    expect(page.tasks.map((task) => [task.title, task.canComplete])).toEqual([
      ["Vérifier l'avoir", true],
      ["Appeler le transporteur", false],
    ]);
    expect(page.can).toMatchObject({ reply: false, note: true, evidenceVisibilities: ["internal"], setRootCause: false, qualify: false });
    expect((await getStaffCase({ db: t.db, actor: agent.actor, input: { reference }, now: later(4) })).tasks.every((task) => task.canComplete)).toBe(true);
  });

  it("closes every door of a rejected case but the internal note", async () => {
    const { reference } = await openReceivedCase(t.db);
    const { actor } = await staffWith(t.db, ["supervisor"]);
    await rejectCase({ db: t.db, actor, input: parseInput(rejectCaseSchema, { reference, reasons: "Hors délai" }), now: later(1), portalUrl: PORTAL });
    const page = await getStaffCase({ db: t.db, actor, input: { reference }, now: later(2) });
    expect(page.case.terminal).toBe(true);
    expect(page.can).toMatchObject({ qualify: false, assign: false, reply: false, addTask: false, reject: false, merge: false, requestEvidence: false, requestEvidenceLater: false, note: true });
    expect(page.can.reservedToOtherRoles).toEqual([]);
    expect(await rejection(postStaffReply({ db: t.db, actor, input: parseInput(postStaffReplySchema, { reference, body: "Bonjour" }), now: later(3), portalUrl: PORTAL }))).toMatchObject({ code: "invalid_transition" });
  });
});
