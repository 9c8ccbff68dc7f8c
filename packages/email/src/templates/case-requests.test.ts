import { describe, expect, it } from "vitest";
import { renderEmail } from "../render";
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
    const email = await renderEmail("information-requested", "fr", requested);
    expect(email.subject).toBe("Informations demandées pour votre dossier LIT-2026-000042");
    expect(email.text).toContain("Bonjour Julie Bernard,");
    expect(email.text).toContain("Photos du lot 2611");
    expect(email.text).toContain("Bon de livraison signé");
    expect(email.text).toContain("Merci de photographier les étiquettes.");
    expect(email.text).toContain("avant le vendredi 4 décembre 2026");
    expect(email.text).toContain("suspendu");
    expect(email.html).toContain(`href="${caseUrl}"`);
  });

  it("is in English, without a message when the agent wrote none", async () => {
    const email = await renderEmail("information-requested", "en", { ...requested, message: null });
    expect(email.subject).toBe("Information requested for your case LIT-2026-000042");
    expect(email.text).toContain("by Friday, 4 December 2026");
    expect(email.text).not.toContain("Message from our team");
    expect(email.text).not.toMatch(/Bonjour|avant le/);
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
    const fr = await renderEmail("case-withdrawn", "fr", props);
    expect(fr.subject).toBe("Votre dossier LIT-2026-000042 est retiré");
    expect(fr.text).toContain("Marchandise retrouvée");
    expect(fr.html).toContain(`href="${caseUrl}"`);
    const en = await renderEmail("case-withdrawn", "en", props);
    expect(en.subject).toBe("Your case LIT-2026-000042 is withdrawn");
    expect(en.text).toContain("Reason given:");
  });
});

describe("customer-replied e-mail (to the assignee)", () => {
  const props = { name: "Alex Martin", reference: "LIT-2026-000042", customerName: "Julie Bernard", attachments: 1, caseUrl: "https://backoffice.accord.example/cases/LIT-2026-000042" };
  it("names the customer, the case and the attachments, with the back-office link", async () => {
    const fr = await renderEmail("customer-replied", "fr", props);
    expect(fr.subject).toBe("Nouveau message du client sur le dossier LIT-2026-000042");
    expect(fr.text).toContain("Julie Bernard a répondu sur le dossier LIT-2026-000042");
    expect(fr.text).toContain("1 pièce jointe.");
    expect(fr.html).toContain(`href="${props.caseUrl}"`);
    const en = await renderEmail("customer-replied", "en", { ...props, attachments: 0 });
    expect(en.text).toContain("No attachment.");
    expect(Object.keys(customerRepliedMessages.en).sort()).toEqual(Object.keys(customerRepliedMessages.fr).sort());
  });
});
