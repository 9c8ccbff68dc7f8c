/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { ApprovalLevel } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";
import { settlementMessages } from "./settlement-shared";

/** Internal: tells a proposal's author that an approver approved or rejected it. */
export interface ApprovalDecidedProps {
  /** The proposal's author. */
  name: string;
  reference: string;
  proposalNumber: number;
  decision: "approved" | "rejected";
  approverName: string;
  /** The level the approver decided at. */
  level: ApprovalLevel;
  /** The approver's comment. */
  comment: string;
  /** True when this approval was the last one needed: the proposal went to the customer. */
  offered: boolean;
  /** Absolute link to the case in the back-office. */
  caseUrl: string;
}

const fr = {
  subject: {
    approved: (number: number, reference: string) => `Proposition n° ${number} validée : dossier ${reference}`,
    rejected: (number: number, reference: string) => `Proposition n° ${number} refusée : dossier ${reference}`,
  },
  intro: {
    approved: (approver: string, level: string, number: number, reference: string) => `${approver} (${level}) a validé votre proposition n° ${number} du dossier ${reference}.`,
    rejected: (approver: string, level: string, number: number, reference: string) => `${approver} (${level}) a refusé votre proposition n° ${number} du dossier ${reference}.`,
  },
  commentLabel: "Son commentaire :",
  offered: "Toutes les validations sont obtenues : la proposition a été envoyée au client.",
  pending: "D'autres validations sont encore nécessaires avant son envoi au client.",
  rejected: "La proposition ne sera pas envoyée au client. Vous pouvez en préparer une nouvelle depuis le dossier.",
  button: "Ouvrir le dossier",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "Accord",
};

const en: typeof fr = {
  subject: {
    approved: (number, reference) => `Proposal no. ${number} approved: case ${reference}`,
    rejected: (number, reference) => `Proposal no. ${number} rejected: case ${reference}`,
  },
  intro: {
    approved: (approver, level, number, reference) => `${approver} (${level}) approved your proposal no. ${number} on case ${reference}.`,
    rejected: (approver, level, number, reference) => `${approver} (${level}) rejected your proposal no. ${number} on case ${reference}.`,
  },
  commentLabel: "Their comment:",
  offered: "Every approval is given: the proposal has been sent to the customer.",
  pending: "Other approvals are still needed before it goes to the customer.",
  rejected: "The proposal will not be sent to the customer. You can prepare a new one from the case.",
  button: "Open the case",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "Accord",
};

export const approvalDecidedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function ApprovalDecidedEmail(props: ApprovalDecidedProps & { language: EmailLanguage }) {
  const { language, caseUrl, decision } = props;
  const m = approvalDecidedMessages[language];
  const level = settlementMessages[language].level[props.level];
  const next = decision === "rejected" ? m.rejected : props.offered ? m.offered : m.pending;
  return (
    <EmailLayout language={language} preview={m.intro[decision](props.approverName, level, props.proposalNumber, props.reference)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro[decision](props.approverName, level, props.proposalNumber, props.reference)}</Text>
      {props.comment.trim() !== "" ? (
        <>
          <Text style={emailStyles.paragraph}>{m.commentLabel}</Text>
          <WrittenText text={props.comment} />
        </>
      ) : null}
      <Text style={emailStyles.paragraph}>{next}</Text>
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const approvalDecidedTemplate: EmailTemplate<ApprovalDecidedProps> = {
  audience: "staff",
  subject: (props, language) => approvalDecidedMessages[language].subject[props.decision](props.proposalNumber, props.reference),
  render: (props, language) => <ApprovalDecidedEmail {...props} language={language} />,
};
