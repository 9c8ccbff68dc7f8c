/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

/** The customer never answered an evidence request nor its reminders: the case is closed as abandoned. */
export interface CaseAbandonedProps {
  name: string;
  reference: string;
  caseUrl: string;
}

const fr = {
  subject: (reference: string) => `Votre dossier ${reference} est clôturé sans réponse de votre part`,
  preview: (reference: string) => `Le dossier ${reference} est clôturé comme abandonné.`,
  intro: (reference: string) =>
    `Faute de réponse à notre demande d'éléments et à nos deux rappels, votre dossier ${reference} est clôturé comme abandonné.`,
  again: "Si le problème demeure, vous pouvez signaler un nouveau problème sur le portail en y joignant les éléments demandés.",
  history: "Le dossier et son historique restent consultables sur le portail :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `Your case ${reference} is closed without an answer from you`,
  preview: (reference) => `Case ${reference} is closed as abandoned.`,
  intro: (reference) => `As our request for information and our two reminders went unanswered, your case ${reference} is closed as abandoned.`,
  again: "If the problem remains, you can report a new problem in the portal with the information requested.",
  history: "The case and its history remain available in the portal:",
  signature: "The Accord team",
};

export const caseAbandonedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseAbandonedEmail({ name, reference, caseUrl, language }: CaseAbandonedProps & { language: EmailLanguage }) {
  const m = caseAbandonedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <Text style={emailStyles.paragraph}>{m.again}</Text>
      <LinkInFull label={m.history} href={caseUrl} />
    </EmailLayout>
  );
}

export const caseAbandonedTemplate: EmailTemplate<CaseAbandonedProps> = {
  audience: "customer",
  subject: (props, language) => caseAbandonedMessages[language].subject(props.reference),
  render: (props, language) => <CaseAbandonedEmail {...props} language={language} />,
};
