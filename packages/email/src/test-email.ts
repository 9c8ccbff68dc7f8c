import { expect } from "vitest";
import type { EmailLanguage } from "./language";
import type { EmailTemplateName, EmailTemplateProps } from "./registry";
import { renderEmail, type RenderedEmail } from "./render";

/** What a test expects of a rendered e-mail: its subject, what its text holds (a string, or a pattern it matches) and does not, what its HTML holds. */
export interface ExpectedEmail {
  subject?: string;
  text?: readonly (string | RegExp)[];
  notText?: readonly (string | RegExp)[];
  html?: readonly string[];
}

/** Renders the e-mail `name` in `language` and checks it against `expected`; returns it for the test's other checks. Tests only. */
export async function expectEmail<Name extends EmailTemplateName>(name: Name, language: EmailLanguage, props: EmailTemplateProps[Name], expected: ExpectedEmail): Promise<RenderedEmail> {
  const email = await renderEmail(name, language, props);
  if (expected.subject !== undefined) expect(email.subject).toBe(expected.subject);
  for (const part of expected.text ?? []) {
    if (typeof part === "string") expect(email.text).toContain(part);
    else expect(email.text).toMatch(part);
  }
  for (const part of expected.notText ?? []) {
    if (typeof part === "string") expect(email.text).not.toContain(part);
    else expect(email.text).not.toMatch(part);
  }
  for (const part of expected.html ?? []) expect(email.html).toContain(part);
  return email;
}
