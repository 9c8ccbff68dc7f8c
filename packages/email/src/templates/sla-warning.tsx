/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: a case reached the warning share of an SLA target (to the assignee; never to a customer). */
export interface SlaWarningProps {
  /** The assignee's name. */
  name: string;
  reference: string;
  title: string;
  target: "first_response" | "resolution";
  /** The target's deadline (ISO instant). */
  dueAt: string;
  /** Absolute link to the case in the back-office, when known. */
  caseUrl: string | null;
}

const when = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));

const fr = {
  subject: (reference: string, target: SlaWarningProps["target"]) =>
    `Alerte SLA : ${target === "first_response" ? "première réponse" : "résolution"} du dossier ${reference} bientôt due`,
  preview: (reference: string) => `Le dossier ${reference} approche de son échéance.`,
  intro: (reference: string, target: SlaWarningProps["target"], dueAt: string) =>
    `Le dossier ${reference} approche de son objectif de ${target === "first_response" ? "première réponse" : "résolution"} : échéance le ${when(dueAt, "fr-FR")} (heure de Paris).`,
  button: "Ouvrir le dossier",
  internal: "E-mail interne : ne pas transférer au client.",
};

const en: typeof fr = {
  subject: (reference, target) => `SLA warning: ${target === "first_response" ? "first response" : "resolution"} of case ${reference} due soon`,
  preview: (reference) => `Case ${reference} is approaching its deadline.`,
  intro: (reference, target, dueAt) =>
    `Case ${reference} is approaching its ${target === "first_response" ? "first-response" : "resolution"} target: due on ${when(dueAt, "en-GB")} (Paris time).`,
  button: "Open the case",
  internal: "Internal e-mail: do not forward to the customer.",
};

export const slaWarningMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function SlaWarningEmail({ name, reference, title, target, dueAt, caseUrl, language }: SlaWarningProps & { language: EmailLanguage }) {
  const m = slaWarningMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name}>
      <Text style={emailStyles.paragraph}>{m.intro(reference, target, dueAt)}</Text>
      <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{title}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <Text style={emailStyles.muted}>{m.internal}</Text>
    </EmailLayout>
  );
}

export const slaWarningTemplate: EmailTemplate<SlaWarningProps> = {
  audience: "staff",
  subject: (props, language) => slaWarningMessages[language].subject(props.reference, props.target),
  render: (props, language) => <SlaWarningEmail {...props} language={language} />,
};
