/** The litigation track on a real database: hand-over, steps with documents, costs, the two endings, who sees what. */
import { caseDecisions, caseEvents, cases, emailMessages, evidence, invoiceSettlements, legalCosts, legalSteps, litigations, proposals, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { verifyChain } from "@accord/domain";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseEventContent } from "../audit/append-case-events";
import { getCustomerCase } from "../cases/get-customer-case";
import { getStaffCase } from "../cases/get-staff-case";
import { listCaseQueue } from "../cases/list-case-queue";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { startInvestigation } from "../cases/start-investigation";
import { parseInput } from "../errors";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { createProposal } from "../settlement/create-proposal";
import { getCustomerSettlement } from "../settlement/get-customer-settlement";
import { createProposalSchema } from "../settlement/schemas";
import { customerActor, parseRefusal, rejection } from "../testing/fixtures";
import { later, openReceivedCase, stagedFile, staffWith } from "../testing/test-case";
import { getCustomerLitigation } from "./get-customer-litigation";
import { getStaffLitigation } from "./get-staff-litigation";
import { handOverToLegal } from "./hand-over-to-legal";
import { recordJudgment } from "./record-judgment";
import { recordLegalCost } from "./record-legal-cost";
import { recordLegalStep } from "./record-legal-step";
import { handOverToLegalSchema, recordJudgmentSchema, recordLegalCostSchema, recordLegalStepSchema, settleOutOfCourtSchema } from "./schemas";
import { settleOutOfCourt } from "./settle-out-of-court";

const t = useTestDb();
const portalUrl = "https://portail.example";

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

