import { parse } from "csv-parse/sync";
import { caseDecisions, cases, supplierIdentity } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "../errors";
import { qualifyCase, qualifyCaseSchema } from "../cases/qualify-case";
import { startInvestigation } from "../cases/start-investigation";
import { DEMO_SUPPLIER } from "../seed/demo-data";
import { completeDecision, completeDecisionSchema } from "../settlement/complete-decision";
import { recordDecision } from "../settlement/record-decision";
import { recordDecisionSchema } from "../settlement/schemas";
import { createCustomer, customerActor, rejection } from "../testing/fixtures";
import { later, openReceivedCase, staffWith } from "../testing/test-case";
import { creditNoteSchemaErrors } from "../testing/ubl-schema";
import { buildCreditNote } from "./build-credit-note";
import { buildErpExport } from "./build-erp-export";
import { erpExportCsv } from "./erp-export-csv";
import { getCustomerInvoice } from "./get-customer-invoice";
import { listCustomerInvoices } from "./list-customer-invoices";
import { listInvoicesForFinance } from "./list-invoices-for-finance";
import { creditNoteSchema, customerInvoiceFiltersSchema, customerInvoiceSchema, erpExportSchema, financeInvoiceFiltersSchema } from "./schemas";

const t = useTestDb();
const portalUrl = "https://portail.example";

beforeAll(async () => {
  await t.db.insert(supplierIdentity).values({ id: 1, ...DEMO_SUPPLIER }).onConflictDoNothing();
});

/**
 * An account with two invoices: one disputed by a case (10 pallets at 120 € + 5 bags at 9 €, 20 % VAT:
 * 1 494,00 € incl. VAT, due 2026-10-31; 240 € excl. disputed), one not (due 2026-12-31).
 */
async function disputedAccount() {
  const opened = await openReceivedCase(t.db, { type: "quality" });
  const other = await insertInvoice(t.db, { accountId: opened.accountId, issueDate: "2026-11-02", dueDate: "2026-12-31", lines: [{ description: "Granulés", quantityMilli: 1000, unitPriceCents: 5000 }] });
  const customer = await customerActor(t.db, opened.contact.id);
  return { ...opened, other, customer };
}

/** The case decided by an agent: partially upheld, 100 € excl. granted (120 € incl.), resolved on 2026-11-23. */
async function decide(c: Awaited<ReturnType<typeof disputedAccount>>, creditNoteNumber?: string) {
  const { actor: agent } = await staffWith(t.db, ["agent"]);
  await qualifyCase({ db: t.db, actor: agent, input: parseInput(qualifyCaseSchema, { reference: c.reference, type: "quality", priority: "P2" }), now: later(5) });
  await startInvestigation({ db: t.db, actor: agent, input: { reference: c.reference }, now: later(10) });
  await recordDecision({
    db: t.db,
    actor: agent,
    input: parseInput(recordDecisionSchema, { reference: c.reference, outcome: "partially_upheld", granted: "100", publicRationale: "Deux palettes abîmées.", creditNoteNumber }),
    now: later(60),
    portalUrl,
  });
  return agent;
}

const customerList = (c: { customer: Awaited<ReturnType<typeof customerActor>> }, filter: string) =>
  listCustomerInvoices({ db: t.db, actor: c.customer, input: parseInput(customerInvoiceFiltersSchema, { filter }), now: later(120) });

