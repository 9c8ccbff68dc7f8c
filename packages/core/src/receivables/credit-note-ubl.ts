import { z } from "zod";
import { documentTotals, isIsoDate, isValidSiren, lineAmount, money, toDecimalString } from "@accord/domain";
import { parseInput } from "../errors";
import { singleLine } from "../single-line";
import { el, serializeXml, type XmlElement } from "./xml";

/**
 * A credit note as UBL 2.1 `CreditNote` XML, the structured form the French e-invoicing reform accepts
 * (EN 16931 core conventions). Pure: the caller reads the case, the invoice, « Notre société » and the
 * ERP's credit-note number, and passes them here. See ADR 0022.
 */

const text = (max: number) => singleLine(z.string().trim().min(1).max(max));
const isoDate = z.string().refine(isIsoDate, "validation.invalid");
const siren = z.string().regex(/^\d{9}$/, "validation.invalid").refine(isValidSiren, "validation.invalid");
const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const postalAddressSchema = z.object({
  /** Street lines, first to last (1 to 3): StreetName, AdditionalStreetName, then AddressLine. */
  lines: z.array(text(200)).min(1).max(3),
  postcode: text(20),
  city: text(100),
  /** ISO 3166-1 alpha-2 (`FR`). */
  countryCode: z.string().regex(/^[A-Z]{2}$/, "validation.invalid"),
});

const creditNoteLineSchema = z.object({
  description: text(500),
  /** Quantity in thousandths of the unit (as invoice lines store it): 2500 = 2,5. */
  quantityMilli: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** UN/ECE Recommendation 20 unit code: `C62` (one), `H87` (piece), `KGM`, `LTR`, `MTR`… */
  unitCode: z.string().regex(/^[A-Z0-9]{1,3}$/, "validation.invalid"),
  unitPriceCents: cents,
  /** Must equal quantity × unit price rounded half up to the cent (`lineAmount` of the domain). */
  lineAmountCents: cents,
  /** Basis points: 2000 = 20 %, 550 = 5,5 %, 0 = zero-rated. */
  vatRateBp: z.number().int().min(0).max(10_000),
});

export const creditNoteDocumentSchema = z
  .object({
    /** The ERP's credit-note number: the document's cbc:ID. */
    number: text(100),
    issueDate: isoDate,
    currency: z.literal("EUR"),
    supplier: z.object({
      legalName: text(200),
      siren,
      /** Intra-community VAT number (`FR40303265045`). */
      vatNumber: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "validation.invalid"),
      address: postalAddressSchema,
    }),
    customer: z.object({
      legalName: text(200),
      siren: siren.nullable(),
      vatId: z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "validation.invalid").nullable(),
      address: postalAddressSchema.nullable(),
    }),
    caseReference: text(50),
    /**
     * The free-text note (cbc:Note), already in the customer's language (the caller translates it from
     * the message catalogue): it must name the case reference.
     */
    note: text(1000),
    invoice: z.object({ number: text(100), issueDate: isoDate }),
    /** Further invoices the credit note corrects (a case may dispute several): one more BillingReference each. */
    otherInvoices: z.array(z.object({ number: text(100), issueDate: isoDate })).max(100).optional(),
    lines: z.array(creditNoteLineSchema).min(1).max(1000),
  })
  .superRefine((doc, ctx) => {
    if (!doc.note.includes(doc.caseReference)) ctx.addIssue({ code: "custom", path: ["note"], message: "validation.invalid" });
    doc.lines.forEach((line, index) => {
      if (line.lineAmountCents !== lineAmount(line.quantityMilli, line.unitPriceCents))
        ctx.addIssue({ code: "custom", path: ["lines", index, "lineAmountCents"], message: "validation.invalid" });
    });
  });

export type CreditNoteDocument = z.input<typeof creditNoteDocumentSchema>;
type PostalAddress = z.output<typeof postalAddressSchema>;

const NS = {
  xmlns: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  "xmlns:cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  "xmlns:cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};
/** EN 16931 core: the document claims conformance to the European norm's semantic model. */
const EN16931 = "urn:cen.eu:en16931:2017";
/** UNTDID 1001: 381 = credit note. */
const CREDIT_NOTE = "381";
/** ISO 6523 ICD 0002: SIRENE (the SIREN). */
const SIREN_SCHEME = "0002";

/**
 * The UBL 2.1 CreditNote XML of `input` (UTF-8, indented). Throws `AppError("validation")` naming the
 * field when the input is not a sound credit note (a line amount that is not quantity × price, a note
 * that does not name the case, an invalid SIREN…). Tax subtotals are per VAT rate, rounded half up.
 */
