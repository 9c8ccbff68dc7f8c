/**
 * The KPI's case facts (issue 15, ADR 0040): every use case that resolves a case writes the business
 * minutes from reception with `resolved_at` (decision, accepted proposal, judgment), in the calendar of
 * the case's policy; `ended_at` (migration 0022's trigger) follows the status: set on resolution,
 * withdrawal and rejection, kept from resolved to closed, cleared on reopening.
 */
import { businessCalendars, cases, proposals, slaPolicies, supplierIdentity } from "@accord/db";
import { useTestDb } from "@accord/db/testing";
import { businessMinutesBetween } from "@accord/domain";
import { eq } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { rejectCase, rejectCaseSchema } from "../cases/reject-case";
import { startInvestigation } from "../cases/start-investigation";
import { withdrawCase } from "../cases/withdraw-case";
import { parseInput } from "../errors";
import { createFileStore } from "../files/file-store";
import { applyCommand, findStaffCase } from "../instruction/staff-case";
import { handOverToLegal } from "../litigation/hand-over-to-legal";
import { recordJudgment } from "../litigation/record-judgment";
import { handOverToLegalSchema, recordJudgmentSchema } from "../litigation/schemas";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { acceptProposal } from "../settlement/accept-proposal";
import { closeCase } from "../settlement/close-case";
import { createProposal } from "../settlement/create-proposal";
import { recordDecision } from "../settlement/record-decision";
import { acceptProposalSchema, createProposalSchema, recordDecisionSchema } from "../settlement/schemas";
import { customerActor } from "../testing/fixtures";
import { later, openReceivedCase, RECEIVED_AT, staffWith } from "../testing/test-case";
import { defaultCalendar } from "./case-sla";
import { backfillResolutionBusinessMinutes, resolutionBusinessMinutes } from "./resolution-facts";
import { insertKpiCase, kpiAccount } from "../testing/kpi-records";

const t = useTestDb();
const urls = { portalUrl: "https://portail.example", backofficeUrl: "https://support.example" };
const store = createFileStore(mkdtempSync(path.join(tmpdir(), "accord-resolution-facts-")));
/** Tuesday 24 November 2026, 9:00 in Paris: one working day (480 business minutes) after the reception. */
const NEXT_DAY = later(24 * 60);

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

const caseRow = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;

async function investigatedCase() {
  const opened = await openReceivedCase(t.db, { type: "quality" });
  const { actor: agent } = await staffWith(t.db, ["agent"], { name: "Paul Agent" });
  const { actor: supervisor } = await staffWith(t.db, ["supervisor"], { name: "Sophie Superviseure" });
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: opened.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: opened.reference }, now: later(10) });
  return { ...opened, agent, supervisor };
}

describe("the business minutes written with resolved_at", () => {
  it("a decision writes them, as the domain counts them on the case's calendar", async () => {
    const c = await investigatedCase();
    const input = parseInput(recordDecisionSchema, { reference: c.reference, outcome: "upheld", granted: "240", publicRationale: "Farine humide." });
    await recordDecision({ db: t.db, actor: c.agent, input, now: NEXT_DAY, ...urls });
    const row = await caseRow(c.row.id);
    expect(row).toMatchObject({ status: "resolved", resolvedAt: NEXT_DAY, resolutionBusinessMinutes: 480, endedAt: NEXT_DAY });
    expect(row.resolutionBusinessMinutes).toBe(businessMinutesBetween(RECEIVED_AT, NEXT_DAY, await defaultCalendar(t.db)));
  });

  it("an accepted proposal writes them", async () => {
    const c = await investigatedCase();
    const input = parseInput(createProposalSchema, { reference: c.reference, kind: "credit_note", amount: "180,00", terms: "Avoir sur la facture.", expiresOn: "2026-12-07" });
    const created = await createProposal({ db: t.db, actor: c.agent, input, now: later(60), ...urls });
    const customer = await customerActor(t.db, c.contact.id);
    const [proposal] = await t.db.select().from(proposals).where(eq(proposals.id, created.proposalId));
    await acceptProposal({
      db: t.db,
      actor: customer,
      input: parseInput(acceptProposalSchema, { reference: c.reference, proposalId: created.proposalId, consent: "on", signerName: "Julie Bernard", textSha256: proposal!.offeredTextSha256 }),
      now: NEXT_DAY,
      ...urls,
      ipAddress: "203.0.113.7",
      userAgent: "Chromium/156",
      store,
    });
    expect(await caseRow(c.row.id)).toMatchObject({ status: "resolved", resolvedAt: NEXT_DAY, resolutionBusinessMinutes: 480, endedAt: NEXT_DAY });
  });

  it("a judgment writes them", async () => {
    const c = await investigatedCase();
    const { actor: legal } = await staffWith(t.db, ["legal"], { name: "Léa Juriste" });
    await handOverToLegal({ db: t.db, actor: c.supervisor, input: parseInput(handOverToLegalSchema, { reference: c.reference, reason: "Impayé", amountAtStake: "240" }), now: later(60) });
    const input = parseInput(recordJudgmentSchema, { reference: c.reference, date: "2026-11-24", ruling: "partly", granted: "60,00", owed: "180,00" });
    await recordJudgment({ db: t.db, actor: legal, input, now: NEXT_DAY, portalUrl: urls.portalUrl });
    expect(await caseRow(c.row.id)).toMatchObject({ status: "resolved", resolvedAt: NEXT_DAY, resolutionBusinessMinutes: 480, endedAt: NEXT_DAY });
  });

  it("counts on the calendar of the case's policy, even deactivated, else on the default calendar", async () => {
    // Every day 08:00–20:00: the 24 hours from Monday 9:00 to Tuesday 9:00 hold 11 + 1 = 12 business hours.
    const day = () => ["08:00-20:00"];
    const long = { timeZone: "Europe/Paris", weekly: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: day(), sun: day() }, holidays: "FR" as const, closures: [] };
    const [calendar] = await t.db.insert(businessCalendars).values({ code: "long-days", name: "Longues journées", definition: long }).returning();
    const [policy] = await t.db.insert(slaPolicies).values({ name: "Longues journées", firstResponseMinutes: 60, resolutionMinutes: 600, calendarId: calendar!.id, active: false }).returning();
    expect(await resolutionBusinessMinutes(t.db, { receivedAt: RECEIVED_AT, slaPolicyId: policy!.id }, NEXT_DAY)).toBe(12 * 60);
    expect(await resolutionBusinessMinutes(t.db, { receivedAt: RECEIVED_AT, slaPolicyId: null }, NEXT_DAY)).toBe(480);
  });
});

