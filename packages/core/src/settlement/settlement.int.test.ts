import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  caseDecisions,
  caseEvents,
  cases,
  caseSurveys,
  emailMessages,
  invoiceSettlements,
  proposalAcceptances,
  proposalApprovals,
  proposals,
  settings,
  storedFiles,
  supplierIdentity,
} from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError, parseInput } from "../errors";
import { createFileStore } from "../files/file-store";
import { startInvestigation } from "../cases/start-investigation";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { createCustomer, customerActor, rejection } from "../testing/fixtures";
import { acceptProposal } from "./accept-proposal";
import { answerSurvey } from "./answer-survey";
import { closeCase } from "./close-case";
import { completeDecision } from "./complete-decision";
import { counterProposal } from "./counter-proposal";
import { createProposal } from "./create-proposal";
import { decideApproval } from "./decide-approval";
import { declineProposal } from "./decline-proposal";
import { expireDueProposals } from "./expire-due-proposals";
import { getAgreementView } from "./get-agreement-view";
import { getProposalSuggestion } from "./get-proposal-suggestion";
import { getStaffSettlement } from "./get-staff-settlement";
import { listProposalsToApprove } from "./list-proposals-to-approve";
import { recordDecision } from "./record-decision";
import { reviewAcceptance } from "./review-acceptance";
import {
  acceptProposalSchema,
  answerSurveySchema,
  completeDecisionSchema,
  counterProposalSchema,
  createProposalSchema,
  decideApprovalSchema,
  declineProposalSchema,
  recordDecisionSchema,
} from "./schemas";

