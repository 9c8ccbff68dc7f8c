import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { creditNoteSchemaErrors as schemaErrors } from "../testing/ubl-schema";
import { creditNoteUbl, type CreditNoteDocument } from "./credit-note-ubl";

const base: CreditNoteDocument = {
  number: "AV-2026-000123",
  issueDate: "2026-03-20",
  currency: "EUR",
  supplier: {
    legalName: "Fournitures Durand SAS",
    siren: "123456782",
    vatNumber: "FR11123456782",
    address: { lines: ["12 rue des Lilas", "Bâtiment B"], postcode: "69003", city: "Lyon", countryCode: "FR" },
  },
  customer: {
    legalName: "Boulangeries Martin SARL",
    siren: "111111118",
    vatId: "FR44111111118",
    address: { lines: ["3 place du Marché"], postcode: "33000", city: "Bordeaux", countryCode: "FR" },
  },
  caseReference: "LIT-2026-0042",
  note: "Avoir au titre du litige LIT-2026-0042",
  invoice: { number: "FA-2026-0815", issueDate: "2026-02-10" },
  lines: [
    { description: "Écart de prix après indexation", quantityMilli: 120_000, unitCode: "C62", unitPriceCents: 35, lineAmountCents: 4200, vatRateBp: 2000 },
  ],
};

/** The text of every element named `name` (e.g. `cbc:TaxAmount`), in document order. */
function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, "g"))].map((match) => match[1] ?? "");
}

/** Cents from a decimal with exactly two digits ("42.00" → 4200); anything else fails the test. */
function cents(decimal: string): number {
  expect(decimal).toMatch(/^\d+\.\d{2}$/);
  return Number(decimal.replace(".", ""));
}

function validationFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return Object.keys(error.fieldErrors ?? {});
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("creditNoteUbl", () => {
  it("writes a credit note that validates against the UBL 2.1 CreditNote schema", async () => {
    const xml = creditNoteUbl(base);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"')).toBe(true);
    expect(texts(xml, "cbc:ID")[0]).toBe("AV-2026-000123");
    expect(texts(xml, "cbc:CreditNoteTypeCode")).toEqual(["381"]);
    expect(texts(xml, "cbc:DocumentCurrencyCode")).toEqual(["EUR"]);
    expect(texts(xml, "cbc:Note")).toEqual(["Avoir au titre du litige LIT-2026-0042"]);
    expect(xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>FA-2026-0815<\/cbc:ID>\s*<cbc:IssueDate>2026-02-10<\/cbc:IssueDate>/);
    expect(xml).toContain('<cbc:CompanyID schemeID="0002">123456782</cbc:CompanyID>');
    expect(xml).toContain('<cbc:CompanyID schemeID="0002">111111118</cbc:CompanyID>');
    expect(texts(xml, "cbc:RegistrationName")).toEqual(["Fournitures Durand SAS", "Boulangeries Martin SARL"]);
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="C62">120</cbc:CreditedQuantity>');
    expect(texts(xml, "cbc:PriceAmount")).toEqual(["0.35"]);
    expect(texts(xml, "cbc:PayableAmount")).toEqual(["50.40"]);
  });

  it("fails the schema when the document lacks its ID (the validation can fail)", async () => {
    const xml = creditNoteUbl(base).replace(/<cbc:ID>AV-2026-000123<\/cbc:ID>\n\s*/, "");
    expect(xml).not.toContain("AV-2026-000123");
    const errors = await schemaErrors(xml);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/IssueDate.*This element is not expected/);
  });

  it("fails the schema when elements are out of order", async () => {
    const xml = creditNoteUbl(base).replace("<cbc:UBLVersionID>2.1</cbc:UBLVersionID>", "").replace("<cbc:IssueDate>2026-03-20</cbc:IssueDate>", "<cbc:IssueDate>2026-03-20</cbc:IssueDate><cbc:UBLVersionID>2.1</cbc:UBLVersionID>");
    expect(await schemaErrors(xml)).not.toEqual([]);
  });

  it("gives one tax subtotal per VAT rate, rounded half up, and totals that add up", async () => {
    const doc: CreditNoteDocument = {
      ...base,
      lines: [
        { description: "Farine T65", quantityMilli: 2500, unitCode: "KGM", unitPriceCents: 399, lineAmountCents: 998, vatRateBp: 550 },
        { description: "Transport", quantityMilli: 1000, unitCode: "C62", unitPriceCents: 1999, lineAmountCents: 1999, vatRateBp: 2000 },
        { description: "Sucre", quantityMilli: 3000, unitCode: "KGM", unitPriceCents: 111, lineAmountCents: 333, vatRateBp: 550 },
        { description: "Emballage consigné", quantityMilli: 1000, unitCode: "C62", unitPriceCents: 500, lineAmountCents: 500, vatRateBp: 0 },
        { description: "Presse", quantityMilli: 1000, unitCode: "C62", unitPriceCents: 1000, lineAmountCents: 1000, vatRateBp: 210 },
      ],
    };
    const xml = creditNoteUbl(doc);
    expect(await schemaErrors(xml)).toEqual([]);

    const subtotals = [...xml.matchAll(/<cac:TaxSubtotal>([\s\S]*?)<\/cac:TaxSubtotal>/g)].map(([, body = ""]) => ({
      taxable: cents(texts(body, "cbc:TaxableAmount")[0] ?? ""),
      tax: cents(texts(body, "cbc:TaxAmount")[0] ?? ""),
      category: texts(body, "cbc:ID")[0],
      percent: texts(body, "cbc:Percent")[0],
    }));
    expect(subtotals).toEqual([
      { taxable: 1999, tax: 400, category: "S", percent: "20.00" }, // 399.8 → 400
      { taxable: 1331, tax: 73, category: "S", percent: "5.50" }, // 73.205 → 73
      { taxable: 1000, tax: 21, category: "S", percent: "2.10" },
      { taxable: 500, tax: 0, category: "Z", percent: "0.00" },
    ]);

    const lineAmounts = [...xml.matchAll(/<cac:CreditNoteLine>([\s\S]*?)<\/cac:CreditNoteLine>/g)].map(([, body = ""]) =>
      cents(texts(body, "cbc:LineExtensionAmount")[0] ?? ""),
    );
    expect(lineAmounts).toEqual([998, 1999, 333, 500, 1000]);
    expect(texts(xml, "cbc:ID").filter((id) => /^\d+$/.test(id))).toEqual(["1", "2", "3", "4", "5"]);
    expect(xml).toContain('<cbc:CreditedQuantity unitCode="KGM">2.5</cbc:CreditedQuantity>');

    const taxTotal = cents(/<cac:TaxTotal>\s*<cbc:TaxAmount currencyID="EUR">([^<]*)</.exec(xml)?.[1] ?? "");
    const [lineExtension = "", taxExclusive = "", taxInclusive = "", payable = ""] = [
      "cbc:LineExtensionAmount",
      "cbc:TaxExclusiveAmount",
      "cbc:TaxInclusiveAmount",
      "cbc:PayableAmount",
    ].map((name) => /<cac:LegalMonetaryTotal>([\s\S]*?)<\/cac:LegalMonetaryTotal>/.exec(xml)?.[1]?.match(new RegExp(`<${name} [^>]*>([^<]*)<`))?.[1]);
    expect(taxTotal).toBe(subtotals.reduce((sum, s) => sum + s.tax, 0));
    expect(taxTotal).toBe(494);
    expect(cents(lineExtension)).toBe(lineAmounts.reduce((sum, a) => sum + a, 0));
    expect(cents(lineExtension)).toBe(subtotals.reduce((sum, s) => sum + s.taxable, 0));
    expect(cents(taxExclusive)).toBe(cents(lineExtension));
    expect(cents(taxInclusive)).toBe(cents(taxExclusive) + taxTotal);
    expect(cents(payable)).toBe(cents(taxInclusive));
    expect(cents(payable)).toBe(4830 + 494);
  });

  it("escapes names with & < > \" ' and keeps accents as UTF-8", async () => {
    const name = `Dupont & Fils <"L'Épicerie"> — Crème brûlée`;
    const doc: CreditNoteDocument = {
      ...base,
      customer: { ...base.customer, legalName: name },
      lines: [{ ...base.lines[0]!, description: "Tartes « maison » & co ]]> fin" }],
    };
    const xml = creditNoteUbl(doc);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain("<cbc:RegistrationName>Dupont &amp; Fils &lt;&quot;L&apos;Épicerie&quot;&gt; — Crème brûlée</cbc:RegistrationName>");
    expect(xml).toContain("<cbc:Name>Tartes « maison » &amp; co ]]&gt; fin</cbc:Name>");
    expect(xml).not.toContain(name);
  });

  it("references every invoice the credit note corrects", async () => {
    const xml = creditNoteUbl({ ...base, otherInvoices: [{ number: "FA-2026-0816", issueDate: "2026-02-11" }] });
    expect(await schemaErrors(xml)).toEqual([]);
    expect([...xml.matchAll(/<cac:BillingReference>/g)]).toHaveLength(2);
    expect(xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>FA-2026-0816<\/cbc:ID>\s*<cbc:IssueDate>2026-02-11<\/cbc:IssueDate>/);
  });

  it("leaves out what the customer's record does not have", async () => {
    const xml = creditNoteUbl({ ...base, customer: { legalName: "Client sans SIREN", siren: null, vatId: null, address: null } });
    expect(await schemaErrors(xml)).toEqual([]);
    const customer = /<cac:AccountingCustomerParty>([\s\S]*?)<\/cac:AccountingCustomerParty>/.exec(xml)?.[1] ?? "";
    expect(customer).toContain("<cbc:RegistrationName>Client sans SIREN</cbc:RegistrationName>");
    expect(customer).not.toContain("PostalAddress");
    expect(customer).not.toContain("PartyTaxScheme");
    expect(customer).not.toContain("CompanyID");
  });

  it("refuses an unsound credit note, naming the field", () => {
    expect(validationFields(() => creditNoteUbl({ ...base, lines: [{ ...base.lines[0]!, lineAmountCents: 4201 }] }))).toEqual(["lines.0.lineAmountCents"]);
    expect(validationFields(() => creditNoteUbl({ ...base, note: "Avoir" }))).toEqual(["note"]);
    expect(validationFields(() => creditNoteUbl({ ...base, supplier: { ...base.supplier, siren: "123456789" } }))).toEqual(["supplier.siren"]);
    expect(validationFields(() => creditNoteUbl({ ...base, issueDate: "2026-02-30" }))).toEqual(["issueDate"]);
    expect(validationFields(() => creditNoteUbl({ ...base, number: "" }))).toEqual(["number"]);
    expect(validationFields(() => creditNoteUbl({ ...base, lines: [] }))).toEqual(["lines"]);
    expect(validationFields(() => creditNoteUbl({ ...base, customer: { ...base.customer, legalName: "Nom\u0000" } }))).toEqual(["customer.legalName"]);
  });
});
