import { describe, expect, it } from "vitest";
import { renderEmail } from "../render";
import { expectEmail } from "../test-email";
import { claimAcknowledgedMessages, commitmentInWords, type ClaimAcknowledgedProps } from "./claim-acknowledged";

const caseUrl = "http://localhost:3000/cases/LIT-2026-000042";
const props: ClaimAcknowledgedProps = {
  name: "Julie Bernard",
  reference: "LIT-2026-000042",
  type: "delivery",
  title: "Palettes manquantes",
  lines: [
    { invoiceNumber: "FA-2026-0001", description: "Farine T65 — sac 25 kg" },
    { invoiceNumber: "FA-2026-0007", description: "Levure fraîche" },
  ],
  claimedCents: 123_456,
  vatCents: 24_691,
  currency: "EUR",
  fileCount: 1,
  firstResponse: { unit: "business_days", value: 1 },
  resolution: { unit: "business_days", value: 10 },
  caseUrl,
};

describe("claim-acknowledged e-mail", () => {
  it("is in French with the reference, what was received, the commitment in plain words and the link", async () => {
    await expectEmail("claim-acknowledged", "fr", props, { subject: "Réclamation reçue : dossier LIT-2026-000042", text: ["Bonjour Julie Bernard,", "LIT-2026-000042", "Type : Livraison", "FA-2026-0001 — Farine T65 — sac 25 kg", "FA-2026-0007 — Levure fraîche", /Montant contesté : 1\s234,56\s€ HT \(TVA 246,91\s€\)/, "1 pièce jointe", "première réponse sous 1 jour ouvré, résolution visée sous 10 jours ouvrés"], html: [`href="${caseUrl}"`] });
  });

  it("is in English, in hours when the target is not whole days", async () => {
    await expectEmail("claim-acknowledged", "en", { ...props, firstResponse: { unit: "business_hours", value: 4 }, fileCount: 0 }, { subject: "Claim received: case LIT-2026-000042", text: ["first response within 4 business hours", "Disputed amount: €1,234.56 excl. VAT", "No attachment"], notText: [/Bonjour|réponse/] });
  });

  it("says the commitment in plain words, singular and plural, or nothing without a policy", () => {
    expect(commitmentInWords({ firstResponse: { unit: "business_hours", value: 1.5 }, resolution: null }, "fr")).toBe("première réponse sous 1,5 heure ouvrée");
    expect(commitmentInWords({ firstResponse: { unit: "business_days", value: 2 }, resolution: null }, "en")).toBe("first response within 2 business days");
    expect(commitmentInWords({ firstResponse: null, resolution: null }, "fr")).toBeNull();
  });

  it("has the same message keys in both languages and escapes the title", async () => {
    expect(Object.keys(claimAcknowledgedMessages.en).sort()).toEqual(Object.keys(claimAcknowledgedMessages.fr).sort());
    const email = await renderEmail("claim-acknowledged", "fr", { ...props, title: "<script>x</script>" });
    expect(email.html).not.toContain("<script>");
  });
});