const t = useTestDb();
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-settlement-files-")));
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };
const client = { ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chromium/156" };

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

/** Thresholds in euros for this test: above `supervisor` a supervisor approves, above `finance` finance too. */
async function thresholds(supervisor: number, finance: number) {
  const value = { default: { supervisorAboveCents: supervisor * 100, financeAboveCents: finance * 100 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** A case under investigation (2 of 10 pallets at 120 € contested, and the price: 240 € disputed). */
async function investigatingCase(options: { type?: "quality" | "price_billing" } = {}) {
  const opened = await openReceivedCase(t.db, { type: options.type ?? "quality" });
  const { actor: agent, user } = await staffWith(t.db, ["agent"], { name: "Paul Agent" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: options.type ?? "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  return { ...opened, agent, agentUser: user };
}

const proposalInput = (reference: string, overrides: Record<string, unknown> = {}) =>
  parseInput(createProposalSchema, { reference, kind: "credit_note", amount: "180,00", terms: "Avoir sur la facture, imputé sur la prochaine échéance.", expiresOn: "2026-12-07", ...overrides });

const statusOf = async (caseId: string) => (await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;
const emailsOf = async (caseId: string, template: string) =>
  t.db.select().from(emailMessages).where(and(eq(emailMessages.caseId, caseId), eq(emailMessages.template, template))).orderBy(asc(emailMessages.queuedAt));
const eventsOf = async (caseId: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
const offered = async (caseId: string) => (await t.db.select().from(proposals).where(and(eq(proposals.caseId, caseId), eq(proposals.status, "offered"))))[0]!;

async function offeredCase() {
  await thresholds(5_000, 20_000);
  const c = await investigatingCase();
  await createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference), now: later(60), ...urls });
  return { ...c, proposal: await offered(c.row.id), customer: await customerActor(t.db, c.contact.id) };
}

const acceptInput = (reference: string, proposal: { id: string; offeredTextSha256: string | null }, overrides: Record<string, unknown> = {}) =>
  parseInput(acceptProposalSchema, { reference, proposalId: proposal.id, consent: "on", signerName: "Julie Bernard", textSha256: proposal.offeredTextSha256, ...overrides });

describe("the suggestion", () => {
  it("shows its reasoning line by line: contested quantity × unit price, the customer's price, capped at what is disputed", async () => {
    const c = await investigatingCase();
    const page = await getProposalSuggestion({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(20) });
    expect(page.allowed).toBe(true);
    expect(page.lines).toHaveLength(1);
    // 2 pallets × 120 € = 240 €, and 10 × (120 − 110) € = 100 € on the price: capped at the line's 240 €.
    expect(page.lines[0]!.suggested).toEqual({ quantityCents: 24_000, priceCents: 10_000, priceBasis: "customer", referenceUnitPriceCents: 11_000, totalCents: 24_000 });
    expect(page.suggestion).toMatchObject({ kind: "credit_note", amountCents: 24_000, basis: "lines" });
    expect(page.vatCents).toBe(4_800);
    expect(page.expiresOn > "2026-11-23").toBe(true);
  });
});

describe("a proposal without approval", () => {
  it("goes to the customer at once: the case negotiates, its text is frozen with its SHA-256, the customer is e-mailed", async () => {
    await thresholds(5_000, 20_000);
    const c = await investigatingCase();
    const result = await createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference), now: later(60), ...urls });
    expect(result).toMatchObject({ status: "offered", caseStatus: "negotiating", approvals: [] });
    expect(await statusOf(c.row.id)).toBe("negotiating");
    const proposal = await offered(c.row.id);
    expect(proposal).toMatchObject({ number: 1, amountCents: 18_000, vatCents: 3_600, offeredLanguage: "fr" });
    expect(proposal.offeredText).toContain("Avoir");
    expect(proposal.offeredText).toContain("180,00");
    expect(proposal.offeredTextSha256).toBe(createHash("sha256").update(proposal.offeredText!, "utf8").digest("hex"));
    const [email] = await emailsOf(c.row.id, "proposal-offered");
    expect(email).toMatchObject({ to: [c.contact.email] });
    expect(email!.props).toMatchObject({ proposalUrl: `https://portail.example/cases/${c.reference}/proposal`, amountExclVatCents: 18_000 });
    expect((await eventsOf(c.row.id)).map((e) => e.type)).toEqual(expect.arrayContaining(["proposal_created", "proposal_offered"]));
  });

  it("refuses bad input next to its field and writes nothing", async () => {
    await thresholds(5_000, 20_000);
    const c = await investigatingCase();
    const above = await rejection(createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference, { amount: "240,01" }), now: later(60), ...urls }));
    expect(above).toMatchObject({ code: "validation", fieldErrors: { amount: ["proposal.error.amount_above_disputed"] } });
    const past = await rejection(createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference, { expiresOn: "2026-11-23" }), now: later(60), ...urls }));
    expect(past).toMatchObject({ code: "validation", fieldErrors: { expiresOn: ["proposal.error.expiry_not_in_future"] } });
    const settlement = await rejection(createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference, { kind: "settlement", concessionsSupplier: "Avoir de 180 €" }), now: later(60), ...urls }));
    expect(settlement).toMatchObject({ code: "validation", fieldErrors: { concessionsCustomer: ["proposal.error.concessions_required"] } });
    expect(() => parseInput(createProposalSchema, { reference: c.reference, kind: "credit_note", amount: "-5", expiresOn: "2026-12-07" })).toThrowError(
      expect.objectContaining({ fieldErrors: { amount: ["proposal.error.amount_negative"] } }),
    );
    expect(() => parseInput(createProposalSchema, { reference: c.reference, kind: "credit_note", amount: "12,345", expiresOn: "2026-12-07" })).toThrowError(
      expect.objectContaining({ fieldErrors: { amount: ["proposal.error.amount_too_many_decimals"] } }),
    );
    expect(await t.db.select().from(proposals).where(eq(proposals.caseId, c.row.id))).toEqual([]);
    expect(await statusOf(c.row.id)).toBe("investigating");
  });
});

