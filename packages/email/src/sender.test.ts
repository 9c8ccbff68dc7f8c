import { describe, expect, it } from "vitest";
import type { EmailSender } from "./layout";
import { renderEmail } from "./render";

const sender: EmailSender = {
  supplier: { legalName: "Minoterie Valois SAS", siren: "303265045", vatNumber: "FR40303265045", address: "12 rue des Moulins\n60300 Senlis" },
  agentName: "Camille Dubois",
};
const reply = { name: "Julie", reference: "LIT-2026-000042", body: "Bien reçu.", articles: [], caseUrl: null };

describe("the sender of an e-mail", () => {
  it("names the supplier in the header, signs with the handling agent for the supplier, and gives the legal identity in the footer", async () => {
    const email = await renderEmail("case-reply", "fr", { ...reply, sender } as never);
    expect(email.text).toContain("Minoterie Valois SAS");
    expect(email.text).toContain("Camille Dubois, pour Minoterie Valois SAS");
    expect(email.text).toContain("Minoterie Valois SAS — SIREN 303265045 — TVA FR40303265045 — 12 rue des Moulins, 60300 Senlis");
    expect(email.text).not.toContain("L'équipe Accord");
  });

  it("signs with the supplier's team when no agent handles the case, in English too", async () => {
    const email = await renderEmail("case-reply", "en", { ...reply, sender: { ...sender, agentName: null } } as never);
    expect(email.text).toContain("The Minoterie Valois SAS team");
    expect(email.text).toContain("VAT FR40303265045");
  });

  it("keeps the Accord wording for an e-mail queued without a sender", async () => {
    const email = await renderEmail("case-reply", "fr", reply);
    expect(email.text).toContain("L'équipe Accord");
    expect(email.text).not.toContain("SIREN");
  });
});
