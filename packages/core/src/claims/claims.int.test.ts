import { caseEvents, caseLines, cases, customerAccounts, emailMessages, evidence, stagedUploads, storedFiles } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createCustomer, createStaff, customerActor, rejection, staffActor } from "../testing/fixtures";
import { getClaimConfirmation } from "./get-claim-confirmation";
import { listClaimableInvoices } from "./list-claimable-invoices";
import { previewClaim } from "./preview-claim";
import type { ClaimFormInput } from "./schemas";
import { loadEmailSender } from "../email/queue-email";
import { refreshCaseSla } from "../sla/case-sla";
import { submitClaim } from "./submit-claim";
import { parseInput } from "../errors";
import { claimableInvoicesQuerySchema } from "./list-claimable-invoices";

const t = useTestDb();

const portalUrl = "http://portal.test";
/** Monday 23 November 2026, 10:00 in Paris. */
const now = new Date("2026-11-23T09:00:00Z");

async function anAccount(options: { tier?: "standard" | "key" | "strategic"; claimDeadlineDays?: number | null; penalty?: boolean } = {}) {
  const account = await insertCustomerAccount(t.db, {
    tier: options.tier ?? "standard",
    clauses: {
      claimDeadlineDays: options.claimDeadlineDays === undefined ? 30 : options.claimDeadlineDays,
      penalty: { applies: options.penalty ?? false, rateBasisPoints: null },
      mediation: { applies: false, mediator: null },
    },
  });
  const member = await createCustomer(t.db, { accountId: account.id, role: "member", name: "Léa Roux" });
  const flour = await insertInvoice(t.db, {
    accountId: account.id,
    number: `FA-${account.id.slice(0, 6)}-1`,
    issueDate: "2026-11-10",
    deliveryDate: "2026-11-09",
    lines: [
      { description: "Farine T65 — sac 25 kg", quantityMilli: 120_000, unitPriceCents: 1850, vatRateBp: 550 },
      { description: "Levure fraîche", quantityMilli: 200_000, unitPriceCents: 215, vatRateBp: 550 },
    ],
  });
  const oven = await insertInvoice(t.db, {
    accountId: account.id,
    number: `FA-${account.id.slice(0, 6)}-2`,
    issueDate: "2026-09-01",
    deliveryDate: "2026-08-30",
    lines: [{ description: "Pelles d'enfournement", quantityMilli: 6_000, unitPriceCents: 8900, vatRateBp: 2000 }],
  });
  return { account, member, flour, oven };
}

const claim = (lines: ClaimFormInput["lines"], extra: Partial<ClaimFormInput> = {}): ClaimFormInput =>
  ({
    type: "quality",
    title: "Farine humide",
    description: "Sacs mouillés, pelles tordues",
    desiredOutcome: "credit_note",
    quality: { product: "Farine T65", lotNumber: "L2026-0917" },
    lines,
    ...extra,
  }) as ClaimFormInput;

async function stage(uploaderId: string, accountId: string) {
  const sha256 = "b".repeat(64);
  await t.db.insert(storedFiles).values({ sha256, sizeBytes: 4, contentType: "image/png", refCount: 0 }).onConflictDoNothing();
  const [row] = await t.db
    .insert(stagedUploads)
    .values({ uploaderKind: "customer", uploaderId, accountId, sha256, fileName: "photo.png", contentType: "image/png", sizeBytes: 4, expiresAt: new Date(now.getTime() + 3_600_000) })
    .returning();
  return row!.id;
}

