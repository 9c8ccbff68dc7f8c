/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: a case was assigned to a staff member (never sent to a customer). */
export interface CaseAssignedProps {
  /** The new assignee's name. */
  name: string;
  reference: string;
  title: string;
  /** Who assigned it. */
  assignedBy: string;
  /** Absolute link to the case in the back-office, when known. */
  caseUrl: string | null;
}

const fr = {
  subject: (reference: string) => `Le dossier ${reference} vous a été assigné`,
  preview: (reference: string) => `Le dossier ${reference} vous a été assigné.`,
  intro: (reference: string, by: string) => `${by} vous a assigné le dossier ${reference} :`,
  button: "Ouvrir le dossier",
  internal: "E-mail interne : ne pas transférer au client.",
};

const en: typeof fr = {
  subject: (reference) => `Case ${reference} assigned to you`,
  preview: (reference) => `Case ${reference} was assigned to you.`,
  intro: (reference, by) => `${by} assigned case ${reference} to you:`,
  button: "Open the case",
  internal: "Internal e-mail: do not forward to the customer.",
};

export const caseAssignedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseAssignedEmail({ name, reference, title, assignedBy, caseUrl, language }: CaseAssignedProps & { language: EmailLanguage }) {
  const m = caseAssignedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name}>
      <Text style={emailStyles.paragraph}>{m.intro(reference, assignedBy)}</Text>
      <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{title}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <Text style={emailStyles.muted}>{m.internal}</Text>
    </EmailLayout>
  );
}

export const caseAssignedTemplate: EmailTemplate<CaseAssignedProps> = {
  audience: "staff",
  subject: (props, language) => caseAssignedMessages[language].subject(props.reference),
  render: (props, language) => <CaseAssignedEmail {...props} language={language} />,
};
