/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Link, Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

/** The case is closed: the customer is invited to rate its handling from 0 to 10. Mandatory. */
export interface CaseClosedProps {
  /** The customer contact's name. */
  name: string;
  reference: string;
  /** Absolute link to the case's satisfaction survey in the portal; `?score=N` preselects a score. */
  surveyUrl: string;
  /** Absolute link to the case page in the portal. */
  caseUrl: string;
}

export const SURVEY_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The survey link with one score chosen (the portal's page asks for the comment and confirms). */
export function scoreUrl(surveyUrl: string, score: number): string {
  return `${surveyUrl}${surveyUrl.includes("?") ? "&" : "?"}score=${score}`;
}

const fr = {
  subject: (reference: string) => `Votre dossier ${reference} est clos`,
  preview: (reference: string) => `Votre dossier ${reference} est clos. Donnez-nous votre avis en un clic.`,
  intro: (reference: string) => `Votre dossier ${reference} est désormais clos.`,
  question: "Quelle note, de 0 à 10, donnez-vous au traitement de votre dossier ? Cliquez sur votre note :",
  scale: "0 : pas du tout satisfait — 10 : très satisfait. Vous pourrez ensuite ajouter un commentaire.",
  scoreLabel: (score: number) => `Donner la note ${score} sur 10`,
  survey: "Ou répondez sur cette page :",
  history: "Le dossier et son historique restent consultables sur le portail :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `Your case ${reference} is closed`,
  preview: (reference) => `Your case ${reference} is closed. Tell us what you think in one click.`,
  intro: (reference) => `Your case ${reference} is now closed.`,
  question: "How would you rate, from 0 to 10, the handling of your case? Click your score:",
  scale: "0: not satisfied at all — 10: very satisfied. You can then add a comment.",
  scoreLabel: (score) => `Give a score of ${score} out of 10`,
  survey: "Or answer on this page:",
  history: "The case and its history remain available in the portal:",
  signature: "The Accord team",
};

export const caseClosedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

const scoresStyle = { listStyle: "none", margin: "0 0 8px", padding: 0 } as const;
const scoreItemStyle = { display: "inline-block", listStyle: "none", margin: 0, padding: 0 } as const;
const scoreStyle = {
  border: "1px solid #1f3a68",
  borderRadius: "4px",
  color: "#1f3a68",
  display: "inline-block",
  fontWeight: 600,
  margin: "0 4px 8px 0",
  minWidth: "20px",
  padding: "6px 4px",
  textAlign: "center",
  textDecoration: "none",
} as const;

function CaseClosedEmail({ name, reference, surveyUrl, caseUrl, language }: CaseClosedProps & { language: EmailLanguage }) {
  const m = caseClosedMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <Text style={emailStyles.paragraph}>{m.question}</Text>
      {/* A list shown as one row: a screen reader announces 11 choices, and the plain-text part puts one per line. */}
      <ul style={scoresStyle}>
        {SURVEY_SCORES.map((score) => (
          <li key={score} style={scoreItemStyle}>
            <Link href={scoreUrl(surveyUrl, score)} aria-label={m.scoreLabel(score)} title={m.scoreLabel(score)} style={scoreStyle}>
              {score}
            </Link>
          </li>
        ))}
      </ul>
      <Text style={emailStyles.muted}>{m.scale}</Text>
      <LinkInFull label={m.survey} href={surveyUrl} />
      <LinkInFull label={m.history} href={caseUrl} />
    </EmailLayout>
  );
}

export const caseClosedTemplate: EmailTemplate<CaseClosedProps> = {
  audience: "customer",
  subject: (props, language) => caseClosedMessages[language].subject(props.reference),
  render: (props, language) => <CaseClosedEmail {...props} language={language} />,
};
