import { cases, emailMessages, imports, invoiceLines, invoices, payments, reasonCodes } from "@accord/db";
import { insertCase, insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createCustomer, createStaff, customerActor, staffActor } from "../testing/fixtures";
import { importClaims } from "./import-claims";
import { importInvoices } from "./import-invoices";
import { importPayments } from "./import-payments";
import { claimImportTemplate, erpImportTemplate } from "./import-templates";
import { listImports } from "./list-imports";

const t = useTestDb();
const now = new Date("2026-11-23T09:00:00Z");
const portalUrl = "http://portal.test";
const csv = (lines: string[]) => Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");

async function customerWithInvoice(lineCount = 3, options: { number?: string } = {}) {
  const account = await insertCustomerAccount(t.db, {});
  const member = await createCustomer(t.db, { accountId: account.id, role: "member" });
  const invoice = await insertInvoice(t.db, {
    accountId: account.id,
    number: options.number ?? `FA-${account.id.slice(0, 8)}`,
    issueDate: "2026-11-10",
    deliveryDate: "2026-11-10",
    lines: Array.from({ length: lineCount }, (_, i) => ({ description: `Article ${i + 1}`, quantityMilli: 100_000, unitPriceCents: 1850, vatRateBp: 550 })),
  });
  return { account, member, actor: await customerActor(t.db, member.id), invoice };
}

const CLAIM_HEADER = "reference_client;type;code_motif;titre;description;resultat_souhaite;numero_facture;ligne;quantite_contestee;prix_unitaire_conteste;produit;lot";