describe("four-eyes approval", () => {
  it("waits for a supervisor above the first threshold; the author and an agent cannot approve; the supervisor's approval offers it", async () => {
    await thresholds(100, 20_000);
    const c = await investigatingCase();
    const { actor: supervisor } = await staffWith(t.db, ["supervisor"], { name: "Sophie Superviseure" });
    const result = await createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference), now: later(60), ...urls });
    expect(result).toMatchObject({ status: "pending_approval", approvals: ["supervisor"] });
    expect(await statusOf(c.row.id)).toBe("investigating");
    expect((await emailsOf(c.row.id, "approval-requested")).map((e) => e.to[0])).toContain(supervisor.email);
    expect(await emailsOf(c.row.id, "proposal-offered")).toEqual([]);
    expect((await listProposalsToApprove({ db: t.db, actor: supervisor, input: {}, now: later(61) })).map((p) => p.reference)).toContain(c.reference);
    expect(await listProposalsToApprove({ db: t.db, actor: c.agent, input: {}, now: later(61) })).toEqual([]);

    const approve = (actor: typeof supervisor, comment = "Conforme au contrat") =>
      decideApproval({ db: t.db, actor, input: parseInput(decideApprovalSchema, { proposalId: result.proposalId, decision: "approved", comment }), now: later(90), ...urls });
    expect(await rejection(approve(c.agent))).toMatchObject({ code: "forbidden", messageKey: "proposal.error.self_approval" });
    const { actor: otherAgent } = await staffWith(t.db, ["agent"]);
    expect(await rejection(approve(otherAgent))).toMatchObject({ code: "forbidden", messageKey: "proposal.error.not_an_approver" });
    // A supervisor who wrote the proposal never approves it.
    const { actor: supervisorAuthor } = await staffWith(t.db, ["agent", "supervisor"]);
    const own = await createProposal({ db: t.db, actor: supervisorAuthor, input: proposalInput(c.reference, { amount: "150" }), now: later(70), ...urls });
    expect(
      await rejection(decideApproval({ db: t.db, actor: supervisorAuthor, input: parseInput(decideApprovalSchema, { proposalId: own.proposalId, decision: "approved", comment: "ok" }), now: later(80), ...urls })),
    ).toMatchObject({ code: "forbidden", messageKey: "proposal.error.self_approval" });
    // The newer proposal superseded the first one: the supervisor approves the newer.
    const page = await getStaffSettlement({ db: t.db, actor: supervisor, input: { reference: c.reference }, now: later(85) });
    expect(page.proposals.map((p) => [p.number, p.status, p.mayApprove])).toEqual([
      [2, "pending_approval", true],
      [1, "superseded", false],
    ]);
    const decided = await decideApproval({ db: t.db, actor: supervisor, input: parseInput(decideApprovalSchema, { proposalId: own.proposalId, decision: "approved", comment: "Conforme" }), now: later(90), ...urls });
    expect(decided).toMatchObject({ level: "supervisor", status: "offered" });
    expect(await statusOf(c.row.id)).toBe("negotiating");
    expect(await emailsOf(c.row.id, "approval-decided")).toHaveLength(1);
    expect(await emailsOf(c.row.id, "proposal-offered")).toHaveLength(1);
    expect(await rejection(approve(supervisor))).toMatchObject({ code: "conflict", messageKey: "proposal.error.not_pending_approval" });
  });

  it("asks finance too above the second threshold, and a refusal ends the proposal with its comment", async () => {
    await thresholds(50, 100);
    const c = await investigatingCase();
    const { actor: supervisor } = await staffWith(t.db, ["supervisor"]);
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const first = await createProposal({ db: t.db, actor: c.agent, input: proposalInput(c.reference), now: later(60), ...urls });
    expect(first.approvals).toEqual(["supervisor", "finance"]);
    const bySupervisor = await decideApproval({ db: t.db, actor: supervisor, input: parseInput(decideApprovalSchema, { proposalId: first.proposalId, decision: "approved", comment: "OK" }), now: later(70), ...urls });
    expect(bySupervisor).toMatchObject({ status: "pending_approval", missing: ["finance"] });
    const byFinance = await decideApproval({ db: t.db, actor: finance, input: parseInput(decideApprovalSchema, { proposalId: first.proposalId, decision: "approved", comment: "Budget OK" }), now: later(80), ...urls });
    expect(byFinance).toMatchObject({ status: "offered", level: "finance" });
    expect(await statusOf(c.row.id)).toBe("negotiating");

    const d = await investigatingCase();
    const second = await createProposal({ db: t.db, actor: d.agent, input: proposalInput(d.reference), now: later(60), ...urls });
    expect(() => parseInput(decideApprovalSchema, { proposalId: second.proposalId, decision: "rejected", comment: " " })).toThrowError(
      expect.objectContaining({ fieldErrors: { comment: ["proposal.error.comment_required"] } }),
    );
    const refused = await decideApproval({ db: t.db, actor: supervisor, input: parseInput(decideApprovalSchema, { proposalId: second.proposalId, decision: "rejected", comment: "Montant trop élevé" }), now: later(70), ...urls });
    expect(refused).toMatchObject({ status: "refused" });
    expect(await statusOf(d.row.id)).toBe("investigating");
    const [email] = await emailsOf(d.row.id, "approval-decided");
    expect(email!.props).toMatchObject({ decision: "rejected", comment: "Montant trop élevé", offered: false });
    expect(await t.db.select().from(proposalApprovals).where(eq(proposalApprovals.proposalId, second.proposalId))).toHaveLength(1);
  });
});