describe("the customer's invoices", () => {
  it("holds an open case's invoice: out of the due list, in the disputed one, with its case", async () => {
    const c = await disputedAccount();
    const due = await customerList(c, "");
    expect(due.filter).toBe("due");
    expect(due.invoices.map((invoice) => invoice.number)).toEqual([c.other.number]);
    expect(due.invoices[0]).toMatchObject({ onHold: false, dunningState: "not_due", cases: [] });
    const disputed = await customerList(c, "disputed");
    expect(disputed.invoices.map((invoice) => invoice.number)).toEqual([c.invoice.number]);
    expect(disputed.invoices[0]).toMatchObject({ onHold: true, dunningState: "on_hold", totalInclTaxCents: 149_400, cases: [{ reference: c.reference, onHold: true }], settlements: [] });
    expect((await customerList(c, "all")).invoices.map((invoice) => invoice.number)).toEqual([c.other.number, c.invoice.number]);

    const page = await getCustomerInvoice({ db: t.db, actor: c.customer, input: parseInput(customerInvoiceSchema, { number: c.invoice.number }), now: later(120) });
    expect(page).toMatchObject({ onHold: true, dunningState: "on_hold" });
    expect(page.lines.map((line) => [line.lineNo, line.caseReferences, line.onHold])).toEqual([
      [1, [c.reference], true],
      [2, [], false],
    ]);
    // A viewer of the account reads them too; another account's user never sees them.
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: c.accountId, role: "viewer" })).id);
    expect((await listCustomerInvoices({ db: t.db, actor: viewer, input: parseInput(customerInvoiceFiltersSchema, { filter: "disputed" }), now: later(120) })).invoices).toHaveLength(1);
    const stranger = await customerActor(t.db, (await createCustomer(t.db, { accountId: (await insertCustomerAccount(t.db)).id, role: "admin" })).id);
    expect(await rejection(getCustomerInvoice({ db: t.db, actor: stranger, input: { number: c.invoice.number }, now: later(120) }))).toMatchObject({ code: "not_found" });
    expect((await listCustomerInvoices({ db: t.db, actor: stranger, input: parseInput(customerInvoiceFiltersSchema, { filter: "all" }), now: later(120) })).invoices).toEqual([]);
    const { actor: agent } = await staffWith(t.db, ["agent"]);
    expect(await rejection(listCustomerInvoices({ db: t.db, actor: agent, input: parseInput(customerInvoiceFiltersSchema, {}), now: later(120) }))).toMatchObject({ code: "forbidden" });
    expect(() => parseInput(customerInvoiceFiltersSchema, { filter: "late" })).toThrowError(expect.objectContaining({ fieldErrors: { filter: ["receivables.error.filter"] } }));
  });

  it("after the resolution shows both dates: the undisputed part keeps its date, the remainder is due 30 days after", async () => {
    const c = await disputedAccount();
    await decide(c);
    const page = await getCustomerInvoice({ db: t.db, actor: c.customer, input: { number: c.invoice.number }, now: later(120) });
    expect(page.onHold).toBe(false);
    expect(page.cases).toEqual([{ reference: c.reference, onHold: false }]);
    // 1 494 € incl.; 288 € disputed incl.; 120 € credited incl.
    expect(page.settlements).toEqual([
      {
        caseReference: c.reference,
        resolvedOn: "2026-11-23",
        disputedCents: 28_800,
        creditedCents: 12_000,
        undisputedCents: 120_600,
        undisputedDueDate: "2026-10-31",
        remainderCents: 16_800,
        remainderDueDate: "2026-12-23",
      },
    ]);
    // The undisputed part is past its date: the invoice is overdue again, and back in the due list.
    expect(page).toMatchObject({ dunningState: "overdue", currentDueDate: "2026-10-31" });
    expect((await customerList(c, "due")).invoices.map((invoice) => invoice.number)).toEqual([c.other.number, c.invoice.number]);
    expect((await customerList(c, "disputed")).invoices).toEqual([]);
  });
});

