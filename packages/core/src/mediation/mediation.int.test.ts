import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { caseEvents, cases, customerAccounts, emailMessages, mediations, mediationSessions, proposals, settings, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { verifyChain } from "@accord/domain";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { assignCase, assignCaseSchema } from "../cases/assign-case";
import { getStaffCase } from "../cases/get-staff-case";
import { listCaseQueue } from "../cases/list-case-queue";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { startInvestigation } from "../cases/start-investigation";
import { caseEventContent } from "../audit/append-case-events";
import { parseInput } from "../errors";
import { createFileStore } from "../files/file-store";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { acceptProposal } from "../settlement/accept-proposal";
import { closeCase } from "../settlement/close-case";
import { createProposal } from "../settlement/create-proposal";
import { decideApproval } from "../settlement/decide-approval";
import { getStaffSettlement } from "../settlement/get-staff-settlement";
import { recordDecision } from "../settlement/record-decision";
import { acceptProposalSchema, createProposalSchema, decideApprovalSchema, recordDecisionSchema } from "../settlement/schemas";
import { customerActor, rejection, staffActor } from "../testing/fixtures";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { getCustomerMediation } from "./get-customer-mediation";
import { getStaffMediation } from "./get-staff-mediation";
import { recordMediationOutcome, recordMediationOutcomeSchema } from "./record-mediation-outcome";
import { recordMediationSession, recordMediationSessionSchema } from "./record-mediation-session";
import { startMediation, startMediationSchema } from "./start-mediation";

const t = useTestDb();
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-mediation-files-")));
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

async function thresholds(supervisor: number, finance: number) {
  const value = { default: { supervisorAboveCents: supervisor * 100, financeAboveCents: finance * 100 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** A case under investigation, on an account whose contract has a mediation clause. */
async function investigatingCase() {
  const opened = await openReceivedCase(t.db);
  await t.db
    .update(customerAccounts)
    .set({ clauses: { claimDeadlineDays: 30, penalty: { applies: false, rateBasisPoints: null }, mediation: { applies: true, mediator: "mediateur_des_entreprises" } } })
    .where(eq(customerAccounts.id, opened.accountId));
  const { actor: agent } = await staffWith(t.db, ["agent"], { name: "Paul Agent" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  const { actor: supervisor } = await staffWith(t.db, ["supervisor"], { name: "Sophie Superviseure" });
  return { ...opened, agent, supervisor };
}

const statusOf = async (caseId: string) => (await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;
const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
const emailsOf = async (caseId: string, template: string) => t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, caseId), eq(emailMessages.template, template)));
const internalStart = (reference: string, mediatorUserId: string) => parseInput(startMediationSchema, { reference, kind: "internal", mediatorUserId });
const session = (reference: string, overrides: Record<string, unknown> = {}) =>
  parseInput(recordMediationSessionSchema, { reference, heldOn: "2026-11-23", participants: "Julie Bernard (client), Paul Agent", notes: "Les parties s'accordent sur un avoir.", visibility: "shared", ...overrides });

async function expectChainIntact(caseId: string) {
  const rows = await eventsOf(caseId);
  expect(verifyChain(rows.map((row) => ({ ...caseEventContent(row), prevHash: row.prevHash, hash: row.hash })))).toMatchObject({ intact: true });
}

describe("an internal mediation, from start to the customer's acceptance", () => {
  it("is started by a supervisor (the clause shown), conducted by its mediator who alone sees the case, ends in an agreement written as a proposal the customer accepts", async () => {
    await thresholds(100, 20_000);
    const c = await investigatingCase();
    const { actor: mediator, user: mediatorUser } = await staffWith(t.db, ["mediator"], { name: "Antoine Médiateur" });
    const { actor: otherMediator } = await staffWith(t.db, ["mediator"]);

    // Before: the mediator sees nothing, even when the case is assigned to them.
    await assignCase({ db: t.db, actor: c.supervisor, input: parseInput(assignCaseSchema, { reference: c.reference, assigneeId: mediatorUser.id }), now: later(11) });
    expect(await rejection(getStaffCase({ db: t.db, actor: mediator, input: { reference: c.reference }, now: later(12) }))).toMatchObject({ code: "not_found" });
    const page = await getStaffMediation({ db: t.db, actor: c.supervisor, input: { reference: c.reference }, now: later(12) });
    expect(page.clause).toEqual({ applies: true, mediator: "mediateur_des_entreprises" });
    expect(page.can).toEqual({ start: true, recordSession: false, recordOutcome: false });
    expect(page.mediators.map((m) => m.id)).toContain(mediatorUser.id);

    const started = await startMediation({ db: t.db, actor: c.supervisor, input: internalStart(c.reference, mediatorUser.id), now: later(20), ...urls });
    expect(started.clause).toEqual({ applies: true, mediator: "mediateur_des_entreprises" });
    expect(await statusOf(c.row.id)).toBe("mediation");
    const [email] = await emailsOf(c.row.id, "mediation-started");
    expect(email).toMatchObject({ to: [c.contact.email], language: "fr" });
    expect(email!.props).toMatchObject({ mediatorName: "Antoine Médiateur", mediatorOrganisation: null, caseUrl: `https://portail.example/cases/${c.reference}` });
    expect((await eventsOf(c.row.id)).at(-1)).toMatchObject({ type: "mediation_started", visibility: "public", payload: { from: "investigating", to: "mediation", mediator: "Antoine Médiateur", mediationKind: "internal" } });

    // Now the mediator sees this case (page and queue), another mediator does not.
    await getStaffCase({ db: t.db, actor: mediator, input: { reference: c.reference }, now: later(21) });
    expect((await listCaseQueue({ db: t.db, actor: mediator, input: {}, now: later(21) })).cases.map((row) => row.reference)).toEqual([c.reference]);
    expect(await rejection(getStaffCase({ db: t.db, actor: otherMediator, input: { reference: c.reference }, now: later(21) }))).toMatchObject({ code: "not_found" });
    expect((await listCaseQueue({ db: t.db, actor: otherMediator, input: {}, now: later(21) })).cases).toEqual([]);

    // Sessions: by the mediator only; one shared, one internal; none before the mediation began.
    expect(await rejection(recordMediationSession({ db: t.db, actor: c.supervisor, input: session(c.reference), now: later(30) }))).toMatchObject({ code: "forbidden" });
    const before = await rejection(recordMediationSession({ db: t.db, actor: mediator, input: session(c.reference, { heldOn: "2026-11-22" }), now: later(30) }));
    expect(before).toMatchObject({ code: "validation", fieldErrors: { heldOn: ["mediation.error.session_before_start"] } });
    expect(await t.db.select().from(mediationSessions).where(eq(mediationSessions.caseId, c.row.id))).toEqual([]);
    await recordMediationSession({ db: t.db, actor: mediator, input: session(c.reference), now: later(30) });
    await recordMediationSession({ db: t.db, actor: mediator, input: session(c.reference, { notes: "Le client semble prêt à transiger à 150 €.", visibility: "internal" }), now: later(31) });

    // The portal shows the mediator and the shared notes only.
    const customer = await customerActor(t.db, c.contact.id);
    const seen = await getCustomerMediation({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(32) });
    expect(seen).toMatchObject({ kind: "internal", mediatorName: "Antoine Médiateur", organisation: null, outcome: null });
    expect(seen!.sessions.map((s) => s.notes)).toEqual(["Les parties s'accordent sur un avoir."]);
    expect(JSON.stringify(seen)).not.toContain("transiger");

    // No proposal before the outcome; the supervisor does not record an internal mediation's outcome.
    const proposal = () => parseInput(createProposalSchema, { reference: c.reference, kind: "credit_note", amount: "180,00", terms: "Avoir convenu en médiation.", expiresOn: "2026-12-07" });
    expect(await rejection(createProposal({ db: t.db, actor: c.agent, input: proposal(), now: later(40), ...urls }))).toMatchObject({ code: "invalid_transition" });
    const agreement = parseInput(recordMediationOutcomeSchema, { reference: c.reference, outcome: "agreement", notes: "Avoir de 180 € HT." });
    expect(await rejection(recordMediationOutcome({ db: t.db, actor: c.supervisor, input: agreement, now: later(45) }))).toMatchObject({ code: "forbidden" });
    expect(await recordMediationOutcome({ db: t.db, actor: mediator, input: agreement, now: later(45) })).toMatchObject({ effect: "await_proposal" });
    expect(await statusOf(c.row.id)).toBe("mediation");

    // The proposal from mediation (above the supervisor's threshold: approved first), then accepted online.
    const created = await createProposal({ db: t.db, actor: c.agent, input: proposal(), now: later(50), ...urls });
    expect(created).toMatchObject({ status: "pending_approval", caseStatus: "mediation" });
    const [row] = await t.db.select().from(proposals).where(eq(proposals.id, created.proposalId));
    expect(row!.mediationId).toBe(started.mediationId);
    expect((await getStaffSettlement({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(51) })).proposals[0]).toMatchObject({ fromMediation: true });
    await decideApproval({ db: t.db, actor: c.supervisor, input: parseInput(decideApprovalSchema, { proposalId: created.proposalId, decision: "approved", comment: "Accord de médiation" }), now: later(55), ...urls });
    expect(await statusOf(c.row.id)).toBe("negotiating");
    const offeredEvent = (await eventsOf(c.row.id)).find((e) => e.type === "proposal_offered");
    expect(offeredEvent?.payload).toMatchObject({ from: "mediation", to: "negotiating", mediationId: started.mediationId });
    const [offered] = await t.db.select().from(proposals).where(eq(proposals.id, created.proposalId));
    await acceptProposal({
      db: t.db,
      actor: customer,
      input: parseInput(acceptProposalSchema, { reference: c.reference, proposalId: offered!.id, consent: "on", signerName: "Julie Bernard", textSha256: offered!.offeredTextSha256 }),
      now: later(60),
      store,
      ipAddress: "203.0.113.7",
      userAgent: "Chromium",
      ...urls,
    });
    expect(await statusOf(c.row.id)).toBe("resolved");
    await expectChainIntact(c.row.id);
  });
});

describe("an external mediation", () => {
  it("is referred by a supervisor (not an agent); its outcome is the supervisor's, not a mediator's; a failure returns the case to the investigation", async () => {
    const c = await investigatingCase();
    const external = parseInput(startMediationSchema, {
      reference: c.reference,
      kind: "external",
      externalName: "Claire Fontaine",
      externalOrganisation: "Médiateur des entreprises",
      externalEmail: "c.fontaine@mediateur.example",
      externalReference: "MDE-2026-4411",
    });
    expect(await rejection(startMediation({ db: t.db, actor: c.agent, input: external, now: later(20), ...urls }))).toMatchObject({ code: "forbidden" });
    await startMediation({ db: t.db, actor: c.supervisor, input: external, now: later(20), ...urls });
    const [email] = await emailsOf(c.row.id, "mediation-started");
    expect(email!.props).toMatchObject({ mediatorName: "Claire Fontaine", mediatorOrganisation: "Médiateur des entreprises" });
    // The external mediator's e-mail and the referral stay internal.
    const events = await eventsOf(c.row.id);
    expect(events.filter((e) => e.visibility === "public").map((e) => JSON.stringify(e.payload)).join()).not.toContain("c.fontaine@");
    expect(events.at(-1)).toMatchObject({ type: "mediation_referral", visibility: "internal", payload: { referralReference: "MDE-2026-4411" } });

    await recordMediationSession({ db: t.db, actor: c.supervisor, input: session(c.reference, { visibility: "internal" }), now: later(30) });
    const customer = await customerActor(t.db, c.contact.id);
    expect((await getCustomerMediation({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(31) }))!.sessions).toEqual([]);

    const { actor: mediator } = await staffWith(t.db, ["mediator"]);
    const failure = parseInput(recordMediationOutcomeSchema, { reference: c.reference, outcome: "failure", nextStep: "investigation" });
    expect(await rejection(recordMediationOutcome({ db: t.db, actor: mediator, input: failure, now: later(40) }))).toMatchObject({ code: "not_found" });
    expect(() => parseInput(recordMediationOutcomeSchema, { reference: c.reference, outcome: "failure" })).toThrowError(expect.objectContaining({ fieldErrors: { nextStep: ["mediation.error.next_step_required"] } }));
    await recordMediationOutcome({ db: t.db, actor: c.supervisor, input: failure, now: later(40) });
    expect(await statusOf(c.row.id)).toBe("investigating");
    expect((await eventsOf(c.row.id)).slice(-2).map((e) => e.type)).toEqual(["mediation_ended", "mediation_outcome_recorded"]);
    expect(await t.db.select({ outcome: mediations.outcome, nextStep: mediations.nextStep }).from(mediations).where(eq(mediations.caseId, c.row.id))).toEqual([{ outcome: "failure", nextStep: "investigation" }]);
    // A second mediation may start later, the first one having ended.
    await startMediation({ db: t.db, actor: c.supervisor, input: internalStart(c.reference, (await staffWith(t.db, ["mediator"])).user.id), now: later(50), ...urls });
    expect(await statusOf(c.row.id)).toBe("mediation");
  });

  it("after a failure sent to legal, the case stays in mediation for the hand-over; no proposal is offered from it", async () => {
    const c = await investigatingCase();
    const { user } = await staffWith(t.db, ["mediator"]);
    await startMediation({ db: t.db, actor: c.supervisor, input: internalStart(c.reference, user.id), now: later(20), ...urls });
    const mediator = (await staffWith(t.db, ["mediator"])).actor;
    expect(await rejection(recordMediationOutcome({ db: t.db, actor: mediator, input: parseInput(recordMediationOutcomeSchema, { reference: c.reference, outcome: "agreement" }), now: later(30) }))).toMatchObject({ code: "not_found" });
    const own = await staffActorOf(user.id);
    await recordMediationOutcome({ db: t.db, actor: own, input: parseInput(recordMediationOutcomeSchema, { reference: c.reference, outcome: "failure", nextStep: "litigation" }), now: later(30) });
    expect(await statusOf(c.row.id)).toBe("mediation");
    const page = await getStaffCase({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(31) });
    expect(page.can.propose).toBe(false);
    // The mediation has ended: no more session nor outcome.
    expect(await rejection(recordMediationSession({ db: t.db, actor: own, input: session(c.reference), now: later(32) }))).toMatchObject({ messageKey: "mediation.error.mediation_ended" });
  });
});

describe("bad input changes nothing", () => {
  it("a mediation started on a closed case is refused with its message", async () => {
    const c = await investigatingCase();
    await recordDecision({ db: t.db, actor: c.agent, input: parseInput(recordDecisionSchema, { reference: c.reference, outcome: "rejected", publicRationale: "Livraison conforme." }), now: later(20), ...urls });
    await closeCase({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(30), ...urls });
    const { user } = await staffWith(t.db, ["mediator"]);
    const eventsBefore = (await eventsOf(c.row.id)).length;
    const refused = await rejection(startMediation({ db: t.db, actor: c.supervisor, input: internalStart(c.reference, user.id), now: later(40), ...urls }));
    expect(refused).toMatchObject({ code: "invalid_transition", messageKey: "mediation.error.case_ended", params: { status: "closed" } });
    expect(await statusOf(c.row.id)).toBe("closed");
    expect(await t.db.select().from(mediations).where(eq(mediations.caseId, c.row.id))).toEqual([]);
    expect(await eventsOf(c.row.id)).toHaveLength(eventsBefore);
    expect(await emailsOf(c.row.id, "mediation-started")).toEqual([]);
    expect((await getStaffMediation({ db: t.db, actor: c.supervisor, input: { reference: c.reference }, now: later(41) })).can.start).toBe(false);
  });

  it("refuses a mediator who is not an active mediator, and an external mediation without its name, organisation or e-mail", async () => {
    const c = await investigatingCase();
    const { user: agentUser } = await staffWith(t.db, ["agent"]);
    expect(await rejection(startMediation({ db: t.db, actor: c.supervisor, input: internalStart(c.reference, agentUser.id), now: later(20), ...urls }))).toMatchObject({
      code: "validation",
      fieldErrors: { mediatorUserId: ["mediation.error.mediator_not_available"] },
    });
    expect(() => parseInput(startMediationSchema, { reference: c.reference, kind: "external", externalEmail: "pas-un-email" })).toThrowError(
      expect.objectContaining({
        fieldErrors: { externalName: ["mediation.error.external_name_required"], externalOrganisation: ["mediation.error.external_organisation_required"], externalEmail: ["validation.email"] },
      }),
    );
    expect(await statusOf(c.row.id)).toBe("investigating");
    expect(await t.db.select().from(mediations).where(eq(mediations.caseId, c.row.id))).toEqual([]);
  });
});

const staffActorOf = (userId: string) => staffActor(t.db, userId);