describe("the customer's answer", () => {
  it("accepts with consent, a typed name and the text's hash: the case is resolved, the agreement stored once, the invoice's due dates restarted", async () => {
    const c = await offeredCase();
    const result = await acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60), ...urls, ...client, store });
    expect(result.status).toBe("resolved");
    const [acceptance] = await t.db.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, c.row.id));
    expect(acceptance).toMatchObject({ signerName: "Julie Bernard", ipAddress: client.ipAddress, userAgent: client.userAgent, textSha256: c.proposal.offeredTextSha256 });
    const bytes = await readFile(store.pathOf(acceptance!.agreementSha256!));
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(acceptance!.agreementSha256);
    expect(await t.db.select().from(storedFiles).where(eq(storedFiles.sha256, acceptance!.agreementSha256!))).toEqual([expect.objectContaining({ refCount: 1, contentType: "application/pdf" })]);
    const recorded = (await eventsOf(c.row.id)).find((e) => e.type === "proposal_acceptance_recorded");
    expect(recorded!.payload).toMatchObject({ textSha256: c.proposal.offeredTextSha256, agreementSha256: acceptance!.agreementSha256 });
    expect(await t.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, c.row.id))).toEqual([
      expect.objectContaining({ outcome: "settled_amicably", grantedCents: 18_000, proposalId: c.proposal.id }),
    ]);
    const [settled] = await t.db.select().from(invoiceSettlements).where(eq(invoiceSettlements.caseId, c.row.id));
    // 240 € + 20 % VAT disputed, 180 € + VAT credited: 72 € remain, due 30 days net after the resolution (24 Nov.).
    expect(settled).toMatchObject({ disputedCents: 28_800, creditedCents: 21_600, remainderCents: 7_200, remainderDueDate: "2026-12-24", undisputedDueDate: "2026-10-31" });
    const [email] = await emailsOf(c.row.id, "proposal-accepted");
    expect(email).toMatchObject({ to: [c.contact.email], attachments: [expect.objectContaining({ type: "application/pdf", sha256: acceptance!.agreementSha256 })] });
    expect(await emailsOf(c.row.id, "proposal-answered")).toHaveLength(1);
    // The printable page shows the document the PDF was rendered from, for staff and for the customer; another company sees nothing.
    const view = await getAgreementView({ db: t.db, actor: c.customer, input: { reference: c.reference }, now: later(24 * 60 + 5) });
    expect(view.agreement).toMatchObject({ language: "fr", textSha256: c.proposal.offeredTextSha256, agreementSha256: acceptance!.agreementSha256 });
    expect(view.agreement!.blocks).toContainEqual(expect.objectContaining({ type: "title", text: "Protocole d'accord" }));
    expect(JSON.stringify(view.agreement!.blocks)).toContain("Julie Bernard");
    expect((await getAgreementView({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(24 * 60 + 5) })).agreement!.blocks).toEqual(view.agreement!.blocks);
    const stranger = await customerActor(t.db, (await createCustomer(t.db, { role: "admin" })).id);
    expect(await rejection(getAgreementView({ db: t.db, actor: stranger, input: { reference: c.reference }, now: later(24 * 60 + 5) }))).toMatchObject({ code: "not_found" });
    // A second tab: one acceptance only.
    expect(await rejection(acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60 + 1), ...urls, ...client, store }))).toMatchObject({
      code: "conflict",
      messageKey: "proposal.error.already_accepted",
    });
  });

  it("accepts once when two tabs accept at the same moment", async () => {
    const c = await offeredCase();
    const attempts = await Promise.allSettled([1, 2].map(() => acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60), ...urls, ...client, store })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.find((a) => a.status === "rejected")).toMatchObject({ reason: expect.objectContaining({ messageKey: "proposal.error.already_accepted" }) });
    expect(await t.db.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, c.row.id))).toHaveLength(1);
  });

  it("lets a viewer read but never decide, refuses a consent left unticked or a changed text, and writes nothing", async () => {
    const c = await offeredCase();
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "viewer" })).id);
    expect(await rejection(acceptProposal({ db: t.db, actor: viewer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60), ...urls, ...client, store }))).toMatchObject({
      code: "forbidden",
      messageKey: "proposal.error.not_allowed_to_decide",
    });
    expect(() => acceptInput(c.reference, c.proposal, { consent: undefined })).toThrowError(expect.objectContaining({ fieldErrors: { consent: ["proposal.error.consent_required"] } }));
    expect(await rejection(acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal, { textSha256: "0".repeat(64) }), now: later(24 * 60), ...urls, ...client, store }))).toMatchObject({
      messageKey: "proposal.error.text_changed",
    });
    expect(await t.db.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, c.row.id))).toEqual([]);
    expect(await statusOf(c.row.id)).toBe("negotiating");
  });

  it("declines with a reason, or counter-proposes: back to the agent, who is told; no counter-proposal on an answered proposal", async () => {
    const c = await offeredCase();
    await declineProposal({ db: t.db, actor: c.customer, input: parseInput(declineProposalSchema, { reference: c.reference, proposalId: c.proposal.id, reason: "Insuffisant" }), now: later(120), ...urls });
    expect(await statusOf(c.row.id)).toBe("investigating");
    expect((await emailsOf(c.row.id, "proposal-answered"))[0]!.props).toMatchObject({ answer: "declined", comment: "Insuffisant" });

    const d = await offeredCase();
    const counter = await counterProposal({
      db: t.db,
      actor: d.customer,
      input: parseInput(counterProposalSchema, { reference: d.reference, proposalId: d.proposal.id, kind: "refund", amount: "240", comment: "Remboursement intégral" }),
      now: later(120),
      ...urls,
    });
    expect(counter.status).toBe("investigating");
    const [draft] = await t.db.select().from(proposals).where(eq(proposals.id, counter.counterProposalId));
    expect(draft).toMatchObject({ status: "draft", origin: "customer", kind: "refund", amountCents: 24_000, counterOfId: d.proposal.id });
    const page = await getProposalSuggestion({ db: t.db, actor: d.agent, input: { reference: d.reference }, now: later(130) });
    expect(page.counter).toMatchObject({ id: counter.counterProposalId, amountCents: 24_000 });
    expect(
      await rejection(
        counterProposal({ db: t.db, actor: d.customer, input: parseInput(counterProposalSchema, { reference: d.reference, proposalId: d.proposal.id, kind: "refund", amount: "200", comment: "Encore" }), now: later(130), ...urls }),
      ),
    ).toMatchObject({ code: "conflict", messageKey: "proposal.error.not_offered" });
    // The agent takes the counter-proposal up: the draft is closed by the new proposal.
    await createProposal({ db: t.db, actor: d.agent, input: proposalInput(d.reference, { kind: "refund", amount: "220", counterOfId: counter.counterProposalId }), now: later(140), ...urls });
    expect((await t.db.select().from(proposals).where(eq(proposals.id, counter.counterProposalId)))[0]!.status).toBe("superseded");
  });

  it("refuses an acceptance after the last day; the expiry sweep sends the case back to the agent, once", async () => {
    const c = await offeredCase();
    const afterLastDay = new Date("2026-12-08T09:00:00Z");
    expect(await rejection(acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: afterLastDay, ...urls, ...client, store }))).toMatchObject({
      messageKey: "proposal.error.expired",
    });
    expect(await expireDueProposals({ db: t.db, now: new Date("2026-12-07T22:00:00Z") })).not.toContain(c.reference);
    expect(await expireDueProposals({ db: t.db, now: afterLastDay })).toContain(c.reference);
    expect(await expireDueProposals({ db: t.db, now: afterLastDay })).not.toContain(c.reference);
    expect(await statusOf(c.row.id)).toBe("investigating");
    expect((await t.db.select().from(proposals).where(eq(proposals.id, c.proposal.id)))[0]!.status).toBe("expired");
  });
});

