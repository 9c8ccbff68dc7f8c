/** Proactive notice: the other accounts that received a quality case's lot, and the notice sent to them. */
import { caseEvents, cases, customerUsers, emailMessages, proactiveNotices } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { setRootCause, setRootCauseSchema } from "../instruction/set-root-cause";
import { createCustomer, rejection } from "../testing/fixtures";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { findLotRecipients } from "./find-lot-recipients";
import { sendProactiveNoticeSchema } from "./schemas";
import { sendProactiveNotice } from "./send-proactive-notice";

const t = useTestDb();
const portalUrl = "https://portail.example/";

/** A quality case of one account naming `lot`, and another account that received it (admin fr, member en, and people who get nothing). */
async function sharedLot(options: { cause?: string } = {}) {
  const lot = `L${Math.floor(Math.random() * 1e9)}`;
  const c = await openReceivedCase(t.db, { type: "quality" });
  await t.db.update(cases).set({ details: { product: "Farine T55", lotNumber: lot } }).where(eq(cases.id, c.row.id));
  const { actor: agent } = await staffWith(t.db, ["agent"]);
  await setRootCause({ db: t.db, actor: agent, input: parseInput(setRootCauseSchema, { reference: c.reference, code: options.cause ?? "raw_material" }), now: later(10) });
  // The case's own account also holds the lot on another invoice: never listed.
  await insertInvoice(t.db, { accountId: c.accountId, lines: [{ description: "Farine T55", quantityMilli: 1000, unitPriceCents: 1720, lotNumber: lot }] });

  const hotel = await insertCustomerAccount(t.db, { name: "Hôtel du Port SARL" });
  const invoice = await insertInvoice(t.db, {
    accountId: hotel.id,
    number: `FA-H-${lot}`,
    lines: [
      { description: "Café", quantityMilli: 1000, unitPriceCents: 1890, lotNumber: "CF-0412" },
      { description: "Farine de blé T55 — sac de 25 kg", quantityMilli: 4000, unitPriceCents: 1720, lotNumber: ` ${lot.toLowerCase()} ` },
    ],
  });
  const admin = await createCustomer(t.db, { accountId: hotel.id, role: "admin", name: "Isabelle Le Goff", language: "fr" });
  const member = await createCustomer(t.db, { accountId: hotel.id, role: "member", name: "John Smith", language: "en" });
  await createCustomer(t.db, { accountId: hotel.id, role: "viewer", name: "Compta" });
  await createCustomer(t.db, { accountId: hotel.id, role: "member", name: "Parti", active: false });
  const optedOut = await createCustomer(t.db, { accountId: hotel.id, role: "member", name: "Sans mail" });
  await t.db.update(customerUsers).set({ emailPreferences: { proactive_notice: false } }).where(eq(customerUsers.id, optedOut.id));

  const unrelated = await insertCustomerAccount(t.db, { name: "Autre client" });
  await insertInvoice(t.db, { accountId: unrelated.id, lines: [{ description: "Sucre", quantityMilli: 1000, unitPriceCents: 3150, lotNumber: "S-7710" }] });
  return { ...c, lot, agent, hotel, invoice, admin, member, unrelated };
}

const send = (c: Awaited<ReturnType<typeof sharedLot>>, accountIds: string[], minutes = 30, lot = c.lot) =>
  sendProactiveNotice({
    db: t.db,
    actor: c.agent,
    input: parseInput(sendProactiveNoticeSchema, { reference: c.reference, lot, accountIds, message: "Par précaution, vérifiez les sacs de ce lot." }),
    now: later(minutes),
    portalUrl,
  });

describe("findLotRecipients", () => {
  it("lists the other accounts whose invoice lines carry the case's lot, with those lines and who would be told", async () => {
    const c = await sharedLot();
    const found = await findLotRecipients({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(20) });
    expect(found).toMatchObject({ applies: true, reason: null, lots: [c.lot], rootCause: { code: "raw_material", category: "quality" }, canSend: true });
    expect(found.accounts).toEqual([
      {
        lot: c.lot,
        accountId: c.hotel.id,
        accountName: "Hôtel du Port SARL",
        lines: [expect.objectContaining({ invoiceNumber: c.invoice.number, lineNo: 2, description: "Farine de blé T55 — sac de 25 kg" })],
        recipients: expect.arrayContaining([expect.objectContaining({ id: c.admin.id, language: "fr" }), expect.objectContaining({ id: c.member.id, language: "en" })]),
        notice: null,
      },
    ]);
    expect(found.accounts[0]!.recipients.map((r) => r.id).sort()).toEqual([c.admin.id, c.member.id].sort());
  });

  it("does not apply without a quality root cause or without a lot", async () => {
    const logistics = await sharedLot({ cause: "packaging" });
    expect(await findLotRecipients({ db: t.db, actor: logistics.agent, input: { reference: logistics.reference }, now: later(20) })).toMatchObject({ applies: false, reason: "not_quality", accounts: [], canSend: false });
    const noLot = await openReceivedCase(t.db, { type: "quality" });
    await setRootCause({ db: t.db, actor: logistics.agent, input: parseInput(setRootCauseSchema, { reference: noLot.reference, code: "product_defect" }), now: later(10) });
    expect(await findLotRecipients({ db: t.db, actor: logistics.agent, input: { reference: noLot.reference }, now: later(20) })).toMatchObject({ applies: false, reason: "no_lot" });
  });
});