describe("importClaims", () => {
  it("files one claim per customer reference with channel csv, an acknowledgement each, and records the import", async () => {
    const { account, actor, invoice, member } = await customerWithInvoice();
    const file = csv([
      CLAIM_HEADER,
      `RC-1;qualité;;Farine humide;"Sacs humides; moisis\nà l'ouverture";avoir;${invoice.number};1;2,5;;Farine T65;L1`,
      `RC-1;;;;;;${invoice.number};2;1;;;`,
      `RC-2;prix;;Prix facturé;Le prix du contrat est 17,00;Avoir;${invoice.number};3;;17,00;;`,
    ]);
    const report = await importClaims({ db: t.db, actor, input: { file, fileName: "reclamations.csv" }, now, portalUrl });
    expect(report).toMatchObject({ status: "imported", rows: 3, created: 2, unchanged: 0, errors: [] });
    const filed = await t.db.select().from(cases).where(eq(cases.accountId, account.id));
    expect(filed.map((c) => [c.reference, c.channel, c.type, c.customerContactId]).sort()).toEqual(
      [...report.references].sort().map((reference) => [reference, "csv", filed.find((c) => c.reference === reference)!.type, member.id]),
    );
    expect(filed.find((c) => c.type === "quality")!.description).toBe("Sacs humides; moisis\nà l'ouverture");
    const acks = await t.db.select().from(emailMessages).where(eq(emailMessages.template, "claim-acknowledged"));
    expect(acks.filter((mail) => mail.to.includes(member.email))).toHaveLength(2);
    const [record] = await t.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(record).toMatchObject({ kind: "claims", accountId: account.id, customerUserId: member.id, fileName: "reclamations.csv", rows: 3, status: "imported" });
    expect(record!.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The same file again files nothing twice.
    const again = await importClaims({ db: t.db, actor, input: { file: Readable.from([file]), fileName: "reclamations.csv" }, now, portalUrl });
    expect(again).toMatchObject({ status: "imported", created: 0, unchanged: 2 });
    expect(await t.db.$count(cases, eq(cases.accountId, account.id))).toBe(2);
  });

  it("refuses a 1 000-row file with one bad row: nothing written, that row and column named", async () => {
    const { account, actor, invoice } = await customerWithInvoice(10);
    const rows = [CLAIM_HEADER];
    for (let i = 0; i < 1000; i++) {
      const claim = Math.floor(i / 10);
      const line = (i % 10) + 1;
      const quantity = i === 637 ? "beaucoup" : "1";
      rows.push(`RC-${claim};livraison;;Manquant ${claim};Colis manquant;avoir;${invoice.number};${line};${quantity};;;`);
    }
    // delivery claims need their delivery fields: give them on the claim's rows
    const header = `${CLAIM_HEADER};bon_livraison;date_reception;reserves`;
    const file = csv([header, ...rows.slice(1).map((row) => `${row};BL-1;12/11/2026;oui`)]);
    const mailsBefore = await t.db.$count(emailMessages);
    const report = await importClaims({ db: t.db, actor, input: { file, fileName: "mille.csv" }, now, portalUrl, translate: (key, params) => `${key}|${params?.field}` });
    expect(report.status).toBe("refused");
    expect(report.errors).toEqual([{ line: 639, field: "quantite_contestee", code: "claim.error.invalid_number", message: "claim.error.invalid_number|quantite_contestee" }]);
    expect(await t.db.$count(cases, eq(cases.accountId, account.id))).toBe(0);
    expect(await t.db.$count(emailMessages)).toBe(mailsBefore);
    const [record] = await t.db.select().from(imports).where(eq(imports.id, report.importId));
    expect(record).toMatchObject({ status: "refused", rows: 1000, summary: { errorCount: 1, created: 0 } });
  });

  it("resolves the account's reason codes and refuses an unknown one on its row", async () => {
    const { account, actor, invoice } = await customerWithInvoice();
    await t.db.insert(reasonCodes).values({ accountId: account.id, code: "Q01", caseType: "other", label: "Divers" });
    const refused = await importClaims({
      db: t.db,
      actor,
      input: {
        file: csv([CLAIM_HEADER, `A;;q01;Écart;Écart constaté;avoir;${invoice.number};1;1;;;`, `B;;ZZ9;Écart;Écart constaté;avoir;${invoice.number};2;1;;;`]),
        fileName: "codes.csv",
      },
      now,
      portalUrl,
    });
    expect(refused.errors).toMatchObject([{ line: 3, field: "code_motif", code: "csvImport.error.reason_code_unknown", params: { code: "ZZ9" } }]);
    expect(await t.db.$count(cases, eq(cases.accountId, account.id))).toBe(0);
    const imported = await importClaims({ db: t.db, actor, input: { file: csv([CLAIM_HEADER, `A;;q01;Écart;Écart constaté;avoir;${invoice.number};1;1;;;`]), fileName: "codes.csv" }, now, portalUrl });
    expect(imported.status).toBe("imported");
    const [filed] = await t.db.select({ type: cases.type }).from(cases).where(eq(cases.accountId, account.id));
    expect(filed!.type).toBe("other");
  });

  it("lets a customer claim only their own invoices: another account's invoice is unknown", async () => {
    const mine = await customerWithInvoice(1);
    const theirs = await customerWithInvoice(1);
    const report = await importClaims({
      db: t.db,
      actor: mine.actor,
      input: { file: csv([CLAIM_HEADER, `A;autre;;Écart;Écart;avoir;${theirs.invoice.number};1;1;;;`, `B;autre;;Écart;Écart;avoir;${mine.invoice.number};7;1;;;`]), fileName: "x.csv" },
      now,
      portalUrl,
    });
    expect(report.errors).toMatchObject([
      { line: 2, field: "numero_facture", code: "csvImport.error.invoice_unknown" },
      { line: 3, field: "ligne", code: "csvImport.error.line_unknown", params: { line: 7 } },
    ]);
    expect(await t.db.$count(cases, inArray(cases.accountId, [mine.account.id, theirs.account.id]))).toBe(0);
    // and the import is theirs only
    const listed = await listImports({ db: t.db, actor: theirs.actor, input: {}, now });
    expect(listed.imports).toEqual([]);
    await expect(listImports({ db: t.db, actor: theirs.actor, input: { importId: report.importId }, now })).rejects.toMatchObject({ code: "not_found" });
    expect((await listImports({ db: t.db, actor: mine.actor, input: { importId: report.importId }, now })).selected?.status).toBe("refused");
  });

  it("maps the claim form's own refusals (amount above the line, missing fields) back to their cells", async () => {
    const { actor, invoice } = await customerWithInvoice(2);
    const report = await importClaims({
      db: t.db,
      actor,
      input: { file: csv([CLAIM_HEADER, `A;qualité;;;Écart;avoir;${invoice.number};1;1;;;`, `B;autre;;Trop;Trop;avoir;${invoice.number};2;500;;;`]), fileName: "x.csv" },
      now,
      portalUrl,
    });
    expect(report.status).toBe("refused");
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, "produit", "claim.error.required"],
      [2, "titre", "claim.error.required"],
      [3, "quantite_contestee", expect.stringMatching(/^claim\.error\./)],
    ]);
  });

  it("is refused to a viewer and to staff", async () => {
    const { account, invoice } = await customerWithInvoice(1);
    const viewer = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "viewer" })).id);
    const file = csv([CLAIM_HEADER, `A;autre;;Écart;Écart;avoir;${invoice.number};1;1;;;`]);
    await expect(importClaims({ db: t.db, actor: viewer, input: { file, fileName: "x.csv" }, now, portalUrl })).rejects.toMatchObject({ code: "forbidden" });
    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
    await expect(importClaims({ db: t.db, actor: finance, input: { file, fileName: "x.csv" }, now, portalUrl })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives a template whose example row names the customer's own invoice, and imports as it is", async () => {
    const { actor, invoice, account } = await customerWithInvoice(1);
    const template = await claimImportTemplate({ db: t.db, actor, input: undefined, now });
    expect(template.startsWith("\uFEFFreference_client;type;code_motif;titre")).toBe(true);
    expect(template).toContain(`;${invoice.number};1;3;`);
    const report = await importClaims({ db: t.db, actor, input: { file: Buffer.from(template, "utf8"), fileName: "modele.csv" }, now, portalUrl });
    expect(report.status).toBe("imported");
    expect(await t.db.$count(cases, eq(cases.accountId, account.id))).toBe(1);
  });
});

