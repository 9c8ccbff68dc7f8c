import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { EmailLanguage } from "./language";
import { EmailSenderProvider, type EmailSender } from "./layout";
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

export async function renderEmail<Name extends EmailTemplateName>(
  template: Name,
  language: EmailLanguage,
  props: EmailTemplateProps[Name],
): Promise<RenderedEmail> {
  const definition = emailTemplates[template];
  const html = await render(emailElement(template, language, props));
  // Derived from the HTML so both parts always say the same thing.
  const text = toPlainText(html);
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