/** A case under investigation (24 000 cents disputed), its agent, a supervisor and a legal staff member. */
async function investigatedCase() {
  const opened = await openReceivedCase(t.db, { type: "quality" });
  const { actor: agent } = await staffWith(t.db, ["agent"], { name: "Paul Agent" });
  const { actor: supervisor } = await staffWith(t.db, ["supervisor"], { name: "Sophie Superviseure" });
  const { actor: legal, user: legalUser } = await staffWith(t.db, ["legal"], { name: "Léa Juriste" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  return { ...opened, agent, supervisor, legal, legalUser };
}

const REASON = "Refus de payer malgré trois relances — SECRET-REASON";

async function handedOver() {
  const c = await investigatedCase();
  await handOverToLegal({ db: t.db, actor: c.supervisor, input: parseInput(handOverToLegalSchema, { reference: c.reference, reason: REASON, amountAtStake: "1 234,56" }), now: later(60) });
  return c;
}

const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const events = (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));

async function chainIntact(caseId: string) {
  const rows = await events(caseId);
  return verifyChain(rows.map((r) => ({ ...caseEventContent(r), prevHash: r.prevHash, hash: r.hash })));
}

describe("handOverToLegal", () => {
  it("a supervisor hands an investigated claim over: litigation, a dispute, the reason and amount recorded, the events chained, only « handled by legal » public", async () => {
    const c = await handedOver();
    expect(await caseRow(c.row.id)).toMatchObject({ status: "litigation", kind: "dispute" });
    const [litigation] = await t.db.select().from(litigations).where(eq(litigations.caseId, c.row.id));
    expect(litigation).toMatchObject({ reason: REASON, amountAtStakeCents: 123_456, ending: null });
    const rows = await events(c.row.id);
    const added = rows.filter((row) => ["case_promoted_to_dispute", "litigation_started", "litigation_handed_over", "handled_by_legal"].includes(row.type));
    expect(added.map((row) => [row.type, row.visibility])).toEqual([
      ["case_promoted_to_dispute", "internal"],
      ["litigation_started", "internal"],
      ["litigation_handed_over", "internal"],
      ["handled_by_legal", "public"],
    ]);
    expect(JSON.stringify(added.find((row) => row.visibility === "public"))).not.toContain("SECRET-REASON");
    expect(await chainIntact(c.row.id)).toMatchObject({ intact: true });
  });

  it("an agent may not; a reason and an amount above zero are required; a received case cannot go to court; nothing is written on refusal", async () => {
    const c = await investigatedCase();
    const input = parseInput(handOverToLegalSchema, { reference: c.reference, reason: "Impayé", amountAtStake: "100" });
    expect(await rejection(handOverToLegal({ db: t.db, actor: c.agent, input, now: later(60) }))).toMatchObject({ code: "forbidden" });
    expect(parseRefusal(handOverToLegalSchema, { reference: c.reference, reason: " ", amountAtStake: "100" })).toMatchObject({ fieldErrors: { reason: ["litigation.error.reason_required"] } });
    expect(await rejection(handOverToLegal({ db: t.db, actor: c.supervisor, input: { ...input, amountAtStake: 0 }, now: later(60) }))).toMatchObject({
      code: "validation",
      fieldErrors: { amountAtStake: ["litigation.error.amount_positive"] },
    });
    const received = await openReceivedCase(t.db);
    expect(await rejection(handOverToLegal({ db: t.db, actor: c.supervisor, input: { ...input, reference: received.reference }, now: later(60) }))).toMatchObject({ code: "invalid_transition" });
    expect(await t.db.select().from(litigations).where(eq(litigations.caseId, c.row.id))).toEqual([]);
    expect((await caseRow(c.row.id)).status).toBe("investigating");
  });
});

describe("handOverToLegal from a negotiation", () => {
  it("withdraws the proposal still with the customer: it can no longer be accepted", async () => {
    const c = await investigatedCase();
    const proposal = parseInput(createProposalSchema, { reference: c.reference, kind: "credit_note", amount: "100,00", terms: "Avoir.", expiresOn: "2026-12-04" });
    await createProposal({ db: t.db, actor: c.agent, input: proposal, now: later(20), portalUrl, backofficeUrl: "https://support.example" });
    expect((await caseRow(c.row.id)).status).toBe("negotiating");
    await handOverToLegal({ db: t.db, actor: c.supervisor, input: parseInput(handOverToLegalSchema, { reference: c.reference, reason: "Blocage", amountAtStake: "240" }), now: later(60) });
    expect((await caseRow(c.row.id)).status).toBe("litigation");
    const rows = await t.db.select({ status: proposals.status }).from(proposals).where(eq(proposals.caseId, c.row.id));
    expect(rows).toEqual([{ status: "superseded" }]);
    expect(await chainIntact(c.row.id)).toMatchObject({ intact: true });
  });
});

describe("legal sees every case", () => {
  it("a legal staff member reads a case assigned to nobody, in the queue and on its page", async () => {
    const c = await investigatedCase();
    const page = await getStaffCase({ db: t.db, actor: c.legal, input: { reference: c.reference }, now: later(20) });
    expect(page.case.reference).toBe(c.reference);
    const queue = await listCaseQueue({ db: t.db, actor: c.legal, input: { account: c.accountId }, now: later(20) });
    expect(queue.cases.map((row) => row.reference)).toContain(c.reference);
  });
});

describe("recordLegalStep and recordLegalCost", () => {
  it("legal records a shared formal notice with its document, an internal injunction, a hearing ahead; costs sum into the case", async () => {
    const c = await handedOver();
    const shared = await stagedFile(t.db, { kind: "staff", id: c.legalUser.id }, "mise-en-demeure.pdf", "lettre");
    const internal = await stagedFile(t.db, { kind: "staff", id: c.legalUser.id }, "SECRET-injonction.pdf", "requête");
    const step = (values: Record<string, unknown>, minutes: number) =>
      recordLegalStep({ db: t.db, actor: c.legal, input: parseInput(recordLegalStepSchema, { reference: c.reference, ...values }), now: later(minutes) });
    const notice = await step({ kind: "formal_notice", date: "2026-11-20", notes: "Envoyée en LRAR", shared: "on", uploadIds: shared.id }, 70);
    await step({ kind: "injunction_to_pay", date: "2026-11-23", notes: "SECRET-NOTES", uploadIds: internal.id }, 80);
    await step({ kind: "court_hearing", date: "2027-02-15" }, 90);
    const [document] = await t.db.select().from(evidence).where(eq(evidence.id, notice.documentId!));
    expect(document).toMatchObject({ fileName: "mise-en-demeure.pdf", visibility: "public", uploadedByKind: "staff" });
    const [secret] = await t.db.select().from(evidence).where(and(eq(evidence.caseId, c.row.id), eq(evidence.fileName, "SECRET-injonction.pdf")));
    expect(secret!.visibility).toBe("internal");

    // A notice dated tomorrow is refused; nothing is written.
    expect(await rejection(step({ kind: "formal_notice", date: "2026-11-24" }, 95))).toMatchObject({ fieldErrors: { date: ["litigation.error.date_in_future"] } });
    expect(parseRefusal(recordLegalStepSchema, { reference: c.reference, kind: "formal_notice", date: "" })).toMatchObject({ fieldErrors: { date: ["litigation.error.date_required"] } });
    expect(await t.db.select().from(legalSteps).where(eq(legalSteps.caseId, c.row.id))).toHaveLength(3);
    // Only legal records steps.
    expect(await rejection(recordLegalStep({ db: t.db, actor: c.agent, input: parseInput(recordLegalStepSchema, { reference: c.reference, kind: "formal_notice", date: "2026-11-20" }), now: later(96) }))).toMatchObject({
      code: "forbidden",
    });

    const cost = (amount: string, label: string, minutes: number) =>
      recordLegalCost({ db: t.db, actor: c.legal, input: parseInput(recordLegalCostSchema, { reference: c.reference, amount, label, date: "2026-11-22" }), now: later(minutes) });
    await cost("800,00", "Honoraires d'avocat SECRET-COST", 100);
    expect(await cost("120,50", "Huissier", 110)).toMatchObject({ totalCents: 92_050 });
    expect((await caseRow(c.row.id)).legalCostsCents).toBe(92_050);
    expect(await rejection(cost("0", "Rien", 120))).toMatchObject({ fieldErrors: { amount: ["litigation.error.amount_positive"] } });
    expect(await t.db.select().from(legalCosts).where(eq(legalCosts.caseId, c.row.id))).toHaveLength(2);

    const view = await getStaffLitigation({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(130) });
    expect(view.litigation).toMatchObject({ reason: REASON, amountAtStakeCents: 123_456, handedOverByName: "Sophie Superviseure" });
    expect(view.steps.map((s) => [s.kind, s.date, s.shared, s.document?.fileName ?? null])).toEqual([
      ["formal_notice", "2026-11-20", true, "mise-en-demeure.pdf"],
      ["injunction_to_pay", "2026-11-23", false, "SECRET-injonction.pdf"],
      ["court_hearing", "2027-02-15", false, null],
    ]);
    expect(view.totalCostsCents).toBe(92_050);
    expect(view.can).toEqual({ handOver: false, recordStep: false, recordCost: false, end: false });
    expect((await getStaffLitigation({ db: t.db, actor: c.legal, input: { reference: c.reference }, now: later(130) })).can).toEqual({ handOver: false, recordStep: true, recordCost: true, end: true });
    expect(await chainIntact(c.row.id)).toMatchObject({ intact: true });

    // The customer: « handled by legal », the shared document, and nothing else of the litigation.
    const customer = await customerActor(t.db, c.contact.id);
    const portal = await getCustomerLitigation({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(140) });
    expect(portal).toMatchObject({ handledByLegal: true, documents: [expect.objectContaining({ fileName: "mise-en-demeure.pdf" })] });
    const page = await getCustomerCase({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(140) });
    expect(page.case.status).toBe("litigation");
    expect(page.timeline.map((event) => event.type)).toContain("handled_by_legal");
    const settlement = await getCustomerSettlement({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(140) });
    const serialised = JSON.stringify([portal, page, settlement]);
    for (const secret of ["SECRET-REASON", "SECRET-NOTES", "SECRET-COST", "SECRET-injonction", "Envoyée en LRAR", "123456", "92050", "litigation_started", "legal_step_recorded", "legal_cost_recorded", "Léa Juriste"]) {
      expect(serialised).not.toContain(secret);
    }
    // Another account's user does not learn the case exists.
    const stranger = await openReceivedCase(t.db);
    expect(await rejection(getCustomerLitigation({ db: t.db, actor: await customerActor(t.db, stranger.contact.id), input: { reference: c.reference }, now: later(140) }))).toMatchObject({
      code: "not_found",
    });
  });

  it("no step or cost on a case that never went to legal", async () => {
    const c = await investigatedCase();
    expect(await rejection(recordLegalStep({ db: t.db, actor: c.legal, input: parseInput(recordLegalStepSchema, { reference: c.reference, kind: "formal_notice", date: "2026-11-20" }), now: later(20) }))).toMatchObject({
      code: "invalid_transition",
      messageKey: "litigation.error.not_in_litigation",
    });
    expect(await rejection(recordLegalCost({ db: t.db, actor: c.legal, input: parseInput(recordLegalCostSchema, { reference: c.reference, amount: "10", label: "x", date: "2026-11-20" }), now: later(20) }))).toMatchObject({
      code: "invalid_transition",
    });
  });
});

describe("recordJudgment", () => {
  it("a judgment without a date is refused and nothing changes", async () => {
    const c = await handedOver();
    const refusal = parseRefusal(recordJudgmentSchema, { reference: c.reference, date: "", ruling: "partly", granted: "100", owed: "50" });
    expect(refusal).toMatchObject({ code: "validation", fieldErrors: { date: ["litigation.error.judgment_date_required"] } });
    // Past the form too (another entry point): the domain refuses it.
    const input = { ...parseInput(recordJudgmentSchema, { reference: c.reference, date: "2026-11-20", ruling: "partly", granted: "100", owed: "50" }), date: undefined as unknown as string };
    expect(await rejection(recordJudgment({ db: t.db, actor: c.legal, input, now: later(200), portalUrl }))).toMatchObject({ fieldErrors: { date: ["litigation.error.judgment_date_required"] } });
    expect((await caseRow(c.row.id)).status).toBe("litigation");
    expect(await t.db.select().from(legalSteps).where(eq(legalSteps.caseId, c.row.id))).toEqual([]);
    expect(await t.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, c.row.id))).toEqual([]);
  });

  it("the judgment resolves the case judged: the decision, the invoice's new due dates, the resolution e-mail, the litigation ended", async () => {
    const c = await handedOver();
    const doc = await stagedFile(t.db, { kind: "staff", id: c.legalUser.id }, "jugement.pdf", "jugement");
    const input = parseInput(recordJudgmentSchema, { reference: c.reference, date: "2026-11-23", ruling: "partly", granted: "60,00", owed: "180,00", shared: "on", uploadIds: doc.id });
    // Above what is disputed (240 €): refused.
    expect(await rejection(recordJudgment({ db: t.db, actor: c.legal, input: { ...input, granted: 30_000 }, now: later(200), portalUrl }))).toMatchObject({ fieldErrors: { granted: ["litigation.error.granted_above_disputed"] } });
    expect(await rejection(recordJudgment({ db: t.db, actor: c.agent, input, now: later(200), portalUrl }))).toMatchObject({ code: "forbidden" });
    const result = await recordJudgment({ db: t.db, actor: c.legal, input, now: later(210), portalUrl });
    expect(result.status).toBe("resolved");
    expect(await caseRow(c.row.id)).toMatchObject({ status: "resolved", outcome: "judged", creditedAmountCents: 6_000 });
    expect((await t.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, c.row.id)))[0]).toMatchObject({ outcome: "judged", grantedCents: 6_000 });
    expect(await t.db.select().from(invoiceSettlements).where(eq(invoiceSettlements.caseId, c.row.id))).toHaveLength(1);
    const [judgment] = await t.db.select().from(legalSteps).where(eq(legalSteps.caseId, c.row.id));
    expect(judgment).toMatchObject({ kind: "judgment", occurredOn: "2026-11-23", ruling: "partly", grantedCents: 6_000, owedCents: 18_000, sharedWithCustomer: true });
    expect((await t.db.select().from(litigations).where(eq(litigations.caseId, c.row.id)))[0]).toMatchObject({ ending: "judged", endedById: c.legalUser.id });
    const mails = await t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, c.row.id), eq(emailMessages.template, "case-resolved")));
    expect(mails).toHaveLength(1);
    expect(await chainIntact(c.row.id)).toMatchObject({ intact: true });
    // Costs still come after the judgment; steps no more.
    expect(await recordLegalCost({ db: t.db, actor: c.legal, input: parseInput(recordLegalCostSchema, { reference: c.reference, amount: "50", label: "Signification", date: "2026-11-23" }), now: later(220) })).toMatchObject({
      totalCents: 5_000,
    });
    expect(await rejection(recordLegalStep({ db: t.db, actor: c.legal, input: parseInput(recordLegalStepSchema, { reference: c.reference, kind: "court_hearing", date: "2026-11-23" }), now: later(230) }))).toMatchObject({
      code: "invalid_transition",
    });
    const customer = await customerActor(t.db, c.contact.id);
    const portal = await getCustomerLitigation({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(240) });
    expect(portal).toMatchObject({ handledByLegal: false, documents: [expect.objectContaining({ fileName: "jugement.pdf" })] });
  });
});

