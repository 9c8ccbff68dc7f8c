/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface MediationStartedProps {
  /** The customer contact's name. */
  name: string;
  /** The case reference (LIT-YYYY-NNNNNN). */
  reference: string;
  /** The mediator's name. */
  mediatorName: string;
  /** The mediator's organisation (an external mediator's, e.g. « Médiateur des entreprises »); null for an internal one. */
  mediatorOrganisation: string | null;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const fr = {
  subject: (reference: string) => `Votre dossier ${reference} passe en médiation`,
  preview: (reference: string) => `Un médiateur neutre va aider à trouver une solution pour votre dossier ${reference}.`,
  intro: (reference: string) => `Votre dossier ${reference} passe en médiation : une personne neutre va nous aider, vous et nous, à trouver ensemble une solution.`,
  mediator: (name: string, organisation: string | null) => (organisation ? `Votre médiateur : ${name} (${organisation}).` : `Votre médiateur : ${name}, médiateur indépendant des équipes qui traitent votre dossier.`),
  next: "Et maintenant ? Le médiateur va organiser une ou plusieurs séances d'échange. Vous n'avez rien à faire d'ici là : il vous contactera. Si un accord est trouvé, vous recevrez une proposition à accepter en ligne sur le portail.",
  follow: "Vous pouvez suivre le dossier et les comptes rendus de séance partagés sur le portail :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference: string) => `Your case ${reference} goes to mediation`,
  preview: (reference: string) => `A neutral mediator will help find a solution for your case ${reference}.`,
  intro: (reference: string) => `Your case ${reference} goes to mediation: a neutral person will help you and us find a solution together.`,
  mediator: (name: string, organisation: string | null) => (organisation ? `Your mediator: ${name} (${organisation}).` : `Your mediator: ${name}, independent of the teams handling your case.`),
  next: "What happens next? The mediator will arrange one or more meetings. You have nothing to do until then: they will contact you. If an agreement is reached, you will receive a proposal to accept online in the portal.",
  follow: "You can follow the case and the shared meeting notes in the portal:",
  signature: "The Accord team",
};

export const mediationStartedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function MediationStartedEmail({ name, reference, mediatorName, mediatorOrganisation, caseUrl, language }: MediationStartedProps & { language: EmailLanguage }) {
  const m = mediationStartedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <Text style={emailStyles.paragraph}>{m.mediator(mediatorName, mediatorOrganisation)}</Text>
      <Text style={emailStyles.paragraph}>{m.next}</Text>
      <LinkInFull label={m.follow} href={caseUrl} />
    </EmailLayout>
  );
}

export const mediationStartedTemplate: EmailTemplate<MediationStartedProps> = {
  audience: "customer",
  subject: (props, language) => mediationStartedMessages[language].subject(props.reference),
  render: (props, language) => <MediationStartedEmail {...props} language={language} />,
};
