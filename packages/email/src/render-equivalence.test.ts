/**
 * renderEmail renders with react-dom's renderToStaticMarkup and a compiled html-to-text (ADR 0047), not
 * react-email's `render` + `toPlainText`: for every template, in both languages, from its sample and with
 * text that needs escaping, the e-mail is the one react-email makes, byte for byte, less React's
 * hydration comments; and its plain text is the very text `toPlainText` reads from react-email's HTML.
 */
import { render, toPlainText } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { EMAIL_LANGUAGES } from "./language";
import type { EmailSender } from "./layout";
import { previewPropsOf } from "./previews";
import { fastPlainText } from "./plain-text";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "./registry";
import { emailElement, renderEmail } from "./render";

const names = Object.keys(emailTemplates) as EmailTemplateName[];

/** The comments React's streaming render adds (Suspense boundary, document preamble, text separators). */
const REACT_MARKERS = /<!--(?:\$|\/\$|html|head|body| )-->/g;

/** Props that are free text (names, titles, messages), as people type them. */
const FREE_TEXT = new Set(["name", "title", "body", "message", "comment", "reference", "accountName", "companyName", "inviterName", "sentBy", "assignedBy", "createdByName", "assigneeName", "publicRationale"]);
const escaped = (value: string) => `${value} <b>&amp;</b> "l'été" \u00a0\n  à <x>`;

/** The sample with its free text, and the sender's, holding what must be escaped. */
function hostile<Name extends EmailTemplateName>(name: Name): EmailTemplateProps[Name] {
  const sample = previewPropsOf(name) as unknown as Record<string, unknown> & { sender: EmailSender };
  const props: Record<string, unknown> = { ...sample };
  for (const [key, value] of Object.entries(sample)) if (typeof value === "string" && FREE_TEXT.has(key)) props[key] = escaped(value);
  const supplier = sample.sender.supplier!;
  props.sender = { supplier: { ...supplier, legalName: escaped(supplier.legalName), address: escaped(supplier.address) }, agentName: escaped(sample.sender.agentName!) };
  return props as unknown as EmailTemplateProps[Name];
}

describe("renderEmail says what react-email's render and toPlainText say", () => {
  describe.each(names)("%s", (name) => {
    it.each(EMAIL_LANGUAGES)("in %s, from the sample and with text to escape", async (language) => {
      for (const props of [previewPropsOf(name), hostile(name)]) {
        const reference = await render(emailElement(name, language, props));
        const email = await renderEmail(name, language, props);
        expect(reference).toMatch(REACT_MARKERS);
        expect(email.html).not.toMatch(REACT_MARKERS);
        expect(email.html).toBe(reference.replace(REACT_MARKERS, ""));
        expect(email.text).toBe(toPlainText(reference));
        // …through the fast path, not html-to-text's fallback
        expect(fastPlainText(email.html)).toBe(email.text);
      }
    });
  });
});
