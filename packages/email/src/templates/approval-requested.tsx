/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { ApprovalLevel, ProposalKind } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";
import { formatCents, settlementMessages } from "./settlement-shared";

/** Internal: asks an approver (supervisor or finance) to approve or reject a proposal (four eyes). */
export interface ApprovalRequestedProps {
  /** The approver's name. */
  name: string;
  reference: string;
  proposalNumber: number;
  kind: ProposalKind;
  /** Amount excluding VAT, in cents of `currency`. */
  amountExclVatCents: number;
  currency: string;
  /** The agent who wrote the proposal. */
  authorName: string;
  /** The approvals the proposal needs, in the order they are asked for. */
  levels: ApprovalLevel[];
  /** Absolute link to the proposal's approval page in the back-office. */
  approvalUrl: string;
}

const fr = {
  subject: (number: number, reference: string) => `Validation demandée : proposition n° ${number} du dossier ${reference}`,
  preview: (author: string, reference: string) => `${author} demande la validation d'une proposition sur le dossier ${reference}.`,
  intro: (author: string, number: number, reference: string) => `${author} demande votre validation pour la proposition n° ${number} du dossier ${reference} :`,
  kindLabel: "Nature :",
  amountLabel: "Montant :",
  exclVat: (amount: string) => `${amount} HT`,
  levels: (levels: string[]) => (levels.length > 1 ? `Validations nécessaires : ${levels.join(", puis ")}.` : `Validation nécessaire : ${levels.join("")}.`),
  fourEyes: "La proposition n'est envoyée au client qu'une fois toutes les validations obtenues. Vous pouvez la valider ou la refuser, avec un commentaire.",
  button: "Examiner la proposition",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "Accord",
};

const en: typeof fr = {
  subject: (number, reference) => `Approval requested: proposal no. ${number} on case ${reference}`,
  preview: (author, reference) => `${author} asks for the approval of a proposal on case ${reference}.`,
  intro: (author, number, reference) => `${author} asks for your approval of proposal no. ${number} on case ${reference}:`,
  kindLabel: "Kind:",
  amountLabel: "Amount:",
  exclVat: (amount) => `${amount} excl. VAT`,
  levels: (levels) => (levels.length > 1 ? `Approvals needed: ${levels.join(", then ")}.` : `Approval needed: ${levels.join("")}.`),
  fourEyes: "The proposal goes to the customer only once every approval is given. You can approve or reject it, with a comment.",
  button: "Review the proposal",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "Accord",
};

export const approvalRequestedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ApprovalRequestedEmail(props: ApprovalRequestedProps & { language: EmailLanguage }) {
  const { language, approvalUrl } = props;
  const m = approvalRequestedMessages[language];
  const words = settlementMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(props.authorName, props.reference)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(props.authorName, props.proposalNumber, props.reference)}</Text>
      <ul>
        <li>
          {m.kindLabel} {words.kind[props.kind]}
        </li>
        <li>
          {m.amountLabel} {m.exclVat(formatCents(props.amountExclVatCents, props.currency, language))}
        </li>
      </ul>
      {props.levels.length > 0 ? <Text style={emailStyles.paragraph}>{m.levels(props.levels.map((level) => words.level[level]))}</Text> : null}
      <Text style={emailStyles.paragraph}>{m.fourEyes}</Text>
      <ActionButton href={approvalUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={approvalUrl} />
    </EmailLayout>
  );
}

export const approvalRequestedTemplate: EmailTemplate<ApprovalRequestedProps> = {
  audience: "staff",
  subject: (props, language) => approvalRequestedMessages[language].subject(props.proposalNumber, props.reference),
  render: (props, language) => <ApprovalRequestedEmail {...props} language={language} />,
};