describe("listClaimableInvoices", () => {
  it("lists the account's invoices with their lines, searchable by number, and nothing of another account", async () => {
    const { member, flour, oven } = await anAccount();
    const other = await anAccount();
    const actor = await customerActor(t.db, member.id);
    const all = await listClaimableInvoices({ db: t.db, actor });
    expect(all.map((i) => i.number)).toEqual([flour.number, oven.number]);
    expect(all[0]!.lines.map((l) => [l.lineNo, l.description, l.quantityMilli])).toEqual([
      [1, "Farine T65 — sac 25 kg", 120_000],
      [2, "Levure fraîche", 200_000],
    ]);
    // A part of the number ("<account>-2": a bare "-2" would also match an id that starts with 2).
    const part = oven.number.slice("FA-".length);
    expect((await listClaimableInvoices({ db: t.db, actor, input: parseInput(claimableInvoicesQuerySchema, { q: part } )})).map((i) => i.id)).toEqual([oven.id]);
    // A picked invoice stays listed whatever the search; another account's never shows.
    expect((await listClaimableInvoices({ db: t.db, actor, input: parseInput(claimableInvoicesQuerySchema, { q: part, invoiceIds: [flour.id, other.flour.id] } )})).map((i) => i.id)).toEqual([
      flour.id,
      oven.id,
    ]);
  });

  it("lists the named account's invoices for staff filing on behalf", async () => {
    const { account, flour, oven } = await anAccount();
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    expect((await listClaimableInvoices({ db: t.db, actor: agent, input: parseInput(claimableInvoicesQuerySchema, { accountId: account.id } )})).map((i) => i.id)).toEqual([flour.id, oven.id]);
    expect(await rejection(listClaimableInvoices({ db: t.db, actor: agent }))).toMatchObject({ code: "validation", fieldErrors: { accountId: ["claim.error.account_required"] } });
    const mediator = await staffActor(t.db, (await createStaff(t.db, { roles: ["mediator"] })).id);
    expect(await rejection(listClaimableInvoices({ db: t.db, actor: mediator, input: parseInput(claimableInvoicesQuerySchema, { accountId: account.id } )}))).toMatchObject({ code: "forbidden" });
  });

  it("is refused to a viewer", async () => {
    const { account } = await anAccount();
    const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer" });
    const error = await rejection(listClaimableInvoices({ db: t.db, actor: await customerActor(t.db, viewer.id) }));
    expect(error).toMatchObject({ code: "forbidden" });
  });
});

describe("previewClaim", () => {
  it("computes the amounts, warns about the claim deadline and writes nothing", async () => {
    const { member, flour, oven } = await anAccount({ claimDeadlineDays: 30 });
    const actor = await customerActor(t.db, member.id);
    const preview = await previewClaim({
      db: t.db,
      actor,
      now,
      input: claim([
        { invoiceLineId: flour.lines[0]!.id, contestedQuantity: "12,5" },
        { invoiceLineId: flour.lines[1]!.id },
        { invoiceLineId: oven.lines[0]!.id, contestedUnitPrice: "80" },
      ]),
    });
    // 12.5 × 18.50 = 231.25 ; 6 × (89 − 80) = 54
    expect(preview.lines.map((l) => [l.formIndex, l.computedCents, l.vatCents])).toEqual([
      [0, 23_125, 1_272],
      [2, 5_400, 1_080],
    ]);
    expect(preview.amount).toEqual({ computedCents: 28_525, claimedCents: 28_525, vatCents: 2_352, claimedInclVatCents: 30_877 });
    expect(preview.warnings).toEqual([
      { code: "claim_after_deadline", params: { invoiceNumber: oven.number, deliveryDate: "2026-08-30", deadline: "2026-09-29", filedOn: "2026-11-23", daysLate: 55 } },
    ]);
    expect(preview.duplicates).toEqual([]);
    expect(await t.db.select().from(cases).where(eq(cases.customerContactId, member.id))).toHaveLength(0);
  });

  it("warns about a delivery note signed without reservation", async () => {
    const { member, flour } = await anAccount({ claimDeadlineDays: null });
    const preview = await previewClaim({
      db: t.db,
      actor: await customerActor(t.db, member.id),
      now,
      input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "3" }], {
        type: "delivery",
        delivery: { deliveryNoteNumber: "BL-1", receivedOn: "2026-11-20", signedWithReservations: "no" },
      } as Partial<ClaimFormInput>),
    });
    expect(preview.warnings).toEqual([{ code: "delivery_note_signed_without_reservation", params: {} }]);
  });

  it("names the line whose contested quantity exceeds the invoice, and a claimed amount above the computed one", async () => {
    const { member, flour } = await anAccount();
    const actor = await customerActor(t.db, member.id);
    const tooMuch = await rejection(
      previewClaim({ db: t.db, actor, now, input: claim([{ invoiceLineId: flour.lines[0]!.id }, { invoiceLineId: flour.lines[1]!.id, contestedQuantity: "201" }]) }),
    );
    expect(tooMuch).toMatchObject({ code: "validation", fieldErrors: { "lines[1].contestedQuantity": ["claim.error.quantity_exceeds_invoiced"] } });
    const lowered = await rejection(
      previewClaim({ db: t.db, actor, now, input: claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "1" }], { claimedAmount: "2,16" }) }),
    );
    expect(lowered).toMatchObject({ fieldErrors: { claimedAmount: ["claim.error.claimed_exceeds_computed"] } });
    const form = await rejection(previewClaim({ db: t.db, actor, now, input: claim([], { title: "" }) }));
    expect(form).toMatchObject({ code: "validation", fieldErrors: { title: ["claim.error.required"], lines: ["claim.error.lines_required"] } });
  });

  it("does not find another account's invoice line", async () => {
    const { member } = await anAccount();
    const other = await anAccount();
    const error = await rejection(
      previewClaim({ db: t.db, actor: await customerActor(t.db, member.id), now, input: claim([{ invoiceLineId: other.flour.lines[0]!.id, contestedQuantity: "1" }]) }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "not_found" });
  });
});

