/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { ProposalKind } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";
import { formatInstant, NewDueDates, offerInWords, ProposalAmounts, type NewDueDate } from "./settlement-shared";

/**
 * The customer's acceptance, confirmed to the customer who accepted: the acceptance record, the
 * agreement ("protocole d'accord", attached by the caller) and the invoices' new due dates.
 */
export interface ProposalAcceptedProps {
  /** The customer user who accepted. */
  name: string;
  reference: string;
  proposalNumber: number;
  kind: ProposalKind;
  /** Amount excluding VAT and its VAT, in cents of `currency`. */
  amountExclVatCents: number;
  vatCents: number;
  currency: string;
  /** The name the signer typed. */
  signerName: string;
  /** When the acceptance was recorded (ISO instant). */
  acceptedAt: string;
  /** SHA-256 (hex) of the exact proposal text shown and accepted. */
  textSha256: string;
  /** SHA-256 (hex) of the agreement PDF attached. */
  agreementSha256: string;
  /** Each disputed invoice's new due dates. */
  newDueDates: NewDueDate[];
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const hashStyle = { fontFamily: "Menlo, Consolas, monospace", fontSize: "12px", wordBreak: "break-all" } as const;

const fr = {
  subject: (reference: string) => `Votre acceptation est enregistrée : dossier ${reference}`,
  preview: (reference: string) => `Nous confirmons votre acceptation de notre proposition pour le dossier ${reference}. Le protocole d'accord est joint.`,
  intro: (number: number, reference: string, offer: string) => `Vous avez accepté notre proposition n° ${number} pour le dossier ${reference} : ${offer}. Nous vous en remercions.`,
  recordTitle: "Votre acceptation est enregistrée ainsi :",
  signer: (name: string) => `Signataire : ${name}`,
  acceptedAt: (when: string) => `Date et heure : ${when} (heure de Paris)`,
  textHash: "Empreinte SHA-256 du texte accepté :",
  attached: "Le protocole d'accord est joint à cet e-mail, au format PDF. Conservez-le : il fait foi de notre accord et reste téléchargeable sur la page du dossier.",
  agreementHash: "Empreinte SHA-256 du protocole d'accord :",
  button: "Voir mon dossier",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `Your acceptance is recorded: case ${reference}`,
  preview: (reference) => `We confirm that you accepted our proposal for case ${reference}. The settlement agreement is attached.`,
  intro: (number, reference, offer) => `You accepted our proposal no. ${number} for case ${reference}: ${offer}. Thank you.`,
  recordTitle: "Your acceptance is recorded as follows:",
  signer: (name) => `Signed by: ${name}`,
  acceptedAt: (when) => `Date and time: ${when} (Paris time)`,
  textHash: "SHA-256 fingerprint of the accepted text:",
  attached: "The settlement agreement (« protocole d'accord ») is attached to this e-mail as a PDF. Keep it: it evidences our agreement and remains available for download on the case page.",
  agreementHash: "SHA-256 fingerprint of the settlement agreement:",
  button: "View my case",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const proposalAcceptedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ProposalAcceptedEmail(props: ProposalAcceptedProps & { language: EmailLanguage }) {
  const { language, caseUrl } = props;
  const m = proposalAcceptedMessages[language];
  const offer = offerInWords(props.kind, props.amountExclVatCents, props.currency, language);
  return (
    <EmailLayout language={language} preview={m.preview(props.reference)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(props.proposalNumber, props.reference, offer)}</Text>
      <ProposalAmounts amountExclVatCents={props.amountExclVatCents} vatCents={props.vatCents} currency={props.currency} language={language} />
      <Text style={emailStyles.paragraph}>{m.recordTitle}</Text>
      <ul>
        <li>{m.signer(props.signerName)}</li>
        <li>{m.acceptedAt(formatInstant(props.acceptedAt, language))}</li>
        <li>
          {m.textHash}
          <br />
          <span style={hashStyle}>{props.textSha256}</span>
        </li>
      </ul>
      <Text style={emailStyles.paragraph}>{m.attached}</Text>
      <Text style={emailStyles.paragraph}>
        {m.agreementHash}
        <br />
        <span style={hashStyle}>{props.agreementSha256}</span>
      </Text>
      <NewDueDates dueDates={props.newDueDates} currency={props.currency} language={language} />
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const proposalAcceptedTemplate: EmailTemplate<ProposalAcceptedProps> = {
  audience: "customer",
  subject: (props, language) => proposalAcceptedMessages[language].subject(props.reference),
  render: (props, language) => <ProposalAcceptedEmail {...props} language={language} />,
};