describe("backfillResolutionBusinessMinutes", () => {
  it("writes the minutes of the cases resolved without them, in batches, once", async () => {
    const account = await kpiAccount(t.db);
    const resolved = [];
    for (let day = 0; day < 3; day += 1) {
      resolved.push(await insertKpiCase(t.db, { account, receivedAt: RECEIVED_AT, endedAt: later((day + 1) * 24 * 60), resolvedAt: later((day + 1) * 24 * 60) }));
    }
    const open = await insertKpiCase(t.db, { account, receivedAt: RECEIVED_AT });
    expect(await backfillResolutionBusinessMinutes(t.db, 2)).toBe(3);
    expect((await Promise.all(resolved.map((row) => caseRow(row.id)))).map((row) => row.resolutionBusinessMinutes)).toEqual([480, 960, 1_440]);
    expect((await caseRow(open.id)).resolutionBusinessMinutes).toBeNull();
    expect(await backfillResolutionBusinessMinutes(t.db)).toBe(0);
  });
});

describe("ended_at", () => {
  it("is the withdrawal's instant", async () => {
    const c = await investigatedCase();
    const customer = await customerActor(t.db, c.contact.id);
    await withdrawCase({ db: t.db, actor: customer, input: { reference: c.reference, reason: "Trouvé le lot." }, now: later(90), ...urls });
    expect(await caseRow(c.row.id)).toMatchObject({ status: "withdrawn", endedAt: later(90), resolvedAt: null, resolutionBusinessMinutes: null });
  });

  it("is the rejection's instant", async () => {
    const c = await investigatedCase();
    await rejectCase({ db: t.db, actor: c.agent, input: parseInput(rejectCaseSchema, { reference: c.reference, reasons: "Hors délai" }), now: later(120), ...urls });
    expect(await caseRow(c.row.id)).toMatchObject({ status: "rejected", endedAt: later(120) });
  });

  it("keeps the resolution's instant once closed, and is cleared when a resolved case is reopened", async () => {
    const closed = await investigatedCase();
    await recordDecision({ db: t.db, actor: closed.agent, input: parseInput(recordDecisionSchema, { reference: closed.reference, outcome: "rejected", granted: "0", publicRationale: "Conforme." }), now: NEXT_DAY, ...urls });
    await closeCase({ db: t.db, actor: closed.agent, input: { reference: closed.reference }, now: later(3 * 24 * 60), ...urls });
    expect(await caseRow(closed.row.id)).toMatchObject({ status: "closed", endedAt: NEXT_DAY, closedAt: later(3 * 24 * 60) });

    const reopened = await investigatedCase();
    await recordDecision({ db: t.db, actor: reopened.agent, input: parseInput(recordDecisionSchema, { reference: reopened.reference, outcome: "rejected", granted: "0", publicRationale: "Conforme." }), now: NEXT_DAY, ...urls });
    await t.db.transaction(async (tx) => {
      const row = await findStaffCase(tx, reopened.supervisor, reopened.reference, { lock: true });
      await applyCommand(tx, { actor: reopened.supervisor, row, command: { type: "reopen", reason: "Nouvel élément" }, now: later(2 * 24 * 60) });
    });
    expect(await caseRow(reopened.row.id)).toMatchObject({ status: "investigating", endedAt: null, resolvedAt: NEXT_DAY });
  });
});
