/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** A case was a duplicate and was merged into its original: the customer follows the original now. */
export interface CaseMergedProps {
  name: string;
  reference: string;
  originalReference: string;
  /** Absolute link to the original case in the portal, when known. */
  originalUrl: string | null;
}

const fr = {
  subject: (reference: string, original: string) => `Votre dossier ${reference} est rattaché au dossier ${original}`,
  preview: (original: string) => `Le suivi continue sur le dossier ${original}.`,
  intro: (reference: string, original: string) =>
    `Votre dossier ${reference} porte sur le même sujet que le dossier ${original}. Nous les avons réunis : vos messages et vos pièces jointes ont été rattachés au dossier ${original}, où le suivi continue.`,
  button: "Voir le dossier",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference, original) => `Your case ${reference} was merged into case ${original}`,
  preview: (original) => `Follow-up continues on case ${original}.`,
  intro: (reference, original) =>
    `Your case ${reference} is about the same matter as case ${original}. We merged them: your messages and attachments were moved to case ${original}, where the follow-up continues.`,
  button: "View the case",
  signature: "The Accord team",
};

export const caseMergedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseMergedEmail({ name, reference, originalReference, originalUrl, language }: CaseMergedProps & { language: EmailLanguage }) {
  const m = caseMergedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(originalReference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference, originalReference)}</Text>
      <ActionButton href={originalUrl} label={m.button} />
    </EmailLayout>
  );
}

export const caseMergedTemplate: EmailTemplate<CaseMergedProps> = {
  audience: "customer",
  subject: (props, language) => caseMergedMessages[language].subject(props.reference, props.originalReference),
  render: (props, language) => <CaseMergedEmail {...props} language={language} />,
};