describe("settleOutOfCourt", () => {
  it("ends the litigation settled amicably with its terms kept internal", async () => {
    const c = await handedOver();
    expect(parseRefusal(settleOutOfCourtSchema, { reference: c.reference, amount: "10", terms: "" })).toMatchObject({ fieldErrors: { terms: ["litigation.error.terms_required"] } });
    const input = parseInput(settleOutOfCourtSchema, { reference: c.reference, amount: "100,00", terms: "Paiement du solde sous 30 jours — SECRET-TERMS" });
    await settleOutOfCourt({ db: t.db, actor: c.legal, input, now: later(300), portalUrl });
    expect(await caseRow(c.row.id)).toMatchObject({ status: "resolved", outcome: "settled_amicably", creditedAmountCents: 10_000 });
    expect((await t.db.select().from(litigations).where(eq(litigations.caseId, c.row.id)))[0]).toMatchObject({ ending: "settled_out_of_court", settlementAmountCents: 10_000 });
    const customer = await customerActor(t.db, c.contact.id);
    const page = await getCustomerCase({ db: t.db, actor: customer, input: { reference: c.reference }, now: later(310) });
    expect(JSON.stringify(page)).not.toContain("SECRET-TERMS");
    expect(await rejection(settleOutOfCourt({ db: t.db, actor: c.legal, input, now: later(320), portalUrl }))).toMatchObject({ code: "invalid_transition" });
  });
});