describe("the finance list", () => {
  it("filters on hold / released and by account, for staff who read invoices", async () => {
    const held = await disputedAccount();
    const resolved = await disputedAccount();
    await decide(resolved);
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const list = (input: Record<string, string>) => listInvoicesForFinance({ db: t.db, actor: finance, input: parseInput(financeInvoiceFiltersSchema, input), now: later(120) });
    const onHold = await list({ filter: "on_hold", accountId: held.accountId });
    expect(onHold.invoices.map((invoice) => [invoice.number, invoice.dunningState, invoice.cases.map((c) => c.reference)])).toEqual([[held.invoice.number, "on_hold", [held.reference]]]);
    expect(onHold.invoices[0]!.accountName).toBeTruthy();
    expect((await list({ filter: "released", accountId: held.accountId })).invoices).toEqual([]);
    const released = await list({ filter: "released", accountId: resolved.accountId });
    expect(released.invoices.map((invoice) => invoice.number)).toEqual([resolved.invoice.number]);
    expect(released.invoices[0]!.settlements[0]).toMatchObject({ remainderDueDate: "2026-12-23" });
    expect((await list({ filter: "all", accountId: resolved.accountId })).invoices).toHaveLength(2);
    // Across accounts (default: on hold): the held invoice is there, the released one is not.
    const all = await list({});
    expect(all.filter).toBe("on_hold");
    expect(all.invoices.length).toBeLessThanOrEqual(50);
    const { actor: mediator } = await staffWith(t.db, ["mediator"]);
    expect(await rejection(listInvoicesForFinance({ db: t.db, actor: mediator, input: parseInput(financeInvoiceFiltersSchema, {}), now: later(120) }))).toMatchObject({ code: "forbidden" });
    expect(() => parseInput(financeInvoiceFiltersSchema, { accountId: "x" })).toThrowError(expect.objectContaining({ fieldErrors: { accountId: ["receivables.error.filter"] } }));
  });
});

