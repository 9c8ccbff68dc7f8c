import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { agreementText, fill, type AgreementDocument } from "./agreement-document";
import { agreementFixture } from "../testing/agreement-fixture";
import { AGREEMENT_LABELS } from "./agreement-labels";

function refusal(doc: AgreementDocument): Record<string, string[]> | undefined {
  try {
    agreementText(doc, "fr");
  } catch (error) {
    if (isAppError(error) && error.code === "validation") return error.fieldErrors;
    throw error;
  }
  return undefined;
}

describe("agreementText", () => {
  it("lists the parties, the case, the invoices, the concessions, the amounts and the acceptance in French", () => {
    const doc = agreementFixture();
    const lines = agreementText(doc, "fr");
    expect(lines.slice(0, 2)).toEqual(["Protocole d'accord", "Dossier LIT-2026-000042 – proposition n° 2"]);
    for (const line of [
      "Minoterie Dupuis SAS",
      "SIREN : 552100554",
      "N° de TVA intracommunautaire : FR12552100554",
      "Adresse : 12 rue des Moulins, 69007 Lyon",
      "SIREN : 732829320",
      "• Facture n° F-2026-0117 du 12 novembre 2026",
      "Nature : Transaction",
      "3. Concessions réciproques",
      "• Avoir de 1 234,56 € HT sur la farine livrée humide",
      // Intl's French format: U+202F between digit groups, U+00A0 before the symbol.
      "Montant hors taxes : 1\u202f234,56\u00a0€",
      "TVA : 246,91\u00a0€",
      "Montant toutes taxes comprises : 1\u202f481,47\u00a0€",
      "Signataire : Claire Martin",
      "Date et heure : 6 décembre 2026 à 20:35:27 (heure de Paris, GMT+01:00)",
      `Empreinte SHA-256 du texte accepté : ${doc.acceptance.textSha256}`,
      "Fait en ligne le 6 décembre 2026.",
    ]) {
      expect(lines).toContain(line);
    }
    // A blank line before each numbered heading.
    expect(lines[lines.indexOf("4. Montants") - 1]).toBe("");
  });

  it("shows no concessions for a kind other than a settlement, and numbers the sections accordingly", () => {
    const lines = agreementText(agreementFixture({ kind: "credit_note" }), "fr");
    expect(lines).toContain("Nature : Avoir");
    expect(lines.some((line) => line.includes("Concessions") || line.includes("2044"))).toBe(false);
    expect(lines).toContain("3. Montants");
    expect(lines).toContain("4. Acceptation");
  });

  it("writes the Paris time with its summer offset, and invoice dates without a time zone shift", () => {
    const doc = agreementFixture();
    doc.acceptance.acceptedAt = new Date("2026-06-30T22:30:00Z");
    doc.invoices = [{ number: "F-1", issuedOn: "2026-01-01" }];
    const lines = agreementText(doc, "fr");
    expect(lines).toContain("Date et heure : 1 juillet 2026 à 00:30:00 (heure de Paris, GMT+02:00)");
    expect(lines).toContain("Fait en ligne le 1 juillet 2026.");
    expect(lines).toContain("• Facture n° F-1 du 1 janvier 2026");
  });

  it("says what is not recorded, and shows empty terms and concessions as a dash", () => {
    const doc = agreementFixture({ terms: "  \n ", concessions: { supplier: ["Un avoir"], customer: [" "] } });
    doc.customer.siren = null;
    doc.acceptance.ipAddress = null;
    doc.acceptance.userAgent = "";
    doc.invoices = [];
    const lines = agreementText(doc, "fr");
    expect(lines).toContain("SIREN : non enregistré");
    expect(lines).toContain("Adresse IP : non enregistré");
    expect(lines).toContain("Navigateur (user agent) : non enregistré");
    expect(lines).toContain("Aucune facture n'est concernée.");
    expect(lines[lines.indexOf("Modalités : ") + 1]).toBe("—");
    expect(lines[lines.indexOf("Le Client consent :") + 1]).toBe("• —");
  });

  it("speaks English with English formats", () => {
    const lines = agreementText(agreementFixture(), "en");
    expect(lines[0]).toBe("Settlement agreement");
    expect(lines).toContain("Amount excl. VAT: €1,234.56");
    expect(lines).toContain("Date and time: 6 December 2026 at 20:35:27 (Paris time, GMT+01:00)");
    expect(lines).toContain("• Invoice no. F-2026-0117 of 12 November 2026");
  });

  it("refuses a document it cannot show faithfully, naming the field", () => {
    const cases: Array<[string, (doc: AgreementDocument) => void]> = [
      ["acceptance.textSha256", (doc) => (doc.acceptance.textSha256 = "ABC")],
      ["proposal.amountCents", (doc) => (doc.proposal.amountCents = 12.5)],
      ["proposal.vatCents", (doc) => (doc.proposal.vatCents = -1)],
      ["proposal.currency", (doc) => (doc.proposal.currency = "EURO")],
      ["invoices.0.issuedOn", (doc) => (doc.invoices[0]!.issuedOn = "2026-02-30")],
      ["supplier.siren", (doc) => (doc.supplier.siren = "552 100 554")],
      ["acceptance.acceptedAt", (doc) => (doc.acceptance.acceptedAt = new Date("not a date"))],
      ["acceptance.signerName", (doc) => (doc.acceptance.signerName = "  ")],
    ];
    for (const [field, spoil] of cases) {
      const doc = agreementFixture();
      spoil(doc);
      expect(refusal(doc), field).toEqual({ [field]: ["validation.invalid"] });
    }
    expect(refusal(agreementFixture())).toBeUndefined();
  });
});

describe("the agreement's catalogue", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  const leaves = (value: unknown, path = ""): Array<[string, string]> =>
    typeof value === "string" ? [[path, value]] : Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));

  it("has every French string in English, with the same placeholders", () => {
    const english = new Map(leaves(AGREEMENT_LABELS.en));
    for (const [key, french] of leaves(AGREEMENT_LABELS.fr)) {
      expect(english.get(key), key).toBeTruthy();
      expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(french));
    }
  });

  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(fill("{{a}} et {{b}}", { a: 1 })).toBe("1 et {{b}}");
  });
});
