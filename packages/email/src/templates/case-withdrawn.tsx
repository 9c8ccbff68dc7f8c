/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { EmailLayout, emailStyles, LabelledText, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface CaseWithdrawnProps {
  /** The name of the customer user who withdrew the case. */
  name: string;
  /** The case reference (LIT-YYYY-NNNNNN). */
  reference: string;
  /** The reason they gave. */
  reason: string;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const fr = {
  subject: (reference: string) => `Votre dossier ${reference} est retiré`,
  preview: (reference: string) => `Nous confirmons le retrait de votre dossier ${reference}.`,
  intro: (reference: string) => `Nous confirmons le retrait de votre dossier ${reference}. Il ne sera plus instruit.`,
  reasonLabel: "Motif indiqué :",
  history: "Le dossier et son historique restent consultables sur le portail :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference: string) => `Your case ${reference} is withdrawn`,
  preview: (reference: string) => `We confirm that your case ${reference} is withdrawn.`,
  intro: (reference: string) => `We confirm that your case ${reference} is withdrawn. It will no longer be investigated.`,
  reasonLabel: "Reason given:",
  history: "The case and its history remain available in the portal:",
  signature: "The Accord team",
};

export const caseWithdrawnMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseWithdrawnEmail({ name, reference, reason, caseUrl, language }: CaseWithdrawnProps & { language: EmailLanguage }) {
  const m = caseWithdrawnMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <LabelledText label={m.reasonLabel} text={reason} />
      <LinkInFull label={m.history} href={caseUrl} />
    </EmailLayout>
  );
}

export const caseWithdrawnTemplate: EmailTemplate<CaseWithdrawnProps> = {
  audience: "customer",
  subject: (props, language) => caseWithdrawnMessages[language].subject(props.reference),
  render: (props, language) => <CaseWithdrawnEmail {...props} language={language} />,
};
