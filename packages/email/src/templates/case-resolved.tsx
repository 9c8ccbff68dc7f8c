/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import type { Outcome } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";
import { formatCents, NewDueDates, settlementMessages, type NewDueDate } from "./settlement-shared";

/** The decision, to the customer: outcome, amounts, public rationale, credit note, new due dates. Mandatory. */
export interface CaseResolvedProps {
  /** The customer contact's name. */
  name: string;
  reference: string;
  outcome: Outcome;
  /** What the customer is granted, excl. VAT, in cents of `currency`. */
  grantedCents: number;
  /** Contractual penalties paid to the customer, in cents of `currency`. */
  penaltiesCents: number;
  currency: string;
  /** The rationale's public part (the internal part never reaches an e-mail). */
  publicRationale?: string | null;
  /** The ERP's credit note number, once issued. */
  creditNoteNumber?: string | null;
  /** Each disputed invoice's new due dates. */
  newDueDates: NewDueDate[];
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const fr = {
  subject: (reference: string) => `Décision sur votre dossier ${reference}`,
  preview: (reference: string) => `Votre dossier ${reference} est résolu : voici la décision.`,
  intro: (reference: string) => `Votre dossier ${reference} est résolu.`,
  outcome: {
    settled_amicably: "Il est réglé à l'amiable, selon l'accord que vous avez accepté.",
    upheld: "Après examen, votre réclamation est reconnue fondée.",
    partially_upheld: "Après examen, votre réclamation est reconnue fondée en partie.",
    rejected: "Après examen, votre réclamation n'est pas retenue.",
    withdrawn: "Il est clos à la suite de votre retrait.",
    judged: "Il est tranché par une décision de justice.",
  } satisfies Record<Outcome, string>,
  decisionLabel: "Décision :",
  granted: (amount: string) => `Montant accordé : ${amount} HT`,
  penalties: (amount: string) => `Pénalités contractuelles versées : ${amount}`,
  creditNote: (number: string) => `Numéro de l'avoir : ${number}`,
  rationaleLabel: "Les motifs de la décision :",
  button: "Voir mon dossier",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `Decision on your case ${reference}`,
  preview: (reference) => `Your case ${reference} is resolved: here is the decision.`,
  intro: (reference) => `Your case ${reference} is resolved.`,
  outcome: {
    settled_amicably: "It is settled amicably, under the agreement you accepted.",
    upheld: "After examination, your claim is upheld.",
    partially_upheld: "After examination, your claim is partially upheld.",
    rejected: "After examination, your claim is not upheld.",
    withdrawn: "It is closed following your withdrawal.",
    judged: "It is decided by a court ruling.",
  },
  decisionLabel: "Decision:",
  granted: (amount) => `Amount granted: ${amount} excl. VAT`,
  penalties: (amount) => `Contractual penalties paid: ${amount}`,
  creditNote: (number) => `Credit note number: ${number}`,
  rationaleLabel: "The grounds for the decision:",
  button: "View my case",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const caseResolvedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseResolvedEmail(props: CaseResolvedProps & { language: EmailLanguage }) {
  const { language, caseUrl, currency } = props;
  const m = caseResolvedMessages[language];
  const format = (cents: number) => formatCents(cents, currency, language);
  const rationale = props.publicRationale?.trim() ? props.publicRationale : null;
  return (
    <EmailLayout language={language} preview={m.preview(props.reference)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>
        {m.intro(props.reference)} {m.outcome[props.outcome]}
      </Text>
      <ul>
        <li>
          {m.decisionLabel} {settlementMessages[language].outcome[props.outcome]}
        </li>
        {props.grantedCents > 0 ? <li>{m.granted(format(props.grantedCents))}</li> : null}
        {props.penaltiesCents > 0 ? <li>{m.penalties(format(props.penaltiesCents))}</li> : null}
        {props.creditNoteNumber ? <li>{m.creditNote(props.creditNoteNumber)}</li> : null}
      </ul>
      {rationale ? (
        <>
          <Text style={emailStyles.paragraph}>{m.rationaleLabel}</Text>
          <WrittenText text={rationale} />
        </>
      ) : null}
      <NewDueDates dueDates={props.newDueDates} currency={currency} language={language} />
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const caseResolvedTemplate: EmailTemplate<CaseResolvedProps> = {
  audience: "customer",
  subject: (props, language) => caseResolvedMessages[language].subject(props.reference),
  render: (props, language) => <CaseResolvedEmail {...props} language={language} />,
};
