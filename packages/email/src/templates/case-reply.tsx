/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Link, Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";

/** A public reply of the support team, to the customer contact of the case. Informative: always sent. */
export interface CaseReplyProps {
  /** The recipient's display name. */
  name: string;
  reference: string;
  /** The reply as written by the staff member (plain text; line breaks kept). */
  body: string;
  /** Knowledge-base articles linked in the reply. */
  articles: { title: string; url: string | null }[];
  /** Absolute link to the case in the portal, when known. */
  caseUrl: string | null;
}

const fr = {
  subject: (reference: string) => `Nouvelle réponse sur votre dossier ${reference}`,
  preview: (reference: string) => `Le service client a répondu sur le dossier ${reference}.`,
  intro: (reference: string) => `Notre équipe a répondu sur votre dossier ${reference} :`,
  articles: "Articles d'aide liés à cette réponse :",
  button: "Voir le dossier",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (reference) => `New reply on your case ${reference}`,
  preview: (reference) => `Our support team replied on case ${reference}.`,
  intro: (reference) => `Our team replied on your case ${reference}:`,
  articles: "Help articles linked to this reply:",
  button: "View the case",
  signature: "The Accord team",
};

export const caseReplyMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function CaseReplyEmail({ name, reference, body, articles, caseUrl, language }: CaseReplyProps & { language: EmailLanguage }) {
  const m = caseReplyMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(reference)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(reference)}</Text>
      <WrittenText text={body} />
      {articles.length > 0 ? (
        <>
          <Text style={emailStyles.paragraph}>{m.articles}</Text>
          {articles.map((article) => (
            <Text key={article.title} style={emailStyles.muted}>
              {article.url ? (
                <Link href={article.url} style={emailStyles.link}>
                  {article.title}
                </Link>
              ) : (
                article.title
              )}
            </Text>
          ))}
        </>
      ) : null}
      <ActionButton href={caseUrl} label={m.button} />
    </EmailLayout>
  );
}

export const caseReplyTemplate: EmailTemplate<CaseReplyProps> = {
  audience: "customer",
  subject: (props, language) => caseReplyMessages[language].subject(props.reference),
  render: (props, language) => <CaseReplyEmail {...props} language={language} />,
};
