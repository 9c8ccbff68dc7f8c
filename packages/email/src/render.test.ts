import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES } from "./language";
import { emailTemplates, type EmailTemplateProps } from "./registry";
import { redactEmailProps, renderEmail, renderSubject } from "./render";
import { expectEmail } from "./test-email";
import { passwordResetMessages } from "./templates/password-reset";

const resetUrl = "https://portail.accord.example/reset-password?token=k2n4p6q8r0s2t4v6w8x0";
const props = { name: "Élodie Martin", resetUrl };

/** Leftovers of a missing translation or a broken interpolation. */
const untranslated = [/undefined/, /\[object Object\]/, /\{\{/, /\bNaN\b/, /=>/];

describe("password-reset e-mail", () => {
  it("is in French with the link, the name, the validity and the ignore notice", async () => {
    await expectEmail("password-reset", "fr", props, { subject: "Réinitialisation de votre mot de passe Accord", text: ["Bonjour Élodie Martin,", resetUrl, "valable 1 heure", "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail"], html: [`href="${resetUrl}"`, 'lang="fr"'] });
  });

  it("is in English with the link, the name, the validity and the ignore notice", async () => {
    await expectEmail("password-reset", "en", props, { subject: "Reset your Accord password", text: ["Hello Élodie Martin,", resetUrl, "valid for 1 hour", "If you did not request this, ignore this e-mail"], notText: [/mot de passe|Bonjour|valable/], html: [`href="${resetUrl}"`, 'lang="en"'] });
  });

  it("escapes the recipient's name in the HTML", async () => {
    const email = await renderEmail("password-reset", "fr", { ...props, name: "<script>x</script>" });
    expect(email.html).not.toContain("<script>");
  });

  it("has the same message keys in both languages", () => {
    expect(Object.keys(passwordResetMessages.en).sort()).toEqual(Object.keys(passwordResetMessages.fr).sort());
  });

  it("keeps no reset link once redacted", () => {
    expect(redactEmailProps("password-reset", props)).toEqual({ name: "Élodie Martin", resetUrl: "[redacted]" });
  });
});

describe("every template", () => {
  const names = Object.keys(emailTemplates) as (keyof typeof emailTemplates)[];
  const sampleProps: { [N in keyof typeof emailTemplates]: EmailTemplateProps[N] } = {
    "password-reset": props,
    "staff-welcome": { name: "Nina Leroy", createdByName: "Ada Admin", setPasswordUrl: "https://support.accord.example/reset-password?token=abc", expiresAt: "2026-12-02T10:30:00.000Z" },
    invitation: { name: "Julie Bernard", inviterName: "Marc Martin", companyName: "Boulangeries Martin SAS", acceptUrl: "https://portail.accord.example/invitations/abc", expiresAt: "2026-12-02T10:30:00.000Z" },
    "claim-acknowledged": {
      name: "Julie Bernard",
      reference: "LIT-2026-000042",
      type: "quality",
      title: "Pains brûlés",
      lines: [{ invoiceNumber: "FA-2026-0001", description: "Baguette tradition" }],
      claimedCents: 2550,
      vatCents: 140,
      currency: "EUR",
      fileCount: 2,
      firstResponse: { unit: "business_days", value: 1 },
      resolution: { unit: "business_days", value: 10 },
      caseUrl: "https://portail.accord.example/cases/LIT-2026-000042",
    },
    "information-requested": { name: "Julie Bernard", reference: "LIT-2026-000042", items: ["Photos du lot"], message: null, dueDate: "2026-12-04", caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "case-withdrawn": { name: "Julie Bernard", reference: "LIT-2026-000042", reason: "Marchandise retrouvée", caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "customer-replied": { name: "Alex Martin", reference: "LIT-2026-000042", customerName: "Julie Bernard", attachments: 2, caseUrl: "https://backoffice.accord.example/cases/LIT-2026-000042" },
    "case-reply": { name: "Julie Bernard", reference: "LIT-2026-000042", body: "Nous avons bien reçu vos photos.", articles: [{ title: "Délais", url: null }], caseUrl: null },
    "case-assigned": { name: "Camille Dubois", reference: "LIT-2026-000042", title: "Pains brûlés", assignedBy: "Julien Moreau", caseUrl: null },
    "case-rejected": { name: "Julie Bernard", reference: "LIT-2026-000042", reasons: ["Hors délai contractuel"], caseUrl: null },
    "case-merged": { name: "Julie Bernard", reference: "LIT-2026-000043", originalReference: "LIT-2026-000042", originalUrl: null },
    "stakeholder-notified": { name: "Claire Petit", reference: "LIT-2026-000042", title: "Pains brûlés", accountName: "Boulangeries Martin SAS", sentBy: "Camille Dubois", message: "Risque de pénalités", caseUrl: null },
    "proposal-offered": { name: "Julie Bernard", reference: "LIT-2026-000042", proposalNumber: 1, kind: "credit_note", amountExclVatCents: 2550, vatCents: 140, currency: "EUR", expiresOn: "2026-12-18", terms: "Avoir sur la prochaine facture.", concessions: null, proposalUrl: "https://portail.accord.example/cases/LIT-2026-000042/proposals/1" },
    "approval-requested": { name: "Sophie Laurent", reference: "LIT-2026-000042", proposalNumber: 1, kind: "refund", amountExclVatCents: 2550, currency: "EUR", authorName: "Camille Dubois", levels: ["supervisor"], approvalUrl: "https://backoffice.accord.example/approvals" },
    "approval-decided": { name: "Camille Dubois", reference: "LIT-2026-000042", proposalNumber: 1, decision: "rejected", approverName: "Sophie Laurent", level: "supervisor", comment: "Montant trop élevé", offered: false, caseUrl: "https://backoffice.accord.example/cases/LIT-2026-000042" },
    "proposal-answered": { name: "Camille Dubois", reference: "LIT-2026-000042", proposalNumber: 1, answer: "declined", customerName: "Julie Bernard", comment: null, counter: null, currency: "EUR", caseUrl: "https://backoffice.accord.example/cases/LIT-2026-000042" },
    "proposal-accepted": { name: "Julie Bernard", reference: "LIT-2026-000042", proposalNumber: 1, kind: "credit_note", amountExclVatCents: 2550, vatCents: 140, currency: "EUR", signerName: "Julie Bernard", acceptedAt: "2026-12-06T09:30:00.000Z", textSha256: "0".repeat(64), agreementSha256: "f".repeat(64), newDueDates: [], caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "case-resolved": { name: "Julie Bernard", reference: "LIT-2026-000042", outcome: "rejected", grantedCents: 0, penaltiesCents: 0, currency: "EUR", newDueDates: [], caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "case-closed": { name: "Julie Bernard", reference: "LIT-2026-000042", surveyUrl: "https://portail.accord.example/cases/LIT-2026-000042/survey", caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "sla-warning": { name: "Camille Dubois", reference: "LIT-2026-000042", title: "Pains brûlés", target: "first_response", dueAt: "2026-12-04T09:00:00.000Z", caseUrl: null },
    "sla-breach": { name: "Sophie Laurent", reference: "LIT-2026-000042", title: "Pains brûlés", target: "resolution", dueAt: "2026-12-04T09:00:00.000Z", priorityBefore: "P3", priorityAfter: "P2", assigneeName: "Camille Dubois", caseUrl: null },
    "inactivity-reminder": { name: "Camille Dubois", reference: "LIT-2026-000042", title: "Pains brûlés", businessDays: 3, lastActivityAt: "2026-12-01T09:00:00.000Z", caseUrl: null },
    "customer-reminder": { name: "Julie Bernard", reference: "LIT-2026-000042", about: "evidence_request", step: 1, items: ["Photos du lot"], closesAfterBusinessDays: null, caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "case-abandoned": { name: "Julie Bernard", reference: "LIT-2026-000042", caseUrl: "https://portail.accord.example/cases/LIT-2026-000042" },
    "pre-due-reminder": { name: "Julie Bernard", invoices: [{ number: "FA-2026-0001", dueDate: "2026-12-10", amountDueCents: 2550, currency: "EUR", reportUrl: "https://portail.accord.example/claims/new?invoice=1" }], preferencesUrl: "https://portail.accord.example/profile" },
  };

  for (const name of names) {
    for (const language of EMAIL_LANGUAGES) {
      it(`${name} (${language}) renders a subject, HTML with the shared layout, and text without untranslated leftovers`, async () => {
        const email = await renderEmail(name, language, sampleProps[name]);
        expect(email.subject).toBe(renderSubject(name, language, sampleProps[name]));
        expect(email.subject.length).toBeGreaterThan(0);
        expect(email.html).toMatch(/^<!DOCTYPE html/);
        expect(email.text).toContain("Accord");
        for (const leftover of untranslated) {
          expect(email.text).not.toMatch(leftover);
          expect(email.subject).not.toMatch(leftover);
        }
      });
    }
    it(`${name} differs between French and English`, async () => {
      const [fr, en] = await Promise.all(EMAIL_LANGUAGES.map((l) => renderEmail(name, l, sampleProps[name])));
      expect(fr?.subject).not.toBe(en?.subject);
      expect(fr?.text).not.toBe(en?.text);
    });
  }
});