describe("the ERP export", () => {
  const rowsOf = (csv: string) => parse(csv, { bom: true, delimiter: ";", columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];

  it("lists holds, releases and credit notes to issue, then issued, as CSV; finance only", async () => {
    const held = await disputedAccount();
    const resolved = await disputedAccount();
    const agent = await decide(resolved);
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const period = parseInput(erpExportSchema, { from: "2026-11-01", to: "2026-11-30" });
    const mine = (rows: Record<string, string>[]) => rows.filter((row) => row.case_reference === held.reference || row.case_reference === resolved.reference);

    const before = mine(rowsOf(erpExportCsv(await buildErpExport({ db: t.db, actor: finance, input: period, now: later(120) }))));
    expect(before.map((row) => [row.event, row.case_reference, row.invoice_number])).toEqual([
      ["hold", held.reference, held.invoice.number],
      ["release", resolved.reference, resolved.invoice.number],
      ["credit_note_to_issue", resolved.reference, resolved.invoice.number],
    ]);
    expect(before[0]).toMatchObject({ event_date: "2026-11-23", invoice_amount: "1494.00", disputed_amount: "288.00", undisputed_amount: "1206.00", due_date: "2026-10-31" });
    expect(before[1]).toMatchObject({ undisputed_amount: "1206.00", due_date: "2026-10-31", remainder_amount: "168.00", new_due_date: "2026-12-23", credited_amount: "120.00" });
    expect(before[2]).toMatchObject({ amount_excl_vat: "100.00", vat_amount: "20.00", amount_incl_vat: "120.00", credit_note_number: "" });

    await completeDecision({ db: t.db, actor: agent, input: parseInput(completeDecisionSchema, { reference: resolved.reference, creditNoteNumber: `AV-${resolved.reference}` }), now: later(180), portalUrl });
    const after = mine(rowsOf(erpExportCsv(await buildErpExport({ db: t.db, actor: finance, input: period, now: later(200) }))));
    expect(after.map((row) => row.event)).toEqual(["hold", "release", "credit_note_issued"]);
    expect(after[2]).toMatchObject({ event_date: "2026-11-23", credit_note_number: `AV-${resolved.reference}`, amount_incl_vat: "120.00" });

    // Outside the period: the releases and issued credit notes are gone, the holds stay (they stand today).
    const december = mine(rowsOf(erpExportCsv(await buildErpExport({ db: t.db, actor: finance, input: parseInput(erpExportSchema, { from: "2026-12-01", to: "2026-12-31" }), now: later(200) }))));
    expect(december.map((row) => row.event)).toEqual(["hold"]);

    expect(await rejection(buildErpExport({ db: t.db, actor: agent, input: period, now: later(200) }))).toMatchObject({ code: "forbidden" });
    const { actor: supervisor } = await staffWith(t.db, ["supervisor"]);
    expect(await rejection(buildErpExport({ db: t.db, actor: supervisor, input: period, now: later(200) }))).toMatchObject({ code: "forbidden" });
  });

  it("refuses a period that ends before it starts, or a day that does not exist", () => {
    expect(() => parseInput(erpExportSchema, { from: "2026-12-01", to: "2026-11-30" })).toThrowError(expect.objectContaining({ fieldErrors: { to: ["receivables.error.date_range"] } }));
    expect(() => parseInput(erpExportSchema, { from: "2026-02-30", to: "" })).toThrowError(
      expect.objectContaining({ fieldErrors: { from: ["receivables.error.date"], to: ["receivables.error.date_required"] } }),
    );
  });
});

describe("the UBL credit note", () => {
  it("is refused before the ERP's number, then validates against UBL 2.1 with the granted amount on the contested line", async () => {
    const c = await disputedAccount();
    const agent = await decide(c);
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    const input = parseInput(creditNoteSchema, { reference: c.reference });
    expect(await rejection(buildCreditNote({ db: t.db, actor: finance, input, now: later(120) }))).toMatchObject({ code: "conflict", messageKey: "receivables.error.credit_note_number_missing" });

    await completeDecision({ db: t.db, actor: agent, input: parseInput(completeDecisionSchema, { reference: c.reference, creditNoteNumber: `AV/2026/${c.reference}` }), now: later(180), portalUrl });
    const { fileName, xml } = await buildCreditNote({ db: t.db, actor: finance, input, now: later(200) });
    expect(fileName).toBe(`AV_2026_${c.reference}.xml`);
    expect(await creditNoteSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain(`<cbc:ID>AV/2026/${c.reference}</cbc:ID>`);
    expect(xml).toContain(`<cbc:Note>Avoir au titre du litige ${c.reference}</cbc:Note>`);
    expect(xml).toMatch(new RegExp(`<cac:InvoiceDocumentReference>\\s*<cbc:ID>${c.invoice.number}</cbc:ID>`));
    expect(xml).toContain("<cbc:RegistrationName>Valois Distribution CHR SAS</cbc:RegistrationName>");
    expect(xml).toContain("<cbc:Name>Palette de granulés</cbc:Name>");
    expect(xml).toContain('<cbc:PayableAmount currencyID="EUR">120.00</cbc:PayableAmount>');
    // The agent of the case reads it too; the customer never.
    expect((await buildCreditNote({ db: t.db, actor: agent, input, now: later(200) })).xml).toBe(xml);
    expect(await rejection(buildCreditNote({ db: t.db, actor: c.customer, input, now: later(200) }))).toMatchObject({ code: "forbidden" });
  });

  it("is refused for a case not decided, or decided without credit", async () => {
    const open = await disputedAccount();
    const { actor: finance } = await staffWith(t.db, ["finance"]);
    expect(await rejection(buildCreditNote({ db: t.db, actor: finance, input: { reference: open.reference }, now: later(120) }))).toMatchObject({ messageKey: "receivables.error.case_not_decided" });
    const rejected = await disputedAccount();
    await decide(rejected, "AV-ZERO");
    await t.db.update(caseDecisions).set({ grantedCents: 0 }).where(eq(caseDecisions.caseId, (await t.db.select({ id: cases.id }).from(cases).where(eq(cases.reference, rejected.reference)))[0]!.id));
    expect(await rejection(buildCreditNote({ db: t.db, actor: finance, input: { reference: rejected.reference }, now: later(120) }))).toMatchObject({ messageKey: "receivables.error.nothing_credited" });
  });
});
