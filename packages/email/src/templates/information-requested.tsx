/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LabelledText, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface InformationRequestedProps {
  /** The customer contact's name. */
  name: string;
  /** The case reference (LIT-YYYY-NNNNNN). */
  reference: string;
  /** What is asked, one entry per item. */
  items: string[];
  /** The message the agent wrote with the request (public), if any. */
  message: string | null;
  /** The date the answer is expected by (YYYY-MM-DD). */
  dueDate: string;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

/** A calendar date, shown as such (no time zone shift). */
const formatDay = (isoDate: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

const fr = {
  subject: (reference: string) => `Informations demandées pour votre dossier ${reference}`,
  preview: (reference: string) => `Nous avons besoin d'éléments complémentaires pour instruire le dossier ${reference}.`,
  intro: (reference: string) => `Pour poursuivre l'instruction de votre dossier ${reference}, nous avons besoin des éléments suivants :`,
  messageLabel: "Message de notre équipe :",
  due: (dueDate: string) => `Merci de nous les transmettre avant le ${formatDay(dueDate, "fr-FR")}.`,
  pause: "Le délai de traitement de votre dossier est suspendu jusqu'à votre réponse.",
  button: "Répondre sur le portail",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference: string) => `Information requested for your case ${reference}`,
  preview: (reference: string) => `We need further information to investigate case ${reference}.`,
  intro: (reference: string) => `To continue investigating your case ${reference}, we need the following:`,
  messageLabel: "Message from our team:",
  due: (dueDate: string) => `Please send them to us by ${formatDay(dueDate, "en-GB")}.`,
  pause: "The processing time of your case is suspended until you answer.",
  button: "Answer in the portal",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const informationRequestedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function InformationRequestedEmail({ name, reference, items, message, dueDate, caseUrl, language }: InformationRequestedProps & { language: EmailLanguage }) {
  const m = informationRequestedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
      {message ? (
        <LabelledText label={m.messageLabel} text={message} />
      ) : null}
      <Text style={emailStyles.paragraph}>{m.due(dueDate)}</Text>
      <Text style={emailStyles.paragraph}>{m.pause}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const informationRequestedTemplate: EmailTemplate<InformationRequestedProps> = {
  audience: "customer",
  subject: (props, language) => informationRequestedMessages[language].subject(props.reference),
  render: (props, language) => <InformationRequestedEmail {...props} language={language} />,
};
