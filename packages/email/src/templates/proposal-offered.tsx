/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { ProposalKind } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";
import { formatDay, offerInWords, ProposalAmounts } from "./settlement-shared";

/** An approved proposal, offered to the customer: accept, decline or counter-propose online. Mandatory. */
export interface ProposalOfferedProps {
  /** The customer contact's name. */
  name: string;
  /** The case reference (LIT-YYYY-NNNNNN). */
  reference: string;
  /** The proposal's number within the case (1, 2…). */
  proposalNumber: number;
  kind: ProposalKind;
  /** Amount excluding VAT and its VAT, in cents of `currency`. */
  amountExclVatCents: number;
  vatCents: number;
  currency: string;
  /** The last day the proposal can be accepted (YYYY-MM-DD, included). */
  expiresOn: string;
  /** The proposal's terms, as written for the customer. */
  terms: string;
  /** Each side's concessions (a settlement, "transaction"), when listed. */
  concessions?: { supplier: string[]; customer: string[] } | null;
  /** Absolute link to the proposal's page in the portal. */
  proposalUrl: string;
}

const fr = {
  subject: (reference: string) => `Une proposition de règlement pour votre dossier ${reference}`,
  preview: (offer: string) => `Nous vous proposons ${offer}.`,
  intro: (reference: string, number: number) => `Après examen de votre dossier ${reference}, nous vous adressons la proposition n° ${number}.`,
  offer: (offer: string) => `Nous vous proposons ${offer}.`,
  amountsTitle: "Les montants :",
  concessionsTitle: "Les concessions réciproques :",
  supplierConcessions: "de notre part :",
  customerConcessions: "de votre part :",
  termsLabel: "Les conditions :",
  expiry: (date: string) => `Cette proposition est valable jusqu'au ${date} inclus.`,
  answer: "Sur la page de la proposition, vous pouvez l'accepter, la refuser ou nous faire une contre-proposition.",
  button: "Voir la proposition et répondre",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `A settlement proposal for your case ${reference}`,
  preview: (offer) => `We offer you ${offer}.`,
  intro: (reference, number) => `Having examined your case ${reference}, we are sending you proposal no. ${number}.`,
  offer: (offer) => `We offer you ${offer}.`,
  amountsTitle: "The amounts:",
  concessionsTitle: "The reciprocal concessions:",
  supplierConcessions: "on our side:",
  customerConcessions: "on your side:",
  termsLabel: "The terms:",
  expiry: (date) => `This proposal is valid until ${date} inclusive.`,
  answer: "On the proposal's page, you can accept it, decline it or make us a counter-proposal.",
  button: "View the proposal and answer",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const proposalOfferedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ProposalOfferedEmail(props: ProposalOfferedProps & { language: EmailLanguage }) {
  const { language, proposalUrl } = props;
  const m = proposalOfferedMessages[language];
  const offer = offerInWords(props.kind, props.amountExclVatCents, props.currency, language);
  const supplier = props.concessions?.supplier ?? [];
  const customer = props.concessions?.customer ?? [];
  return (
    <EmailLayout language={language} preview={m.preview(offer)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(props.reference, props.proposalNumber)}</Text>
      <Text style={emailStyles.paragraph}>{m.offer(offer)}</Text>
      <Text style={emailStyles.paragraph}>{m.amountsTitle}</Text>
      <ProposalAmounts amountExclVatCents={props.amountExclVatCents} vatCents={props.vatCents} currency={props.currency} language={language} />
      {supplier.length > 0 || customer.length > 0 ? (
        <>
          <Text style={emailStyles.paragraph}>{m.concessionsTitle}</Text>
          <ul>
            {supplier.length > 0 ? (
              <li>
                {m.supplierConcessions}
                <ul>
                  {supplier.map((concession, index) => (
                    <li key={index}>{concession}</li>
                  ))}
                </ul>
              </li>
            ) : null}
            {customer.length > 0 ? (
              <li>
                {m.customerConcessions}
                <ul>
                  {customer.map((concession, index) => (
                    <li key={index}>{concession}</li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {props.terms.trim() !== "" ? (
        <>
          <Text style={emailStyles.paragraph}>{m.termsLabel}</Text>
          <WrittenText text={props.terms} />
        </>
      ) : null}
      <Text style={emailStyles.paragraph}>{m.expiry(formatDay(props.expiresOn, language, "full"))}</Text>
      <Text style={emailStyles.paragraph}>{m.answer}</Text>
      <ActionButton href={proposalUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={proposalUrl} />
    </EmailLayout>
  );
}

export const proposalOfferedTemplate: EmailTemplate<ProposalOfferedProps> = {
  audience: "customer",
  subject: (props, language) => proposalOfferedMessages[language].subject(props.reference),
  render: (props, language) => <ProposalOfferedEmail {...props} language={language} />,
};
