import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { proposals, settings, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { createFileStore } from "../files/file-store";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { startInvestigation } from "../cases/start-investigation";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { createCustomer, customerActor, rejection } from "../testing/fixtures";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { acceptProposal } from "./accept-proposal";
import { answerSurvey } from "./answer-survey";
import { completeDecision } from "./complete-decision";
import { counterProposal } from "./counter-proposal";
import { createProposal } from "./create-proposal";
import { decideApproval } from "./decide-approval";
import { getCustomerSettlement } from "./get-customer-settlement";
import { openCustomerAgreement } from "./open-customer-agreement";
import { acceptProposalSchema, answerSurveySchema, completeDecisionSchema, counterProposalSchema, createProposalSchema, decideApprovalSchema } from "./schemas";

const t = useTestDb();
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-customer-settlement-files-")));
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };
const client = { ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chromium/156" };

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

async function thresholds(supervisor: number, finance: number) {
  const value = { default: { supervisorAboveCents: supervisor * 100, financeAboveCents: finance * 100 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

/** A case under investigation, 240 € disputed, and a credit note of 180 € put to the customer (last day 7 Dec. 2026). */
async function offeredCase(options: { approvalComment?: string } = {}) {
  await thresholds(options.approvalComment ? 100 : 5_000, 20_000);
  const opened = await openReceivedCase(t.db);
  const { actor: agent } = await staffWith(t.db, ["agent"], { name: "Paul Agent" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  const input = parseInput(createProposalSchema, { reference: opened.reference, kind: "credit_note", amount: "180,00", terms: "Avoir sur la facture.", expiresOn: "2026-12-07" });
  const created = await createProposal({ db: t.db, actor: agent, input, now: later(60), ...urls });
  if (options.approvalComment) {
    const { actor: supervisor } = await staffWith(t.db, ["supervisor"], { name: "Sophie Superviseure" });
    await decideApproval({ db: t.db, actor: supervisor, input: parseInput(decideApprovalSchema, { proposalId: created.proposalId, decision: "approved", comment: options.approvalComment }), now: later(70), ...urls });
  }
  const [proposal] = await t.db.select().from(proposals).where(and(eq(proposals.caseId, opened.row.id), eq(proposals.status, "offered")));
  return { ...opened, agent, proposal: proposal!, customer: await customerActor(t.db, opened.contact.id) };
}

const read = (actor: Awaited<ReturnType<typeof customerActor>>, reference: string, now = later(24 * 60)) => getCustomerSettlement({ db: t.db, actor, input: { reference }, now });
const accept = (c: Awaited<ReturnType<typeof offeredCase>>) =>
  acceptProposal({
    db: t.db,
    actor: c.customer,
    input: parseInput(acceptProposalSchema, { reference: c.reference, proposalId: c.proposal.id, consent: "on", signerName: "Julie Bernard", textSha256: c.proposal.offeredTextSha256 }),
    now: later(24 * 60),
    ...urls,
    ...client,
    store,
  });

describe("getCustomerSettlement", () => {
  it("shows the offered proposal with its frozen text and hash; the case's contact may decide, a viewer reads only", async () => {
    const c = await offeredCase();
    const page = await read(c.customer, c.reference);
    expect(page.mayDecide).toBe(true);
    expect(page.current).toMatchObject({
      id: c.proposal.id,
      number: 1,
      kind: "credit_note",
      status: "offered",
      amountCents: 18_000,
      vatCents: 3_600,
      totalCents: 21_600,
      expiresOn: "2026-12-07",
      offeredText: c.proposal.offeredText,
      offeredTextSha256: createHash("sha256").update(c.proposal.offeredText!, "utf8").digest("hex"),
      expired: false,
      canDecide: true,
    });
    expect(page.acceptance).toBeNull();
    expect(page.decision).toBeNull();
    expect(page.canRate).toBe(false);

    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "viewer" })).id);
    const seen = await read(viewer, c.reference);
    expect(seen.mayDecide).toBe(false);
    expect(seen.current).toMatchObject({ id: c.proposal.id, offeredText: c.proposal.offeredText, canDecide: false });

    const admin = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "admin" })).id);
    expect((await read(admin, c.reference)).current?.canDecide).toBe(true);
    // A colleague who does not follow the case does not see it; another company neither.
    const colleague = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "member" })).id);
    expect(await rejection(read(colleague, c.reference))).toMatchObject({ code: "not_found" });
    const other = await offeredCase();
    expect(await rejection(read(other.customer, c.reference))).toMatchObject({ code: "not_found" });
  });

  it("says an offered proposal past its last day is expired and can no longer be decided", async () => {
    const c = await offeredCase();
    const page = await read(c.customer, c.reference, new Date("2026-12-08T09:00:00Z"));
    expect(page.current).toMatchObject({ status: "expired", expired: true, open: false, canDecide: false });
  });

  it("lists the customer's counter-proposal and the proposal it answered", async () => {
    const c = await offeredCase();
    await counterProposal({
      db: t.db,
      actor: c.customer,
      input: parseInput(counterProposalSchema, { reference: c.reference, proposalId: c.proposal.id, kind: "refund", amount: "240", comment: "Remboursement intégral" }),
      now: later(120),
      ...urls,
    });
    const page = await read(c.customer, c.reference);
    expect(page.proposals).toEqual([expect.objectContaining({ id: c.proposal.id, status: "countered", canDecide: false, responseComment: "Remboursement intégral" })]);
    expect(page.counterProposals).toEqual([expect.objectContaining({ kind: "refund", amountCents: 24_000, comment: "Remboursement intégral" })]);
  });

  it("after acceptance: the record, the public decision, the new due dates, the survey once; no internal field leaks", async () => {
    const c = await offeredCase({ approvalComment: "Marge suffisante, note interne" });
    await accept(c);
    await completeDecision({
      db: t.db,
      actor: c.agent,
      input: parseInput(completeDecisionSchema, { reference: c.reference, publicRationale: "Avoir accordé.", internalRationale: "Transporteur fautif, à refacturer", creditNoteNumber: "AV-2026-0042" }),
      now: later(25 * 60),
      ...urls,
    });
    const page = await read(c.customer, c.reference, later(26 * 60));
    expect(page.current).toMatchObject({ status: "accepted", canDecide: false });
    expect(page.acceptance).toMatchObject({ proposalId: c.proposal.id, proposalNumber: 1, signerName: "Julie Bernard", textSha256: c.proposal.offeredTextSha256 });
    expect(page.acceptance!.agreementSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.decision).toEqual(expect.objectContaining({ outcome: "settled_amicably", grantedCents: 18_000, publicRationale: "Avoir accordé.", creditNoteNumber: "AV-2026-0042" }));
    expect(page.settlements).toEqual([expect.objectContaining({ remainderCents: 7_200, remainderDueDate: "2026-12-24", undisputedDueDate: "2026-10-31" })]);
    expect(page.canRate).toBe(true);
    const serialised = JSON.stringify(page);
    for (const secret of ["Transporteur fautif", "Marge suffisante", "Sophie Superviseure", "Paul Agent", "internalRationale", "approvals", "suggestion", client.ipAddress]) {
      expect(serialised).not.toContain(secret);
    }
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "viewer" })).id);
    expect((await read(viewer, c.reference, later(26 * 60))).canRate).toBe(false);

    await answerSurvey({ db: t.db, actor: c.customer, input: parseInput(answerSurveySchema, { reference: c.reference, score: "9", comment: "Rapide" }), now: later(27 * 60) });
    const rated = await read(c.customer, c.reference, later(28 * 60));
    expect(rated).toMatchObject({ canRate: false, survey: { score: 9, comment: "Rapide" } });
  });
});

describe("openCustomerAgreement", () => {
  it("serves the stored bytes to anyone who sees the case, and nothing otherwise", async () => {
    const c = await offeredCase();
    expect(await rejection(openCustomerAgreement({ db: t.db, actor: c.customer, input: { reference: c.reference }, files: store }))).toMatchObject({ code: "not_found" });
    await accept(c);
    const { acceptance } = await read(c.customer, c.reference);
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "viewer" })).id);
    const file = await openCustomerAgreement({ db: t.db, actor: viewer, input: { reference: c.reference }, files: store });
    expect(file).toMatchObject({ fileName: `protocole-accord-${c.reference}.pdf`, contentType: "application/pdf", sha256: acceptance!.agreementSha256 });
    const chunks: Buffer[] = [];
    for await (const chunk of file.stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(file.sizeBytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(acceptance!.agreementSha256);
    const other = await offeredCase();
    expect(await rejection(openCustomerAgreement({ db: t.db, actor: other.customer, input: { reference: c.reference }, files: store }))).toMatchObject({ code: "not_found" });
  });
});
