/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface PasswordResetProps {
  /** The recipient's display name. */
  name: string;
  /** Absolute link to the reset page, carrying the single-use token. */
  resetUrl: string;
}

const fr = {
  subject: "Réinitialisation de votre mot de passe Accord",
  preview: "Choisissez un nouveau mot de passe pour votre compte Accord.",
  intro:
    "Nous avons reçu une demande de réinitialisation du mot de passe de votre compte Accord. Pour choisir un nouveau mot de passe, utilisez le bouton ci-dessous :",
  button: "Choisir un nouveau mot de passe",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  validity: "Ce lien est valable 1 heure et ne peut servir qu'une seule fois.",
  ignore:
    "Si vous n'êtes pas à l'origine de cette demande, ignorez cet e-mail : votre mot de passe actuel reste inchangé.",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: "Reset your Accord password",
  preview: "Choose a new password for your Accord account.",
  intro:
    "We received a request to reset the password of your Accord account. To choose a new password, use the button below:",
  button: "Choose a new password",
  fallback: "If the button does not work, copy this link into your browser:",
  validity: "This link is valid for 1 hour and can be used only once.",
  ignore: "If you did not request this, ignore this e-mail: your current password stays unchanged.",
  signature: "The Accord team",
};

export const passwordResetMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function PasswordResetEmail({ name, resetUrl, language }: PasswordResetProps & { language: EmailLanguage }) {
  const m = passwordResetMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro}</Text>
      <ActionButton href={resetUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={resetUrl} />
      <Text style={emailStyles.paragraph}>{m.validity}</Text>
      <Text style={emailStyles.paragraph}>{m.ignore}</Text>
    </EmailLayout>
  );
}

export const passwordResetTemplate: EmailTemplate<PasswordResetProps> = {
  audience: "customer",
  subject: (_props, language) => passwordResetMessages[language].subject,
  render: (props, language) => <PasswordResetEmail {...props} language={language} />,
  redact: (props) => ({ ...props, resetUrl: "[redacted]" }),
};
