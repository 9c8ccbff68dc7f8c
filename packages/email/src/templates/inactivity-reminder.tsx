/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: nothing happened on an open case for N business days (to the assignee). */
export interface InactivityReminderProps {
  name: string;
  reference: string;
  title: string;
  businessDays: number;
  /** The last activity (ISO instant). */
  lastActivityAt: string;
  caseUrl: string | null;
}

const day = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));

const fr = {
  subject: (reference: string) => `Relance : aucune activité sur le dossier ${reference}`,
  preview: (reference: string) => `Le dossier ${reference} attend une action.`,
  intro: (reference: string, days: number, last: string) =>
    `Aucune activité sur le dossier ${reference} depuis ${days} jour${days > 1 ? "s" : ""} ouvré${days > 1 ? "s" : ""} (dernière le ${day(last, "fr-FR")}).`,
  button: "Ouvrir le dossier",
  internal: "E-mail interne : ne pas transférer au client.",
};

const en: typeof fr = {
  subject: (reference) => `Reminder: no activity on case ${reference}`,
  preview: (reference) => `Case ${reference} is waiting for an action.`,
  intro: (reference, days, last) => `No activity on case ${reference} for ${days} business day${days > 1 ? "s" : ""} (last on ${day(last, "en-GB")}).`,
  button: "Open the case",
  internal: "Internal e-mail: do not forward to the customer.",
};

export const inactivityReminderMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function InactivityReminderEmail({ name, reference, title, businessDays, lastActivityAt, caseUrl, language }: InactivityReminderProps & { language: EmailLanguage }) {
  const m = inactivityReminderMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name}>
      <Text style={emailStyles.paragraph}>{m.intro(reference, businessDays, lastActivityAt)}</Text>
      <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{title}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <Text style={emailStyles.muted}>{m.internal}</Text>
    </EmailLayout>
  );
}

export const inactivityReminderTemplate: EmailTemplate<InactivityReminderProps> = {
  audience: "staff",
  subject: (props, language) => inactivityReminderMessages[language].subject(props.reference),
  render: (props, language) => <InactivityReminderEmail {...props} language={language} />,
};
