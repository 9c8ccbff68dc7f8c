/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** The case was rejected as unfounded: the customer contact is told why. Mandatory. */
export interface CaseRejectedProps {
  name: string;
  reference: string;
  reasons: string[];
  caseUrl: string | null;
}

const fr = {
  subject: (reference: string) => `Votre dossier ${reference} n'a pas été retenu`,
  preview: (reference: string) => `Après examen, le dossier ${reference} n'a pas été retenu.`,
  intro: (reference: string) => `Après examen, nous ne pouvons pas donner suite à votre dossier ${reference}, pour les raisons suivantes :`,
  contact: "Si vous disposez d'éléments nouveaux, vous pouvez ouvrir une nouvelle réclamation depuis le portail.",
  button: "Voir le dossier",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `Your case ${reference} was not upheld`,
  preview: (reference) => `After review, case ${reference} was not upheld.`,
  intro: (reference) => `After review, we cannot uphold your case ${reference}, for the following reasons:`,
  contact: "If you have new information, you may file a new claim from the portal.",
  button: "View the case",
  signature: "The Accord team",
};

export const caseRejectedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseRejectedEmail({ name, reference, reasons, caseUrl, language }: CaseRejectedProps & { language: EmailLanguage }) {
  const m = caseRejectedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      {reasons.map((reason, i) => (
        <Text key={i} style={{ ...emailStyles.paragraph, margin: "4px 0 4px 12px" }}>
          • {reason}
        </Text>
      ))}
      <Text style={emailStyles.paragraph}>{m.contact}</Text>
      <ActionButton href={caseUrl} label={m.button} />
    </EmailLayout>
  );
}

export const caseRejectedTemplate: EmailTemplate<CaseRejectedProps> = {
  audience: "customer",
  subject: (props, language) => caseRejectedMessages[language].subject(props.reference),
  render: (props, language) => <CaseRejectedEmail {...props} language={language} />,
};
