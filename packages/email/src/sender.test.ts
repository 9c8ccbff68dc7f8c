import { describe, it } from "vitest";
import type { EmailSender } from "./layout";
import { expectEmail } from "./test-email";

const sender: EmailSender = {
  supplier: { legalName: "Minoterie Valois SAS", siren: "303265045", vatNumber: "FR40303265045", address: "12 rue des Moulins\n60300 Senlis" },
  agentName: "Camille Dubois",
};
const reply = { name: "Julie", reference: "LIT-2026-000042", body: "Bien reçu.", articles: [], caseUrl: null };

describe("the sender of an e-mail", () => {
  it("names the supplier in the header, signs with the handling agent for the supplier, and gives the legal identity in the footer", async () => {
    await expectEmail("case-reply", "fr", { ...reply, sender } as never, { text: ["Minoterie Valois SAS", "Camille Dubois, pour Minoterie Valois SAS", "Minoterie Valois SAS — SIREN 303265045 — TVA FR40303265045 — 12 rue des Moulins, 60300 Senlis"], notText: ["L'équipe Accord"] });
  });

  it("signs with the supplier's team when no agent handles the case, in English too", async () => {
    await expectEmail("case-reply", "en", { ...reply, sender: { ...sender, agentName: null } } as never, { text: ["The Minoterie Valois SAS team", "VAT FR40303265045"] });
  });

  it("keeps the Accord wording for an e-mail queued without a sender", async () => {
    await expectEmail("case-reply", "fr", reply, { text: ["L'équipe Accord"], notText: ["SIREN"] });
  });
});
