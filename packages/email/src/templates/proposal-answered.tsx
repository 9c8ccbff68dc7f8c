/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { ProposalKind } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";
import { formatCents, settlementMessages } from "./settlement-shared";

/** Internal: tells the case's agent(s) that the customer accepted, declined or countered a proposal. */
export interface ProposalAnsweredProps {
  /** The agent's name. */
  name: string;
  reference: string;
  proposalNumber: number;
  answer: "accepted" | "declined" | "countered";
  /** The customer user who answered. */
  customerName: string;
  /** The customer's comment (a reason to decline, a counter-proposal's comment), if any. */
  comment?: string | null;
  /** What the customer counter-proposes (with `answer: "countered"`). */
  counter?: { kind: ProposalKind; amountExclVatCents: number } | null;
  currency: string;
  /** Absolute link to the case in the back-office. */
  caseUrl: string;
}

const fr = {
  subject: {
    accepted: (number: number, reference: string) => `Proposition n° ${number} acceptée par le client : dossier ${reference}`,
    declined: (number: number, reference: string) => `Proposition n° ${number} refusée par le client : dossier ${reference}`,
    countered: (number: number, reference: string) => `Contre-proposition du client sur la proposition n° ${number} : dossier ${reference}`,
  },
  intro: {
    accepted: (customer: string, number: number, reference: string) => `${customer} a accepté la proposition n° ${number} du dossier ${reference}.`,
    declined: (customer: string, number: number, reference: string) => `${customer} a refusé la proposition n° ${number} du dossier ${reference}.`,
    countered: (customer: string, number: number, reference: string) => `${customer} a répondu à la proposition n° ${number} du dossier ${reference} par une contre-proposition.`,
  },
  counter: (kind: string, amount: string) => `Contre-proposition : ${kind}, ${amount} HT.`,
  commentLabel: "Commentaire du client :",
  next: {
    accepted: "Le dossier est résolu et le protocole d'accord est enregistré. Il vous reste à compléter la décision (motivation, numéro d'avoir).",
    declined: "Vous pouvez préparer une nouvelle proposition depuis le dossier.",
    countered: "La contre-proposition vous attend en brouillon dans le dossier : modifiez-la si besoin, puis soumettez-la.",
  },
  button: "Ouvrir le dossier",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "Accord",
};

const en: typeof fr = {
  subject: {
    accepted: (number, reference) => `Proposal no. ${number} accepted by the customer: case ${reference}`,
    declined: (number, reference) => `Proposal no. ${number} declined by the customer: case ${reference}`,
    countered: (number, reference) => `Customer counter-proposal to proposal no. ${number}: case ${reference}`,
  },
  intro: {
    accepted: (customer, number, reference) => `${customer} accepted proposal no. ${number} on case ${reference}.`,
    declined: (customer, number, reference) => `${customer} declined proposal no. ${number} on case ${reference}.`,
    countered: (customer, number, reference) => `${customer} answered proposal no. ${number} on case ${reference} with a counter-proposal.`,
  },
  counter: (kind, amount) => `Counter-proposal: ${kind}, ${amount} excl. VAT.`,
  commentLabel: "The customer's comment:",
  next: {
    accepted: "The case is resolved and the agreement is recorded. The decision remains to be completed (rationale, credit note number).",
    declined: "You can prepare a new proposal from the case.",
    countered: "The counter-proposal waits for you as a draft in the case: edit it if needed, then submit it.",
  },
  button: "Open the case",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "Accord",
};

export const proposalAnsweredMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ProposalAnsweredEmail(props: ProposalAnsweredProps & { language: EmailLanguage }) {
  const { language, caseUrl, answer, counter } = props;
  const m = proposalAnsweredMessages[language];
  const intro = m.intro[answer](props.customerName, props.proposalNumber, props.reference);
  const comment = props.comment?.trim() ? props.comment : null;
  return (
    <EmailLayout language={language} preview={intro} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{intro}</Text>
      {answer === "countered" && counter ? (
        <Text style={emailStyles.paragraph}>{m.counter(settlementMessages[language].kind[counter.kind], formatCents(counter.amountExclVatCents, props.currency, language))}</Text>
      ) : null}
      {comment ? (
        <>
          <Text style={emailStyles.paragraph}>{m.commentLabel}</Text>
          <WrittenText text={comment} />
        </>
      ) : null}
      <Text style={emailStyles.paragraph}>{m.next[answer]}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const proposalAnsweredTemplate: EmailTemplate<ProposalAnsweredProps> = {
  audience: "staff",
  subject: (props, language) => proposalAnsweredMessages[language].subject[props.answer](props.proposalNumber, props.reference),
  render: (props, language) => <ProposalAnsweredEmail {...props} language={language} />,
};
