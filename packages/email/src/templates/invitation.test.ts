import { describe, expect, it } from "vitest";
import { redactEmailProps, renderEmail } from "../render";
import { expectEmail } from "../test-email";
import { invitationMessages } from "./invitation";

const acceptUrl = "https://portail.accord.example/invitations/k2n4p6q8r0s2t4v6w8x0";
const props = {
  name: "Julie Bernard",
  inviterName: "Marc Martin",
  companyName: "Boulangeries Martin SAS",
  acceptUrl,
  expiresAt: "2026-12-02T10:30:00.000Z",
};

describe("invitation e-mail", () => {
  it("is in French with who invites, the company, the link and the expiry in Paris time", async () => {
    await expectEmail("invitation", "fr", props, { subject: "Invitation à rejoindre Boulangeries Martin SAS sur Accord", text: ["Bonjour Julie Bernard,", "Marc Martin vous invite à rejoindre l'espace de Boulangeries Martin SAS", acceptUrl, "expire le 2 décembre 2026 à 11:30"], html: [`href="${acceptUrl}"`, 'lang="fr"'] });
  });

  it("is in English with who invites, the company, the link and the expiry", async () => {
    await expectEmail("invitation", "en", props, { subject: "Invitation to join Boulangeries Martin SAS on Accord", text: ["Hello Julie Bernard,", "Marc Martin invites you to join Boulangeries Martin SAS's space", acceptUrl, "expires on 2 December 2026"], notText: [/Bonjour|invite à|expire le/] });
  });

  it("says what the role lets the invitee do: a viewer only reads", async () => {
    await expectEmail("invitation", "fr", { ...props, role: "viewer" }, { text: ["pour consulter les réclamations de votre entreprise"], notText: ["déclarer"] });
    const member = await renderEmail("invitation", "fr", { ...props, role: "member" });
    expect(member.text).toContain("pour déclarer vos réclamations");
    const admin = await renderEmail("invitation", "en", { ...props, role: "admin" });
    expect(admin.text).toContain("manage its users");
  });

  it("escapes names in the HTML", async () => {
    const email = await renderEmail("invitation", "fr", { ...props, inviterName: "<img src=x onerror=alert(1)>" });
    expect(email.html).not.toContain("<img src=x");
  });

  it("has the same message keys in both languages", () => {
    expect(Object.keys(invitationMessages.en).sort()).toEqual(Object.keys(invitationMessages.fr).sort());
  });

  it("keeps no invitation link once redacted", () => {
    expect(redactEmailProps("invitation", props).acceptUrl).toBe("[redacted]");
  });
});