const INVOICE_HEADER = "compte;siren;numero_facture;date_facture;date_echeance;ligne;designation;quantite;unite;prix_unitaire;taux_tva;lot";

describe("importInvoices and importPayments", () => {
  async function erp() {
    const account = await insertCustomerAccount(t.db, { erpCode: `C-${Math.random().toString(36).slice(2, 8)}`, siren: String(Math.floor(100_000_000 + Math.random() * 899_999_999)) });
    const finance = await staffActor(t.db, (await createStaff(t.db, { roles: ["finance"] })).id);
    return { account, finance };
  }

  it("creates invoices with lines and lots, totals computed per VAT rate, the account named by ERP code or SIREN", async () => {
    const { account, finance } = await erp();
    const report = await importInvoices({
      db: t.db,
      actor: finance,
      input: {
        file: csv([
          INVOICE_HEADER,
          `${account.erpCode};;FA-100;02/11/2026;;1;Farine T65;40;sac;18,50;5,5;L2026-1`,
          `${account.erpCode};;FA-100;;;2;Levure;2,5;kg;3,99;5,5;`,
          `;${account.siren!.slice(0, 3)} ${account.siren!.slice(3)};FA-101;2026-11-03;03/12/2026;1;Four;1;u;1000;20;`,
        ]),
        fileName: "factures.csv",
      },
      now,
    });
    expect(report).toMatchObject({ status: "imported", created: 2, updated: 0, references: ["FA-100", "FA-101"] });
    const [fa100] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.number, "FA-100")));
    // 40 × 18,50 = 740,00 ; 2,5 × 3,99 = 9,975 → 9,98 ; VAT 5,5 % on 749,98 = 41,249 → 41,25
    expect(fa100).toMatchObject({ issueDate: "2026-11-02", dueDate: "2026-12-02", totalExclTaxCents: 74_998, totalTaxCents: 4125, totalInclTaxCents: 79_123, paidStatus: "unpaid" });
    const lines = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, fa100!.id)).orderBy(invoiceLines.lineNo);
    expect(lines.map((l) => [l.lineNo, l.quantityMilli, l.unit, l.lotNumber])).toEqual([
      [1, 40_000, "sac", "L2026-1"],
      [2, 2_500, "kg", null],
    ]);
  });

  it("replaces an invoice imported again while no case names it, refuses it once one does", async () => {
    const { account, finance } = await erp();
    const file = (price: string) => csv([INVOICE_HEADER, `${account.erpCode};;FA-200;02/11/2026;02/12/2026;1;Farine;10;sac;${price};5,5;`]);
    await importInvoices({ db: t.db, actor: finance, input: { file: file("18,50"), fileName: "a.csv" }, now });
    const updated = await importInvoices({ db: t.db, actor: finance, input: { file: file("17,00"), fileName: "b.csv" }, now });
    expect(updated).toMatchObject({ status: "imported", created: 0, updated: 1 });
    const [invoice] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.number, "FA-200")));
    expect(invoice!.totalExclTaxCents).toBe(17_000);

    const contact = await createCustomer(t.db, { accountId: account.id });
    const [line] = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice!.id));
    const kase = await insertCase(t.db, { accountId: account.id, customerContactId: contact.id });
    const { caseLines } = await import("@accord/db");
    await t.db.insert(caseLines).values({ caseId: kase.id, invoiceId: invoice!.id, invoiceLineId: line!.id, contestedQuantityMilli: 1000, computedAmountCents: 100, disputedAmountCents: 100 });
    const refused = await importInvoices({ db: t.db, actor: finance, input: { file: file("1,00"), fileName: "c.csv" }, now });
    expect(refused.errors).toMatchObject([{ line: 2, field: "numero_facture", code: "csvImport.error.invoice_disputed" }]);
    const [still] = await t.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(still!.totalExclTaxCents).toBe(17_000);
  });

  it("refuses bad rows (unknown account, bad figures, ERP code and SIREN of two accounts) and writes nothing", async () => {
    const { account, finance } = await erp();
    const other = await erp();
    const report = await importInvoices({
      db: t.db,
      actor: finance,
      input: {
        file: csv([
          INVOICE_HEADER,
          `${account.erpCode};;FA-300;02/11/2026;;1;Farine;10;sac;18,50;5,5;`,
          `NOPE;;FA-301;02/11/2026;;1;Farine;10;sac;18,50;5,5;`,
          `${account.erpCode};;FA-302;31/02/2026;;1;Farine;dix;sac;18,50;5,5;`,
          `${account.erpCode};${other.account.siren};FA-303;02/11/2026;;1;Farine;1;sac;1;20;`,
        ]),
        fileName: "bad.csv",
      },
      now,
    });
    expect(report.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [3, "compte", "csvImport.error.account_unknown"],
      [4, "date_facture", "csvImport.error.invalid_date"],
      [4, "quantite", "csvImport.error.invalid_number"],
      [5, "siren", "csvImport.error.account_mismatch"],
    ]);
    expect(await t.db.$count(invoices, eq(invoices.accountId, account.id))).toBe(0);
  });

  it("records payments: paid amount and state, the same payment again changes nothing, an overpayment is refused", async () => {
    const { account, finance } = await erp();
    await importInvoices({ db: t.db, actor: finance, input: { file: csv([INVOICE_HEADER, `${account.erpCode};;FA-400;02/11/2026;;1;Four;1;u;1000;20;`]), fileName: "f.csv" }, now });
    const header = "compte;numero_facture;reference_paiement;date_paiement;montant";
    const first = await importPayments({ db: t.db, actor: finance, input: { file: csv([header, `${account.erpCode};FA-400;VIR-1;20/11/2026;500,00`]), fileName: "p1.csv" }, now });
    expect(first).toMatchObject({ status: "imported", created: 1, updated: 1 });
    let [invoice] = await t.db.select().from(invoices).where(and(eq(invoices.accountId, account.id), eq(invoices.number, "FA-400")));
    expect(invoice).toMatchObject({ paidCents: 50_000, paidStatus: "partially_paid", totalInclTaxCents: 120_000 });

    const second = await importPayments({
      db: t.db,
      actor: finance,
      input: { file: csv([header, `${account.erpCode};FA-400;VIR-1;20/11/2026;500,00`, `${account.erpCode};FA-400;VIR-2;21/11/2026;700`]), fileName: "p2.csv" },
      now,
    });
    expect(second).toMatchObject({ status: "imported", created: 1, unchanged: 1 });
    [invoice] = await t.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
    expect(invoice).toMatchObject({ paidCents: 120_000, paidStatus: "paid" });
    expect(await t.db.$count(payments, eq(payments.invoiceId, invoice!.id))).toBe(2);

    const refused = await importPayments({
      db: t.db,
      actor: finance,
      input: { file: csv([header, `${account.erpCode};FA-400;VIR-3;22/11/2026;0,01`, `${account.erpCode};FA-400;VIR-1;20/11/2026;499`, `${account.erpCode};FA-999;VIR-4;22/11/2026;1`]), fileName: "p3.csv" },
      now,
    });
    expect(refused.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, "montant", "csvImport.error.overpaid"],
      [3, "reference_paiement", "csvImport.error.payment_conflict"],
      [4, "numero_facture", "csvImport.error.invoice_unknown"],
    ]);
    expect(await t.db.$count(payments, eq(payments.invoiceId, invoice!.id))).toBe(2);
  });

  it("is for finance and admin only; lists the ERP's imports to them", async () => {
    const { finance } = await erp();
    const agent = await staffActor(t.db, (await createStaff(t.db, { roles: ["agent"] })).id);
    const file = csv([INVOICE_HEADER]);
    await expect(importInvoices({ db: t.db, actor: agent, input: { file, fileName: "x.csv" }, now })).rejects.toMatchObject({ code: "forbidden" });
    await expect(importPayments({ db: t.db, actor: agent, input: { file, fileName: "x.csv" }, now })).rejects.toMatchObject({ code: "forbidden" });
    const empty = await importInvoices({ db: t.db, actor: finance, input: { file, fileName: "vide.csv" }, now });
    expect(empty.errors).toMatchObject([{ line: 2, code: "csvImport.error.no_rows" }]);
    const listed = await listImports({ db: t.db, actor: finance, input: {}, now });
    expect(listed.imports.some((record) => record.id === empty.importId && record.status === "refused")).toBe(true);
    const template = await erpImportTemplate({ db: t.db, actor: finance, input: { kind: "payments" }, now });
    expect(template.split("\r\n")[0]).toBe("\uFEFFcompte;siren;numero_facture;reference_paiement;date_paiement;montant");
    // The invoices template imports as it is, on an account that has an ERP code.
    const invoicesTemplate = await erpImportTemplate({ db: t.db, actor: finance, input: { kind: "invoices" }, now });
    const imported = await importInvoices({ db: t.db, actor: finance, input: { file: Buffer.from(invoicesTemplate, "utf8"), fileName: "modele-factures.csv" }, now });
    expect(imported).toMatchObject({ status: "imported", created: 1, references: ["FA-2026-0100"] });
  });
});
