/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { formatMoney, type CaseType, type TargetInWords } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface ClaimAcknowledgedProps {
  /** The customer contact's name. */
  name: string;
  /** The case reference (LIT-YYYY-NNNNNN). */
  reference: string;
  type: CaseType;
  /** The claim's title as the customer typed it. */
  title: string;
  /** The invoice lines concerned, as "invoice number — line description". */
  lines: { invoiceNumber: string; description: string }[];
  /** Claimed amount excluding VAT, and its VAT, in cents of `currency`. */
  claimedCents: number;
  vatCents: number;
  currency: string;
  /** Evidence files received with the claim. */
  fileCount: number;
  /** The SLA commitment in plain words; null when no policy applies. */
  firstResponse: TargetInWords | null;
  resolution: TargetInWords | null;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

const LOCALE: Record<EmailLanguage, string> = { fr: "fr-FR", en: "en-GB" };

/** "1 jour ouvré", "4 heures ouvrées", "1.5 business hours". */
function duration(target: TargetInWords, language: EmailLanguage): string {
  const value = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 }).format(target.value);
  const plural = new Intl.PluralRules(LOCALE[language]).select(target.value) !== "one";
  if (language === "fr") {
    if (target.unit === "business_days") return `${value} ${plural ? "jours ouvrés" : "jour ouvré"}`;
    return `${value} ${plural ? "heures ouvrées" : "heure ouvrée"}`;
  }
  if (target.unit === "business_days") return `${value} ${plural ? "business days" : "business day"}`;
  return `${value} ${plural ? "business hours" : "business hour"}`;
}

const fr = {
  subject: (reference: string) => `Réclamation reçue : dossier ${reference}`,
  preview: (reference: string) => `Nous avons bien reçu votre réclamation, enregistrée sous la référence ${reference}.`,
  intro: (reference: string) => `Nous avons bien reçu votre réclamation. Elle est enregistrée sous la référence ${reference} : rappelez-la dans vos échanges avec nous.`,
  receivedTitle: "Ce que nous avons reçu :",
  type: { quality: "Qualité", delivery: "Livraison", price_billing: "Prix / facturation", compliance: "Conformité", other: "Autre" } satisfies Record<CaseType, string>,
  typeLabel: "Type :",
  titleLabel: "Objet :",
  linesLabel: "Lignes de facture concernées :",
  amount: (claimed: string, vat: string) => `Montant contesté : ${claimed} HT (TVA ${vat})`,
  files: (count: number) => (count === 0 ? "Aucune pièce jointe" : count === 1 ? "1 pièce jointe" : `${count} pièces jointes`),
  commitmentTitle: "Notre engagement :",
  firstResponse: (words: string) => `première réponse sous ${words}`,
  resolution: (words: string) => `résolution visée sous ${words}`,
  noCommitment: "Votre dossier sera traité dans les meilleurs délais.",
  nextTitle: "La suite :",
  next: [
    "un membre de notre équipe qualifie votre dossier et vous répond dans le délai ci-dessus ;",
    "s'il nous manque une information, nous vous la demanderons sur le portail et par e-mail ;",
    "vous suivez chaque étape, échangez avec nous et ajoutez des pièces depuis la page du dossier.",
  ],
  button: "Suivre mon dossier",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference: string) => `Claim received: case ${reference}`,
  preview: (reference: string) => `We have received your claim, recorded under reference ${reference}.`,
  intro: (reference: string) => `We have received your claim. It is recorded under reference ${reference}: please quote it when you contact us.`,
  receivedTitle: "What we received:",
  type: { quality: "Quality", delivery: "Delivery", price_billing: "Price / billing", compliance: "Compliance", other: "Other" },
  typeLabel: "Type:",
  titleLabel: "Subject:",
  linesLabel: "Invoice lines concerned:",
  amount: (claimed: string, vat: string) => `Disputed amount: ${claimed} excl. VAT (VAT ${vat})`,
  files: (count: number) => (count === 0 ? "No attachment" : count === 1 ? "1 attachment" : `${count} attachments`),
  commitmentTitle: "Our commitment:",
  firstResponse: (words: string) => `first response within ${words}`,
  resolution: (words: string) => `resolution targeted within ${words}`,
  noCommitment: "Your case will be handled as soon as possible.",
  nextTitle: "What happens next:",
  next: [
    "a member of our team qualifies your case and answers you within the time above;",
    "if we need more information, we will ask for it in the portal and by e-mail;",
    "you follow every step, talk with us and add documents from the case page.",
  ],
  button: "Follow my case",
  fallback: "If the button does not work, copy this link into your browser:",
  signature: "The Accord team",
};

export const claimAcknowledgedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

/** The commitment as one sentence ("première réponse sous 1 jour ouvré, résolution visée sous 10 jours ouvrés"), or null. */
export function commitmentInWords(props: Pick<ClaimAcknowledgedProps, "firstResponse" | "resolution">, language: EmailLanguage): string | null {
  const m = claimAcknowledgedMessages[language];
  const parts = [
    props.firstResponse ? m.firstResponse(duration(props.firstResponse, language)) : null,
    props.resolution ? m.resolution(duration(props.resolution, language)) : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(", ");
}

function ClaimAcknowledgedEmail(props: ClaimAcknowledgedProps & { language: EmailLanguage }) {
  const { language, reference, caseUrl } = props;
  const m = claimAcknowledgedMessages[language];
  const money = (cents: number) => formatMoney({ cents, currency: props.currency }, language);
  const commitment = commitmentInWords(props, language);
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={props.name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <Text style={emailStyles.paragraph}>{m.receivedTitle}</Text>
      <ul>
        <li>
          {m.typeLabel} {m.type[props.type]}
        </li>
        <li>
          {m.titleLabel} {props.title}
        </li>
        {props.lines.length > 0 ? (
          <li>
            {m.linesLabel}
            <ul>
              {props.lines.map((line, index) => (
                <li key={index}>
                  {line.invoiceNumber} — {line.description}
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        <li>{m.amount(money(props.claimedCents), money(props.vatCents))}</li>
        <li>{m.files(props.fileCount)}</li>
      </ul>
      <Text style={emailStyles.paragraph}>
        {m.commitmentTitle} {commitment ?? m.noCommitment}
        {commitment ? "." : ""}
      </Text>
      <Text style={emailStyles.paragraph}>{m.nextTitle}</Text>
      <ul>
        {m.next.map((step, index) => (
          <li key={index}>{step}</li>
        ))}
      </ul>
      <ActionButton href={caseUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={caseUrl} />
    </EmailLayout>
  );
}

export const claimAcknowledgedTemplate: EmailTemplate<ClaimAcknowledgedProps> = {
  audience: "customer",
  subject: (props, language) => claimAcknowledgedMessages[language].subject(props.reference),
  render: (props, language) => <ClaimAcknowledgedEmail {...props} language={language} />,
};