describe("submitClaim", () => {
  it("opens the case in one go: reference, lines, evidence, first event, SLA and acknowledgement", async () => {
    const { account, member, flour, oven } = await anAccount({ tier: "key", penalty: true });
    const actor = await customerActor(t.db, member.id);
    const uploadId = await stage(member.id, account.id);
    const { reference, caseId } = await submitClaim({
      db: t.db,
      actor,
      now,
      portalUrl,
      input: claim(
        [
          { invoiceLineId: flour.lines[0]!.id, contestedQuantity: "12,5" },
          { invoiceLineId: oven.lines[0]!.id, contestedUnitPrice: "80" },
        ],
        { claimedAmount: "200", uploadIds: [uploadId] },
      ),
    });
    expect(reference).toMatch(/^LIT-2026-\d{6}$/);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({
      reference,
      accountId: account.id,
      customerContactId: member.id,
      status: "received",
      channel: "portal",
      type: "quality",
      disputedAmountCents: 20_000,
      desiredOutcome: "credit_note",
      details: { product: "Farine T65", lotNumber: "L2026-0917" },
      receivedAt: now,
    });
    // key tier 7.5 + penalty 15 + €200 (13.4) + 6.3 % of the year's €3,184 revenue (15.7) = 52 → P2
    expect(row).toMatchObject({ impactScore: 52, priority: "P2" });
    // P2 on the default calendar: first response within 1 working day → Tuesday 10:00 Paris
    expect(row!.firstResponseDueAt?.toISOString()).toBe("2026-11-24T09:00:00.000Z");

    const lines = await t.db.select().from(caseLines).where(eq(caseLines.caseId, caseId)).orderBy(asc(caseLines.computedAmountCents));
    expect(lines.map((l) => [l.invoiceLineId, l.contestedQuantityMilli, l.contestedUnitPriceCents, l.computedAmountCents])).toEqual([
      [oven.lines[0]!.id, null, 8_000, 5_400],
      [flour.lines[0]!.id, 12_500, null, 23_125],
    ]);
    expect(lines.reduce((s, l) => s + l.disputedAmountCents, 0)).toBe(20_000);

    const files = await t.db.select().from(evidence).where(eq(evidence.caseId, caseId));
    expect(files).toMatchObject([{ fileName: "photo.png", visibility: "public", uploadedByKind: "customer", uploadedById: member.id }]);

    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
    expect(events.map((e) => [e.type, e.visibility])).toEqual([
      ["case_received", "public"],
      ["impact_scored", "internal"],
    ]);
    expect(events[0]!.payload).toMatchObject({ reference, type: "quality", channel: "portal", amount: { claimedCents: 20_000, computedCents: 28_525, currency: "EUR" } });
    expect((events[0]!.payload.lines as unknown[]).length).toBe(2);

    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, caseId));
    expect(mail).toMatchObject({ template: "claim-acknowledged", language: "fr", to: [member.email], subject: `Réclamation reçue : dossier ${reference}` });
    expect(mail!.props).toMatchObject({ reference, claimedCents: 20_000, fileCount: 1, caseUrl: `${portalUrl}/cases/${reference}` });
    expect(mail!.props.firstResponse).toMatchObject({ unit: expect.stringMatching(/^business_(days|hours)$/) });

    const confirmation = await getClaimConfirmation({ db: t.db, actor, input: { reference } });
    expect(confirmation).toMatchObject({ reference, status: "received", contactEmail: member.email, claimedCents: 20_000 });
    expect(confirmation.commitment?.firstResponse).toEqual(mail!.props.firstResponse);
  });

  it("shows an open case on the same invoice line as a possible duplicate, with its reference", async () => {
    const { member, flour } = await anAccount();
    const actor = await customerActor(t.db, member.id);
    const first = await submitClaim({ db: t.db, actor, now, portalUrl, input: claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "10" }]) });
    const preview = await previewClaim({ db: t.db, actor, now, input: claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "5" }]) });
    expect(preview.duplicates).toEqual([{ reference: first.reference, status: "received", invoiceNumber: flour.number, lineNo: 2, description: "Levure fraîche" }]);
    await t.db.update(cases).set({ status: "closed" }).where(eq(cases.id, first.caseId));
    const later = await previewClaim({ db: t.db, actor, now, input: claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "5" }]) });
    expect(later.duplicates).toEqual([]);
  });

  it("warns a member of a colleague's open case on the same line without its reference; an admin gets the reference", async () => {
    const { account, member, flour } = await anAccount();
    const colleague = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "member" })).id);
    const theirs = await submitClaim({ db: t.db, actor: colleague, now, portalUrl, input: claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "10" }]) });
    const input = claim([{ invoiceLineId: flour.lines[1]!.id, contestedQuantity: "5" }]);
    const preview = await previewClaim({ db: t.db, actor: await customerActor(t.db, member.id), now, input });
    expect(preview.duplicates).toEqual([{ reference: null, status: "received", invoiceNumber: flour.number, lineNo: 2, description: "Levure fraîche" }]);
    expect(JSON.stringify(preview)).not.toContain(theirs.reference);
    const admin = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "admin" })).id);
    expect((await previewClaim({ db: t.db, actor: admin, now, input })).duplicates).toMatchObject([{ reference: theirs.reference }]);
  });

  it("writes nothing when a part fails (an upload that is not the filer's)", async () => {
    const { account, member, flour } = await anAccount();
    const colleague = await createCustomer(t.db, { accountId: account.id, role: "member" });
    const theirs = await stage(colleague.id, account.id);
    const before = await t.db.select().from(cases).where(eq(cases.accountId, account.id));
    const error = await rejection(
      submitClaim({
        db: t.db,
        actor: await customerActor(t.db, member.id),
        now,
        portalUrl,
        input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "1" }], { uploadIds: [theirs] }),
      }),
    );
    expect(error).toMatchObject({ code: "validation", fieldErrors: { uploadIds: ["uploads.error.expired"] } });
    expect(await t.db.select().from(cases).where(eq(cases.accountId, account.id))).toHaveLength(before.length);
    expect(await t.db.select().from(stagedUploads).where(eq(stagedUploads.id, theirs))).toHaveLength(1);
  });

  it("is refused to a viewer and to someone without an account line", async () => {
    const { account, flour } = await anAccount();
    const viewer = await createCustomer(t.db, { accountId: account.id, role: "viewer" });
    const error = await rejection(
      submitClaim({ db: t.db, actor: await customerActor(t.db, viewer.id), now, portalUrl, input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "1" }]) }),
    );
    expect(error).toMatchObject({ code: "forbidden" });
    const stranger = await anAccount();
    const notFound = await rejection(
      submitClaim({
        db: t.db,
        actor: await customerActor(t.db, stranger.member.id),
        now,
        portalUrl,
        input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "1" }]),
      }),
    );
    expect(notFound).toMatchObject({ code: "not_found" });
  });

  it("lets staff file by phone on behalf of a contact, in the contact's language", async () => {
    const { account, flour } = await anAccount();
    const contact = await createCustomer(t.db, { accountId: account.id, role: "member", language: "en", name: "John Smith" });
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const input = { ...claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "2" }]), accountId: account.id, customerContactId: contact.id };
    const { caseId } = await submitClaim({ db: t.db, actor: agent, now, portalUrl, input });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ channel: "phone", customerContactId: contact.id, accountId: account.id, disputedAmountCents: 3_700 });
    const [event] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.seq));
    expect(event).toMatchObject({ type: "case_received", actorKind: "staff", actorId: agent.userId });
    const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, caseId));
    expect(mail).toMatchObject({ language: "en", to: [contact.email] });

    // The contact must belong to the account named; a finance user may not file.
    const otherContact = (await anAccount()).member;
    expect(await rejection(submitClaim({ db: t.db, actor: agent, now, portalUrl, input: { ...input, customerContactId: otherContact.id } }))).toMatchObject({
      code: "not_found",
    });
    expect(await rejection(submitClaim({ db: t.db, actor: agent, now, portalUrl, input: { ...input, accountId: undefined } as never }))).toMatchObject({
      code: "validation",
      fieldErrors: { accountId: ["claim.error.account_required"] },
    });
    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
    expect(await rejection(submitClaim({ db: t.db, actor: finance, now, portalUrl, input }))).toMatchObject({ code: "forbidden" });
  });

  it("numbers references in sequence, and hides another member's case from the confirmation page", async () => {
    const { account, member, flour } = await anAccount();
    const actor = await customerActor(t.db, member.id);
    const a = await submitClaim({ db: t.db, actor, now, portalUrl, input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "1" }]) });
    const b = await submitClaim({ db: t.db, actor, now, portalUrl, input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "1" }]) });
    expect(Number(b.reference.slice(-6))).toBe(Number(a.reference.slice(-6)) + 1);
    const colleague = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "member" })).id);
    expect(await rejection(getClaimConfirmation({ db: t.db, actor: colleague, input: { reference: a.reference } }))).toMatchObject({ code: "not_found" });
    const admin = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "admin" })).id);
    expect(await getClaimConfirmation({ db: t.db, actor: admin, input: { reference: a.reference } })).toMatchObject({ reference: a.reference });
    const [acc] = await t.db.select().from(customerAccounts).where(eq(customerAccounts.id, account.id));
    expect(acc).toBeDefined();
  });

  it("stores at filing the SLA verdict that its first events give, as refreshCaseSla recomputes it from the chain", async () => {
    // The SLA columns are computed before the reference is taken and written with the case row (ADR 0049).
    for (const tier of ["standard", "strategic"] as const) {
      const { member, flour } = await anAccount({ tier, penalty: tier === "strategic" });
      const actor = await customerActor(t.db, member.id);
      const { caseId } = await submitClaim({ db: t.db, actor, now, portalUrl, input: claim([{ invoiceLineId: flour.lines[0]!.id, contestedQuantity: "3" }]) });
      const slaOf = async () => {
        const [row] = await t.db
          .select({
            firstResponseDueAt: cases.firstResponseDueAt,
            firstResponseWarnAt: cases.firstResponseWarnAt,
            resolutionDueAt: cases.resolutionDueAt,
            resolutionWarnAt: cases.resolutionWarnAt,
            nextSlaAt: cases.nextSlaAt,
            slaPolicyId: cases.slaPolicyId,
          })
          .from(cases)
          .where(eq(cases.id, caseId));
        return row!;
      };
      const filed = await slaOf();
      expect(filed.slaPolicyId).not.toBeNull();
      expect(filed.resolutionDueAt).not.toBeNull();
      await t.db.transaction((tx) => refreshCaseSla(tx, caseId, now));
      expect(await slaOf()).toEqual(filed);
      // The acknowledgement's signature, looked up before the reference too: the supplier, no agent yet.
      const [mail] = await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, caseId));
      expect(mail!.props).toMatchObject({ sender: await t.db.transaction((tx) => loadEmailSender(tx, null)) });
      expect((mail!.props as { sender: { agentName: unknown } }).sender.agentName).toBeNull();
    }
  });
});
