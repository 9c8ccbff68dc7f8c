/** What each generated preview file renders: a template's sample, signed as queueEmail would sign it. */
import type { ReactElement } from "react";
import type { EmailLanguage } from "../src/language";
import { previewPropsOf } from "../src/previews";
import type { EmailTemplateName } from "../src/registry";
import { emailElement } from "../src/render";

export function previewElement(name: EmailTemplateName, language: EmailLanguage): ReactElement {
  return emailElement(name, language, previewPropsOf(name));
}
