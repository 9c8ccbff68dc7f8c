import { describe, expect, it } from "vitest";
import { renderEmail } from "../render";
import { expectEmail } from "../test-email";

const caseUrl = "https://portail.accord.example/cases/LIT-2026-000042";

describe("case-reply e-mail", () => {
  it("carries the reply, the linked articles and the link, in French and English", async () => {
    const props = {
      name: "Julie Bernard",
      reference: "LIT-2026-000042",
      body: "Nous avons bien reçu vos photos.\nUn technicien passe jeudi.",
      articles: [{ title: "Délais de réclamation", url: "https://portail.accord.example/help/delais" }],
      caseUrl,
    };
    await expectEmail("case-reply", "fr", props, { subject: "Nouvelle réponse sur votre dossier LIT-2026-000042", text: ["Un technicien passe jeudi.", "Délais de réclamation"], html: [`href="${caseUrl}"`] });
    await expectEmail("case-reply", "en", { ...props, articles: [], caseUrl: null }, { subject: "New reply on your case LIT-2026-000042", notText: ["Help articles"] });
  });

  it("keeps the reply's paragraphs and line breaks apart in the plain-text part", async () => {
    const body = "Bonjour,\n\nNous avons bien reçu vos photos.\nUn technicien passe jeudi.\n\nCordialement";
    await expectEmail("case-reply", "fr", { name: "Julie", reference: "LIT-2026-000042", body, articles: [], caseUrl: null }, { text: ["Nous avons bien reçu vos photos.\nUn technicien passe jeudi.\n\nCordialement", /Bonjour,\n\nNous avons/] });
  });
});

describe("case-rejected, case-merged, case-assigned, stakeholder-notified e-mails", () => {
  it("list the reasons of a rejection", async () => {
    const email = await renderEmail("case-rejected", "fr", { name: "Julie", reference: "LIT-2026-000042", reasons: ["Hors délai", "<b>signé</b>"], caseUrl: null });
    expect(email.text).toContain("Hors délai");
    expect(email.html).not.toContain("<b>signé</b>");
  });

  it("tell the customer where a merged case continues", async () => {
    await expectEmail("case-merged", "en", { name: "Julie", reference: "LIT-2026-000043", originalReference: "LIT-2026-000042", originalUrl: caseUrl }, { subject: "Your case LIT-2026-000043 was merged into case LIT-2026-000042", html: [caseUrl] });
  });

  it("mark internal e-mails as internal", async () => {
    await expectEmail("case-assigned", "fr", { name: "Camille", reference: "LIT-2026-000042", title: "Granulés humides", assignedBy: "Julien", caseUrl: null }, { subject: "Le dossier LIT-2026-000042 vous a été assigné", text: ["E-mail interne"] });
    const notified = await renderEmail("stakeholder-notified", "en", {
      name: "Claire",
      reference: "LIT-2026-000042",
      title: "Granulés humides",
      accountName: "Bâtir SAS",
      sentBy: "Camille",
      message: "Penalty risk",
      caseUrl: null,
    });
    expect(notified.text).toContain("Penalty risk");
    expect(notified.text).toContain("Internal e-mail");
  });
});