describe("the decision", () => {
  it("is refused while the case negotiates; recorded from investigation it resolves the case and restarts the invoice's term", async () => {
    const c = await offeredCase();
    const input = (reference: string) => parseInput(recordDecisionSchema, { reference, outcome: "partially_upheld", granted: "100", publicRationale: "Deux palettes abîmées sur dix." });
    expect(await rejection(recordDecision({ db: t.db, actor: c.agent, input: input(c.reference), now: later(200), ...urls }))).toBeInstanceOf(AppError);
    expect(await statusOf(c.row.id)).toBe("negotiating");

    const d = await investigatingCase();
    expect(await rejection(recordDecision({ db: t.db, actor: d.agent, input: parseInput(recordDecisionSchema, { reference: d.reference, outcome: "upheld", granted: "300", publicRationale: "x" }), now: later(200), ...urls }))).toMatchObject({
      fieldErrors: { granted: ["proposal.error.amount_above_disputed"] },
    });
    const result = await recordDecision({ db: t.db, actor: d.agent, input: input(d.reference), now: later(200), ...urls });
    expect(result.status).toBe("resolved");
    expect(result.newDueDates).toEqual([expect.objectContaining({ remainderCents: 16_800 })]);
    expect((await emailsOf(d.row.id, "case-resolved"))[0]!.props).toMatchObject({ outcome: "partially_upheld", grantedCents: 10_000, publicRationale: "Deux palettes abîmées sur dix." });
  });

  it("is completed after an acceptance (rationale, credit-note number) without a status change, e-mailing the resolution once", async () => {
    const c = await offeredCase();
    await acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60), ...urls, ...client, store });
    const complete = (creditNoteNumber: string, minutes: number) =>
      completeDecision({ db: t.db, actor: c.agent, input: parseInput(completeDecisionSchema, { reference: c.reference, publicRationale: "Avoir accordé.", creditNoteNumber }), now: later(minutes), ...urls });
    await complete("AV-2026-0042", 25 * 60);
    await complete("AV-2026-0042", 26 * 60);
    // 240 € disputed, 180 € granted: at most 60 € can be recovered.
    const recovered = (amount: string) =>
      completeDecision({ db: t.db, actor: c.agent, input: parseInput(completeDecisionSchema, { reference: c.reference, recovered: amount, creditNoteNumber: "AV-2026-0042" }), now: later(27 * 60), ...urls });
    expect(await rejection(recovered("60,01"))).toMatchObject({ fieldErrors: { recovered: ["proposal.error.recovered_above_due"] } });
    await recovered("60");
    expect((await t.db.select({ recovered: cases.recoveredAmountCents }).from(cases).where(eq(cases.id, c.row.id)))[0]!.recovered).toBe(6_000);
    expect(await statusOf(c.row.id)).toBe("resolved");
    expect((await t.db.select().from(caseDecisions).where(eq(caseDecisions.caseId, c.row.id)))[0]).toMatchObject({ creditNoteNumber: "AV-2026-0042", publicRationale: "Avoir accordé." });
    expect(await emailsOf(c.row.id, "case-resolved")).toHaveLength(1);
  });

  it("closes the case, inviting the customer to rate it once from 0 to 10", async () => {
    const c = await offeredCase();
    await acceptProposal({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60), ...urls, ...client, store });
    await closeCase({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(30 * 60), ...urls });
    expect(await statusOf(c.row.id)).toBe("closed");
    expect((await emailsOf(c.row.id, "case-closed"))[0]!.props).toMatchObject({ surveyUrl: `https://portail.example/cases/${c.reference}/survey` });
    expect(() => parseInput(answerSurveySchema, { reference: c.reference, score: "11" })).toThrowError(expect.objectContaining({ fieldErrors: { score: ["proposal.error.score_required"] } }));
    await answerSurvey({ db: t.db, actor: c.customer, input: parseInput(answerSurveySchema, { reference: c.reference, score: "9", comment: "Rapide" }), now: later(31 * 60) });
    expect(await rejection(answerSurvey({ db: t.db, actor: c.customer, input: parseInput(answerSurveySchema, { reference: c.reference, score: "3" }), now: later(32 * 60) }))).toMatchObject({
      messageKey: "proposal.error.survey_already_answered",
    });
    expect(await t.db.select().from(caseSurveys).where(eq(caseSurveys.caseId, c.row.id))).toEqual([expect.objectContaining({ score: 9, comment: "Rapide" })]);
  });
});

describe("the acceptance's review step", () => {
  it("checks what the acceptance checks and writes nothing", async () => {
    const c = await offeredCase();
    expect(await reviewAcceptance({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: later(24 * 60) })).toEqual({ proposalId: c.proposal.id });
    expect(await rejection(reviewAcceptance({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal, { textSha256: "1".repeat(64) }), now: later(24 * 60) }))).toMatchObject({
      messageKey: "proposal.error.text_changed",
    });
    expect(await rejection(reviewAcceptance({ db: t.db, actor: c.customer, input: acceptInput(c.reference, c.proposal), now: new Date("2026-12-08T09:00:00Z") }))).toMatchObject({
      messageKey: "proposal.error.expired",
    });
    expect(await t.db.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, c.row.id))).toEqual([]);
    expect(await statusOf(c.row.id)).toBe("negotiating");
  });
});
