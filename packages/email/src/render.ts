import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { EmailLanguage } from "./language";
import { EmailSenderProvider, type EmailSender } from "./layout";
import { plainText } from "./plain-text";
import { emailTemplates, type EmailTemplateName, type EmailTemplateProps } from "./registry";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** The whole e-mail as a React element, with who sends it (added when it was queued) for the layout and the signature. */
export function emailElement<Name extends EmailTemplateName>(template: Name, language: EmailLanguage, props: EmailTemplateProps[Name]): ReactElement {
  const sender = (props as { sender?: EmailSender }).sender ?? null;
  return createElement(EmailSenderProvider, { value: sender }, emailTemplates[template].render(props, language));
}

/** The doctype react-email's `render` puts before every e-mail (XHTML 1.0 Transitional, what mail clients expect). */
const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

/**
 * The e-mail's HTML: react-dom's synchronous `renderToStaticMarkup` of the tree, with react-email's
 * doctype. react-email's `render` streams the tree inside a Suspense boundary (nothing here suspends),
 * which costs ≈ 1.7× more and only adds React's hydration comments (`<!--$-->`, `<!--html-->`, `<!-- -->`…),
 * meaningless in an e-mail; render.test.ts checks that both say the same, byte for byte, without them.
 */
export function renderEmailHtml(element: ReactElement): string {
  const markup = renderToStaticMarkup(element);
  // React adds a preload hint for every <img> (none today); react-email removes them, so do we.
  const html = markup.includes("<link") ? markup.replace(/<link\b[^>]*\brel="preload"[^>]*\bas="image"[^>]*\/?>/g, "") : markup;
  return DOCTYPE + (html.startsWith("<!") ? html.replace(/^<!DOCTYPE[^>]*>/i, "") : html);
}

export async function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  language: EmailLanguage,
  props: EmailTemplateProps[Name],
): Promise<RenderedEmail> {
  const definition = emailTemplates[template];
  const html = renderEmailHtml(emailElement(template, language, props));
  // Derived from the HTML so both parts always say the same thing: what react-email's toPlainText reads (ADR 0047).
  const text = plainText(html);
  return { subject: definition.subject(props, language), html, text };
}

/** The subject alone, stored on the outbox row when the e-mail is queued. */
export function renderSubject<Name extends EmailTemplateName>(
  template: Name,
  language: EmailLanguage,
  props: EmailTemplateProps[Name],
): string {
  return emailTemplates[template].subject(props, language);
}

/** Props without secrets, to keep once the e-mail has been sent. */
export function redactEmailProps<Name extends EmailTemplateName>(
  template: Name,
  props: EmailTemplateProps[Name],
): EmailTemplateProps[Name] {
  const definition = emailTemplates[template];
  return definition.redact ? definition.redact(props) : props;
}
