/** The back-office's reads of the settlement: the stored agreement download and what the Solution section reads. */
import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { proposalAcceptances, proposals, settings, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { createFileStore } from "../files/file-store";
import { startInvestigation } from "../cases/start-investigation";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { customerActor, rejection } from "../testing/fixtures";
import { acceptProposal } from "./accept-proposal";
import { counterProposal } from "./counter-proposal";
import { createProposal } from "./create-proposal";
import { getStaffSettlement } from "./get-staff-settlement";
import { openAgreementFile } from "./open-agreement-file";
import { acceptProposalSchema, counterProposalSchema, createProposalSchema } from "./schemas";

const t = useTestDb();
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-agreement-files-")));
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
  const value = { default: { supervisorAboveCents: 500_000, financeAboveCents: 2_000_000 } };
  await t.db.insert(settings).values({ key: "approval_thresholds", value }).onConflictDoUpdate({ target: settings.key, set: { value } });
});

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A case under investigation with an offered proposal; `accepted`: the customer accepted it. */
async function settledCase({ accepted }: { accepted: boolean }) {
  const opened = await openReceivedCase(t.db, { type: "quality" });
  const { actor: agent } = await staffWith(t.db, ["agent"]);
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  const input = parseInput(createProposalSchema, { reference: opened.reference, kind: "credit_note", amount: "180,00", terms: "Avoir.", expiresOn: "2026-12-07" });
  await createProposal({ db: t.db, actor: agent, input, now: later(60), ...urls });
  if (accepted) {
    const [proposal] = await t.db.select().from(proposals).where(and(eq(proposals.caseId, opened.row.id), eq(proposals.status, "offered")));
    const customer = await customerActor(t.db, opened.contact.id);
    const acceptance = parseInput(acceptProposalSchema, { reference: opened.reference, proposalId: proposal!.id, consent: "on", signerName: "Julie Bernard", textSha256: proposal!.offeredTextSha256 });
    await acceptProposal({ db: t.db, actor: customer, input: acceptance, now: later(24 * 60), ...urls, ipAddress: "203.0.113.7", userAgent: "test", store });
  }
  return { ...opened, agent };
}

describe("openAgreementFile", () => {
  it("serves the agreement stored at acceptance, byte for byte, as a PDF named after the case", async () => {
    const c = await settledCase({ accepted: true });
    const [acceptance] = await t.db.select().from(proposalAcceptances).where(eq(proposalAcceptances.caseId, c.row.id));
    const file = await openAgreementFile({ db: t.db, actor: c.agent, input: { reference: c.reference }, files: store });
    expect(file).toMatchObject({ contentType: "application/pdf", sha256: acceptance!.agreementSha256, fileName: `protocole-accord-${c.reference}.pdf` });
    const bytes = await read(file.stream);
    expect(bytes.equals(await readFile(store.pathOf(acceptance!.agreementSha256!)))).toBe(true);
    expect(file.sizeBytes).toBe(bytes.length);
  });

  it("is not found without an acceptance, for a mediator the case is not assigned to, or for an unknown case", async () => {
    const pending = await settledCase({ accepted: false });
    expect(await rejection(openAgreementFile({ db: t.db, actor: pending.agent, input: { reference: pending.reference }, files: store }))).toMatchObject({ code: "not_found" });
    const accepted = await settledCase({ accepted: true });
    const { actor: mediator } = await staffWith(t.db, ["mediator"]);
    expect(await rejection(openAgreementFile({ db: t.db, actor: mediator, input: { reference: accepted.reference }, files: store }))).toMatchObject({ code: "not_found" });
    expect(await rejection(openAgreementFile({ db: t.db, actor: accepted.agent, input: { reference: "LIT-2099-999999" }, files: store }))).toMatchObject({ code: "not_found" });
  });
});

describe("getStaffSettlement, as the back-office's Solution section reads it", () => {
  it("names the signer's e-mail in the acceptance record, and offers the decision's completion to who may decide", async () => {
    const c = await settledCase({ accepted: true });
    const read = await getStaffSettlement({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(24 * 60 + 5) });
    expect(read.acceptance).toMatchObject({ signerName: "Julie Bernard", signerEmail: c.contact.email });
    expect(read.mayCompleteDecision).toBe(true);
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    expect((await getStaffSettlement({ db: t.db, actor: finance, input: { reference: c.reference }, now: later(24 * 60 + 5) })).mayCompleteDecision).toBe(false);
    const pending = await settledCase({ accepted: false });
    expect((await getStaffSettlement({ db: t.db, actor: pending.agent, input: { reference: pending.reference }, now: later(90) })).mayCompleteDecision).toBe(false);
  });

  it("marks the customer's counter-proposal and the answer it gives to the proposal it answers", async () => {
    const c = await settledCase({ accepted: false });
    const [proposal] = await t.db.select().from(proposals).where(and(eq(proposals.caseId, c.row.id), eq(proposals.status, "offered")));
    const customer = await customerActor(t.db, c.contact.id);
    const input = parseInput(counterProposalSchema, { reference: c.reference, proposalId: proposal!.id, kind: "credit_note", amount: "220,00", comment: "Plutôt 220 €." });
    await counterProposal({ db: t.db, actor: customer, input, now: later(2 * 60), ...urls });
    const read = await getStaffSettlement({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(3 * 60) });
    expect(read.proposals.map((p) => ({ fromCustomer: p.fromCustomer, status: p.status, customerAnswer: p.customerAnswer, counterOfId: p.counterOfId }))).toEqual([
      { fromCustomer: true, status: "draft", customerAnswer: null, counterOfId: proposal!.id },
      { fromCustomer: false, status: "countered", customerAnswer: "countered", counterOfId: null },
    ]);
  });
});
