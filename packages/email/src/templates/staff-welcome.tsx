/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

/** A new staff member's welcome: the link that lets them choose their password (the back-office's reset page). */
export interface StaffWelcomeProps {
  /** The new staff member's display name. */
  name: string;
  /** Who created the account. */
  createdByName: string;
  /** Absolute link to the back-office's password page, carrying the single-use token. */
  setPasswordUrl: string;
  /** ISO instant after which the link no longer works. */
  expiresAt: string;
}

const formatDate = (iso: string, language: EmailLanguage) =>
  new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(iso));

const fr = {
  subject: "Votre accès au back-office Accord",
  preview: "Choisissez votre mot de passe pour accéder au back-office Accord.",
  intro: (by: string) => `${by} vous a créé un accès au back-office Accord. Pour choisir votre mot de passe, utilisez le bouton ci-dessous :`,
  button: "Choisir mon mot de passe",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  validity: (date: string) => `Ce lien ne sert qu'une fois et reste valable jusqu'au ${date}. Ensuite, utilisez « Mot de passe oublié ? » sur la page de connexion.`,
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: "Your access to the Accord back-office",
  preview: "Choose your password to access the Accord back-office.",
  intro: (by: string) => `${by} created an access to the Accord back-office for you. To choose your password, use the button below:`,
  button: "Choose my password",
  fallback: "If the button does not work, copy this link into your browser:",
  validity: (date: string) => `This link works once and stays valid until ${date}. After that, use “Forgot password?” on the sign-in page.`,
  signature: "The Accord team",
};

export const staffWelcomeMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function StaffWelcomeEmail({ name, createdByName, setPasswordUrl, expiresAt, language }: StaffWelcomeProps & { language: EmailLanguage }) {
  const m = staffWelcomeMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(createdByName)}</Text>
      <ActionButton href={setPasswordUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={setPasswordUrl} />
      <Text style={emailStyles.paragraph}>{m.validity(formatDate(expiresAt, language))}</Text>
    </EmailLayout>
  );
}

export const staffWelcomeTemplate: EmailTemplate<StaffWelcomeProps> = {
  audience: "staff",
  subject: (_props, language) => staffWelcomeMessages[language].subject,
  render: (props, language) => <StaffWelcomeEmail {...props} language={language} />,
  redact: (props) => ({ ...props, setPasswordUrl: "[redacted]" }),
};