describe("sendProactiveNotice", () => {
  it("e-mails the account's admins and members who accept it, through the outbox, and records the notice on the case", async () => {
    const c = await sharedLot();
    const result = await send(c, [c.hotel.id]);
    expect(result).toEqual({ lot: c.lot, accounts: [{ accountId: c.hotel.id, accountName: "Hôtel du Port SARL", recipients: expect.arrayContaining(["Isabelle Le Goff", "John Smith"]) }] });
    const [notice] = await t.db.select().from(proactiveNotices).where(eq(proactiveNotices.caseId, c.row.id));
    expect(notice).toMatchObject({ accountId: c.hotel.id, lotNumber: c.lot, template: "proactive-notice", message: "Par précaution, vérifiez les sacs de ce lot." });
    const mails = await t.db.select().from(emailMessages).where(inArray(emailMessages.id, notice!.emailMessageIds)).orderBy(asc(emailMessages.subject));
    expect(mails.map((m) => [m.to, m.language, m.template, m.subject])).toEqual([
      [[c.admin.email], "fr", "proactive-notice", `Information qualité : lot ${c.lot}`],
      [[c.member.email], "en", "proactive-notice", `Quality notice: lot ${c.lot}`],
    ]);
    // Nothing of the other customer or their case reaches this one.
    for (const mail of mails) {
      expect(mail.caseId).toBeNull();
      expect(JSON.stringify(mail.props)).not.toContain(c.reference);
      expect(mail.props).toMatchObject({ accountName: "Hôtel du Port SARL", reportUrl: "https://portail.example/claims/new", lines: [{ invoiceNumber: c.invoice.number, description: "Farine de blé T55 — sac de 25 kg" }] });
    }
    const [event] = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.row.id)).orderBy(asc(caseEvents.seq)).then((rows) => rows.slice(-1));
    expect(event).toMatchObject({ type: "proactive_notice_sent", visibility: "internal", payload: { lot: c.lot, accountId: c.hotel.id, accountName: "Hôtel du Port SARL" } });

    const after = await findLotRecipients({ db: t.db, actor: c.agent, input: { reference: c.reference }, now: later(40) });
    expect(after.accounts[0]!.notice).toMatchObject({ message: "Par précaution, vérifiez les sacs de ce lot.", recipients: 2 });
    expect(after.canSend).toBe(false);
  });

  it("refuses a second notice to the same account for the same case and lot, naming it, and sends nothing", async () => {
    const c = await sharedLot();
    await send(c, [c.hotel.id]);
    const mailsBefore = await t.db.select().from(emailMessages);
    expect(await rejection(send(c, [c.hotel.id], 60))).toMatchObject({
      code: "validation",
      fieldErrors: { accountIds: ["domain.error.proactive.already_notified"] },
      params: { account: "Hôtel du Port SARL", lot: c.lot },
    });
    expect(await t.db.select().from(emailMessages)).toHaveLength(mailsBefore.length);
    expect(await t.db.select().from(proactiveNotices).where(eq(proactiveNotices.caseId, c.row.id))).toHaveLength(1);
  });

  it("refuses the case's own account, an account without the lot, a lot the case does not name, and a case without a quality cause", async () => {
    const c = await sharedLot();
    expect(await rejection(send(c, [c.accountId]))).toMatchObject({ messageKey: "domain.error.proactive.own_account" });
    expect(await rejection(send(c, [c.hotel.id, c.unrelated.id]))).toMatchObject({ messageKey: "domain.error.proactive.unknown_lot" });
    expect(await rejection(send(c, [c.hotel.id], 30, "CF-0412"))).toMatchObject({ fieldErrors: { lot: ["domain.error.proactive.unknown_lot"] } });
    expect(await t.db.select().from(proactiveNotices).where(eq(proactiveNotices.caseId, c.row.id))).toEqual([]);
    const logistics = await sharedLot({ cause: "transport_damage" });
    expect(await rejection(send(logistics, [logistics.hotel.id]))).toMatchObject({ messageKey: "domain.error.proactive.not_quality" });
    expect(() => parseInput(sendProactiveNoticeSchema, { reference: c.reference, lot: c.lot, message: " " })).toThrowError(
      expect.objectContaining({ fieldErrors: { accountIds: ["correctiveActions.proactive.error.noAccount"], message: ["validation.required"] } }),
    );
  });

  it("is for who instructs the case", async () => {
    const c = await sharedLot();
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const input = parseInput(sendProactiveNoticeSchema, { reference: c.reference, lot: c.lot, accountIds: [c.hotel.id], message: "x" });
    expect(await rejection(sendProactiveNotice({ db: t.db, actor: finance, input, now: later(30), portalUrl }))).toMatchObject({ code: "forbidden" });
  });
});
