import { describe, expect, it } from "vitest";
import { renderEmail } from "../render";
import { expectEmail } from "../test-email";

const props = {
  name: "Isabelle Le Goff",
  accountName: "Hôtel du Port SARL",
  lotNumber: "L2026-1102",
  lines: [{ invoiceNumber: "FA-2026-10790", description: "Farine de blé T55 — sac de 25 kg" }],
  message: "Par précaution, vérifiez l'état des sacs de ce lot.\nNous reprenons sans frais ceux qui sont humides.",
  reportUrl: "https://portail.accord.example/claims/new",
};

describe("proactive-notice e-mail", () => {
  it("names the lot, the message and the customer's own invoice lines, in French and English", async () => {
    await expectEmail("proactive-notice", "fr", props, {
      subject: "Information qualité : lot L2026-1102",
      text: ["Hôtel du Port SARL a reçu des produits du lot L2026-1102", "Nous reprenons sans frais", "Facture FA-2026-10790 — Farine de blé T55"],
      html: ['href="https://portail.accord.example/claims/new"'],
    });
    await expectEmail("proactive-notice", "en", { ...props, lines: [], reportUrl: null }, { subject: "Quality notice: lot L2026-1102", text: ["received products from lot L2026-1102"], notText: ["Your invoices concerned"] });
  });

  it("escapes the staff member's message", async () => {
    const email = await renderEmail("proactive-notice", "fr", { ...props, message: "<b>attention</b>" });
    expect(email.html).not.toContain("<b>attention</b>");
    expect(email.text).toContain("<b>attention</b>");
  });
});