export function creditNoteUbl(input: CreditNoteDocument): string {
  const doc = parseInput(creditNoteDocumentSchema, input);
  const currency = doc.currency;
  const totals = documentTotals(doc.lines.map((line) => ({ lineAmountCents: line.lineAmountCents, vatRateBp: line.vatRateBp })));
  const amountEl = (name: string, cents: number) => el(name, toDecimalString(money(cents, currency)), { currencyID: currency });

  const root = el(
    "CreditNote",
    [
      el("cbc:UBLVersionID", "2.1"),
      el("cbc:CustomizationID", EN16931),
      el("cbc:ID", doc.number),
      el("cbc:IssueDate", doc.issueDate),
      el("cbc:CreditNoteTypeCode", CREDIT_NOTE),
      el("cbc:Note", doc.note),
      el("cbc:DocumentCurrencyCode", currency),
      el("cac:BillingReference", [
        el("cac:InvoiceDocumentReference", [el("cbc:ID", doc.invoice.number), el("cbc:IssueDate", doc.invoice.issueDate)]),
      ]),
      ...(doc.otherInvoices ?? []).map((invoice) =>
        el("cac:BillingReference", [el("cac:InvoiceDocumentReference", [el("cbc:ID", invoice.number), el("cbc:IssueDate", invoice.issueDate)])]),
      ),
      el("cac:AccountingSupplierParty", [
        party({
          legalName: doc.supplier.legalName,
          siren: doc.supplier.siren,
          vatId: doc.supplier.vatNumber,
          address: doc.supplier.address,
        }),
      ]),
      el("cac:AccountingCustomerParty", [party(doc.customer)]),
      el("cac:TaxTotal", [
        amountEl("cbc:TaxAmount", totals.vatCents),
        ...totals.subtotals.map((subtotal) =>
          el("cac:TaxSubtotal", [
            amountEl("cbc:TaxableAmount", subtotal.taxableCents),
            amountEl("cbc:TaxAmount", subtotal.vatCents),
            taxCategory("cac:TaxCategory", subtotal.vatRateBp),
          ]),
        ),
      ]),
      el("cac:LegalMonetaryTotal", [
        amountEl("cbc:LineExtensionAmount", totals.netCents),
        amountEl("cbc:TaxExclusiveAmount", totals.netCents),
        amountEl("cbc:TaxInclusiveAmount", totals.grossCents),
        amountEl("cbc:PayableAmount", totals.grossCents),
      ]),
      ...doc.lines.map((line, index) =>
        el("cac:CreditNoteLine", [
          el("cbc:ID", String(index + 1)),
          el("cbc:CreditedQuantity", quantityOf(line.quantityMilli), { unitCode: line.unitCode }),
          amountEl("cbc:LineExtensionAmount", line.lineAmountCents),
          el("cac:Item", [el("cbc:Name", line.description), taxCategory("cac:ClassifiedTaxCategory", line.vatRateBp)]),
          el("cac:Price", [amountEl("cbc:PriceAmount", line.unitPriceCents)]),
        ]),
      ),
    ],
    NS,
  );
  return serializeXml(root);
}

function party(p: { legalName: string; siren: string | null; vatId: string | null; address: PostalAddress | null }): XmlElement {
  return el("cac:Party", [
    el("cac:PartyName", [el("cbc:Name", p.legalName)]),
    p.address && postalAddress(p.address),
    p.vatId !== null && el("cac:PartyTaxScheme", [el("cbc:CompanyID", p.vatId), el("cac:TaxScheme", [el("cbc:ID", "VAT")])]),
    el("cac:PartyLegalEntity", [
      el("cbc:RegistrationName", p.legalName),
      p.siren !== null && el("cbc:CompanyID", p.siren, { schemeID: SIREN_SCHEME }),
    ]),
  ]);
}

function postalAddress(address: PostalAddress): XmlElement {
  const [street, additional, ...more] = address.lines;
  return el("cac:PostalAddress", [
    el("cbc:StreetName", street ?? ""),
    additional !== undefined && el("cbc:AdditionalStreetName", additional),
    el("cbc:CityName", address.city),
    el("cbc:PostalZone", address.postcode),
    ...more.map((line) => el("cac:AddressLine", [el("cbc:Line", line)])),
    el("cac:Country", [el("cbc:IdentificationCode", address.countryCode)]),
  ]);
}

/**
 * A VAT category (UNCL 5305): `S` (standard) for a positive rate, `Z` (zero-rated) for 0 %.
 * Exemptions (`E`) and reverse charge (`AE`) need a reason text and are not produced here.
 */
function taxCategory(name: string, vatRateBp: number): XmlElement {
  return el(name, [el("cbc:ID", vatRateBp > 0 ? "S" : "Z"), el("cbc:Percent", percentOf(vatRateBp)), el("cac:TaxScheme", [el("cbc:ID", "VAT")])]);
}

/** Basis points as a percentage with two decimals: 550 → "5.50". */
function percentOf(bp: number): string {
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, "0")}`;
}

/** Thousandths as a decimal without trailing zeros: 2500 → "2.5", 120000 → "120". */
function quantityOf(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const fraction = String(milli % 1000).padStart(3, "0").replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}.${fraction}`;
}
