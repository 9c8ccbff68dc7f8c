/**
 * Every registered template, in French and in English, from its preview sample (issue 13, point 4):
 * an HTML and a plain-text part that say the same thing, the case reference in the subject of every
 * e-mail about a case, and nothing internal in what a customer reads (ADR 0033).
 */
import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES } from "../language";
import { previewPropsOf } from "../previews";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "../registry";
import { renderEmail, renderSubject } from "../render";

const names = Object.keys(emailTemplates) as EmailTemplateName[];

/** Leftovers of a missing translation or a broken interpolation. */
const untranslated = [/undefined/, /\[object Object\]/, /\{\{/, /\bNaN\b/, /=>/];

/** The other branches of some templates (the samples show one): a refusal, a rejection without new due dates, a decline. */
const variants: { [Name in EmailTemplateName]?: Partial<EmailTemplateProps[Name]>[] } = {
  "approval-decided": [{ decision: "rejected", comment: "Montant trop élevé", offered: false }],
  "case-resolved": [{ outcome: "rejected", grantedCents: 0, penaltiesCents: 0, publicRationale: null, creditNoteNumber: null, newDueDates: [] }],
  "proposal-answered": [{ answer: "declined", comment: null, counter: null }, { answer: "accepted", comment: null, counter: null }],
  "case-reply": [{ articles: [], caseUrl: null }],
};

/** What staff know and customers must never read, smuggled into the props as a careless caller might. */
const SENTINELS = {
  internalNote: "NOTE-INTERNE-7f3a : client difficile, ne pas céder",
  internalEvidenceName: "rapport-interne-marge-7f3a.pdf",
  staffOnlyAmount: "987 654,32",
};
const internalFields = {
  internalNote: SENTINELS.internalNote,
  internalRationale: SENTINELS.internalNote,
  notes: [{ visibility: "internal", body: SENTINELS.internalNote }],
  internalEvidence: [{ name: SENTINELS.internalEvidenceName, visibility: "internal" }],
  evidence: [{ name: SENTINELS.internalEvidenceName, visibility: "internal" }],
  staffOnlyAmountCents: 98_765_432,
  marginCents: 98_765_432,
  approvalLimitCents: 98_765_432,
};

describe("every registered template", () => {
  it("has a sample and declares its audience", () => {
    for (const name of names) {
      expect(["customer", "staff"], name).toContain(emailTemplates[name].audience);
      expect(previewPropsOf(name), name).toBeTruthy();
    }
    // The e-mails a customer's people read are declared so.
    for (const name of ["claim-acknowledged", "case-reply", "proposal-offered", "case-resolved", "case-closed", "invitation", "information-requested"] as const) {
      expect(emailTemplates[name].audience, name).toBe("customer");
    }
  });

  describe.each(names)("%s", (name) => {
    it.each(EMAIL_LANGUAGES)("renders in %s: HTML and plain text, the reference in the subject", async (language) => {
      const props = previewPropsOf(name);
      const rendered = await renderEmail(name, language, props);
      expect(rendered.subject.trim()).not.toBe("");
      expect(rendered.html).toMatch(/^<!DOCTYPE html/i);
      expect(rendered.html).toContain(`lang="${language}"`);
      expect(rendered.text.trim().length).toBeGreaterThan(40);
      expect(rendered.text).not.toMatch(/<\/?(p|div|table|td|a|span)\b/i);
      expect(rendered.subject).toBe(renderSubject(name, language, props));
      expect(rendered.text).toContain("Accord");
      for (const leftover of untranslated) {
        expect(rendered.text).not.toMatch(leftover);
        expect(rendered.subject).not.toMatch(leftover);
      }
      expect(rendered.html).not.toMatch(/\{\{|>undefined<|\[object Object\]|NaN/);
      // The greeting names the recipient in both parts.
      expect(rendered.text).toContain((props as { name: string }).name);
      if ("reference" in props) expect(rendered.subject).toContain((props as { reference: string }).reference);
    });
  });

  it("the other branches render too, in both languages, without leftovers", async () => {
    for (const name of names) {
      for (const variant of variants[name] ?? []) {
        for (const language of EMAIL_LANGUAGES) {
          const rendered = await renderEmail(name, language, { ...previewPropsOf(name), ...variant } as EmailTemplateProps[typeof name]);
          for (const leftover of untranslated) expect(rendered.text, `${name} ${language}`).not.toMatch(leftover);
        }
      }
    }
  });

  it("the two languages differ (each template has both catalogues)", async () => {
    for (const name of names) {
      const [fr, en] = await Promise.all(EMAIL_LANGUAGES.map((language) => renderEmail(name, language, previewPropsOf(name))));
      expect(fr!.subject, name).not.toBe(en!.subject);
      expect(fr!.text, name).not.toBe(en!.text);
    }
  });

  const customerTemplates = names.filter((name) => emailTemplates[name].audience === "customer");
  it.each(customerTemplates)("%s (customer) never shows an internal note, an internal evidence name or a staff-only amount", async (name) => {
    for (const language of EMAIL_LANGUAGES) {
      const props = { ...previewPropsOf(name), ...internalFields } as EmailTemplateProps[typeof name];
      const rendered = await renderEmail(name, language, props);
      for (const part of [rendered.subject, rendered.html, rendered.text]) {
        expect(part).not.toContain(SENTINELS.internalNote);
        expect(part).not.toContain("NOTE-INTERNE-7f3a");
        expect(part).not.toContain(SENTINELS.internalEvidenceName);
        expect(part.replace(/[\u202f\u00a0]/g, " ")).not.toContain(SENTINELS.staffOnlyAmount);
        expect(part).not.toMatch(/987[\s\u202f\u00a0,.]?654/);
      }
    }
  });
});
