/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

/** A customer has not answered an evidence request or a proposal: first or second reminder. */
export interface CustomerReminderProps {
  /** The customer contact's name. */
  name: string;
  reference: string;
  about: "evidence_request" | "proposal";
  step: 1 | 2;
  /** What the evidence request asks for (empty for a proposal). */
  items: string[];
  /** For an evidence request: the case closes as abandoned after this many more business days; null = it does not. */
  closesAfterBusinessDays: number | null;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const fr = {
  subject: (reference: string, step: number) => `${step === 2 ? "Second rappel" : "Rappel"} : votre dossier ${reference} attend votre réponse`,
  preview: (reference: string) => `Votre dossier ${reference} attend votre réponse.`,
  evidence: (reference: string) => `Nous attendons toujours les éléments demandés pour votre dossier ${reference} :`,
  proposal: (reference: string) => `Notre proposition pour votre dossier ${reference} attend votre réponse : vous pouvez l'accepter ou la refuser sur le portail.`,
  closes: (days: number) => `Sans réponse de votre part sous ${days} jour${days > 1 ? "s" : ""} ouvré${days > 1 ? "s" : ""}, le dossier sera clôturé comme abandonné.`,
  button: "Répondre sur le portail",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference, step) => `${step === 2 ? "Second reminder" : "Reminder"}: your case ${reference} is waiting for your answer`,
  preview: (reference) => `Your case ${reference} is waiting for your answer.`,
  evidence: (reference) => `We are still waiting for the information requested for your case ${reference}:`,
  proposal: (reference) => `Our proposal for your case ${reference} is waiting for your answer: you can accept or decline it in the portal.`,
  closes: (days) => `Without an answer within ${days} business day${days > 1 ? "s" : ""}, the case will be closed as abandoned.`,
  button: "Answer in the portal",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const customerReminderMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CustomerReminderEmail({ name, reference, about, step, items, closesAfterBusinessDays, caseUrl, language }: CustomerReminderProps & { language: EmailLanguage }) {
  const m = customerReminderMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{about === "proposal" ? m.proposal(reference) : m.evidence(reference)}</Text>
      {about === "evidence_request" && items.length > 0 ? (
        <ul>
          {items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      ) : null}
      {about === "evidence_request" && step === 2 && closesAfterBusinessDays !== null ? <Text style={emailStyles.paragraph}>{m.closes(closesAfterBusinessDays)}</Text> : null}
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const customerReminderTemplate: EmailTemplate<CustomerReminderProps> = {
  audience: "customer",
  subject: (props, language) => customerReminderMessages[language].subject(props.reference, props.step),
  render: (props, language) => <CustomerReminderEmail {...props} language={language} />,
};
