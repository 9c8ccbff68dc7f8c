/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: tells the assignee that the customer wrote on a case. */
export interface CustomerRepliedProps {
  /** The assignee's name. */
  name: string;
  reference: string;
  /** The customer user who wrote. */
  customerName: string;
  /** How many files came with the message. */
  attachments: number;
  /** Absolute link to the case in the back-office. */
  caseUrl: string;
}

const fr = {
  subject: (reference: string) => `Nouveau message du client sur le dossier ${reference}`,
  preview: (customerName: string, reference: string) => `${customerName} a écrit sur le dossier ${reference}.`,
  intro: (customerName: string, reference: string) => `${customerName} a répondu sur le dossier ${reference}, qui vous est attribué.`,
  attachments: (count: number) => (count === 0 ? "Aucune pièce jointe." : count === 1 ? "1 pièce jointe." : `${count} pièces jointes.`),
  button: "Ouvrir le dossier",
  signature: "Accord",
};

const en: typeof fr = {
  subject: (reference: string) => `New customer message on case ${reference}`,
  preview: (customerName: string, reference: string) => `${customerName} wrote on case ${reference}.`,
  intro: (customerName: string, reference: string) => `${customerName} replied on case ${reference}, which is assigned to you.`,
  attachments: (count: number) => (count === 0 ? "No attachment." : count === 1 ? "1 attachment." : `${count} attachments.`),
  button: "Open the case",
  signature: "Accord",
};

export const customerRepliedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CustomerRepliedEmail({ name, reference, customerName, attachments, caseUrl, language }: CustomerRepliedProps & { language: EmailLanguage }) {
  const m = customerRepliedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(customerName, reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(customerName, reference)}</Text>
      <Text style={emailStyles.paragraph}>{m.attachments(attachments)}</Text>
      <ActionButton href={caseUrl} label={m.button} />
    </EmailLayout>
  );
}

export const customerRepliedTemplate: EmailTemplate<CustomerRepliedProps> = {
  audience: "staff",
  subject: (props, language) => customerRepliedMessages[language].subject(props.reference),
  render: (props, language) => <CustomerRepliedEmail {...props} language={language} />,
};
