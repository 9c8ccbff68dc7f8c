import { describe, expect, it } from "vitest";
import { renderEmail } from "../render";
import { expectEmail } from "../test-email";
import { caseWithdrawnMessages } from "./case-withdrawn";
import { customerRepliedMessages } from "./customer-replied";
import { informationRequestedMessages } from "./information-requested";

const caseUrl = "https://portail.accord.example/cases/LIT-2026-000042";
const requested = {
  name: "Julie Bernard",
  reference: "LIT-2026-000042",
  items: ["Photos du lot 2611", "Bon de livraison signé"],
  message: "Merci de photographier les étiquettes.",
  dueDate: "2026-12-04",
  caseUrl,
};

describe("information-requested e-mail", () => {
  it("is in French with the items, the due date, the paused clock and the link to the case", async () => {
    await expectEmail("information-requested", "fr", requested, { subject: "Informations demandées pour votre dossier LIT-2026-000042", text: ["Bonjour Julie Bernard,", "Photos du lot 2611", "Bon de livraison signé", "Merci de photographier les étiquettes.", "avant le vendredi 4 décembre 2026", "suspendu"], html: [`href="${caseUrl}"`] });
  });

  it("is in English, without a message when the agent wrote none", async () => {
    await expectEmail("information-requested", "en", { ...requested, message: null }, { subject: "Information requested for your case LIT-2026-000042", text: ["by Friday, 4 December 2026"], notText: ["Message from our team", /Bonjour|avant le/] });
  });

  it("escapes the items in the HTML", async () => {
    const email = await renderEmail("information-requested", "fr", { ...requested, items: ["<script>x</script>"] });
    expect(email.html).not.toContain("<script>");
  });

  it("has the same message keys in both languages", () => {
    expect(Object.keys(informationRequestedMessages.en).sort()).toEqual(Object.keys(informationRequestedMessages.fr).sort());
    expect(Object.keys(caseWithdrawnMessages.en).sort()).toEqual(Object.keys(caseWithdrawnMessages.fr).sort());
  });
});

describe("case-withdrawn e-mail", () => {
  const props = { name: "Julie Bernard", reference: "LIT-2026-000042", reason: "Marchandise retrouvée", caseUrl };
  it("confirms the withdrawal with the reason, in French and English", async () => {
    await expectEmail("case-withdrawn", "fr", props, { subject: "Votre dossier LIT-2026-000042 est retiré", text: ["Marchandise retrouvée"], html: [`href="${caseUrl}"`] });
    await expectEmail("case-withdrawn", "en", props, { subject: "Your case LIT-2026-000042 is withdrawn", text: ["Reason given:"] });
  });
});

describe("customer-replied e-mail (to the assignee)", () => {
  const props = { name: "Alex Martin", reference: "LIT-2026-000042", customerName: "Julie Bernard", attachments: 1, caseUrl: "https://backoffice.accord.example/cases/LIT-2026-000042" };
  it("names the customer, the case and the attachments, with the back-office link", async () => {
    await expectEmail("customer-replied", "fr", props, { subject: "Nouveau message du client sur le dossier LIT-2026-000042", text: ["Julie Bernard a répondu sur le dossier LIT-2026-000042", "1 pièce jointe."], html: [`href="${props.caseUrl}"`] });
    const en = await renderEmail("customer-replied", "en", { ...props, attachments: 0 });
    expect(en.text).toContain("No attachment.");
    expect(Object.keys(customerRepliedMessages.en).sort()).toEqual(Object.keys(customerRepliedMessages.fr).sort());
  });
});
