/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, WrittenText } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: a staff member asks a colleague (sales, operations, finance, legal) to look at a case. */
export interface StakeholderNotifiedProps {
  name: string;
  reference: string;
  title: string;
  accountName: string;
  /** Who sent it. */
  sentBy: string;
  message: string;
  caseUrl: string | null;
}

const fr = {
  subject: (reference: string) => `Pour information : dossier ${reference}`,
  preview: (reference: string, by: string) => `${by} vous informe au sujet du dossier ${reference}.`,
  intro: (reference: string, by: string, account: string) => `${by} vous informe au sujet du dossier ${reference} (client ${account}) :`,
  button: "Ouvrir le dossier",
  internal: "E-mail interne : ne pas transférer au client.",
};

const en: typeof fr = {
  subject: (reference) => `For your information: case ${reference}`,
  preview: (reference, by) => `${by} informs you about case ${reference}.`,
  intro: (reference, by, account) => `${by} informs you about case ${reference} (customer ${account}):`,
  button: "Open the case",
  internal: "Internal e-mail: do not forward to the customer.",
};

export const stakeholderNotifiedMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function StakeholderNotifiedEmail(props: StakeholderNotifiedProps & { language: EmailLanguage }) {
  const m = stakeholderNotifiedMessages[props.language];
  return (
    <EmailLayout language={props.language} preview={m.preview(props.reference, props.sentBy)} recipient={props.name}>
      <Text style={emailStyles.paragraph}>{m.intro(props.reference, props.sentBy, props.accountName)}</Text>
      <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{props.title}</Text>
      <WrittenText text={props.message} />
      <ActionButton href={props.caseUrl} label={m.button} />
      <Text style={emailStyles.muted}>{m.internal}</Text>
    </EmailLayout>
  );
}

export const stakeholderNotifiedTemplate: EmailTemplate<StakeholderNotifiedProps> = {
  audience: "customer",
  subject: (props, language) => stakeholderNotifiedMessages[language].subject(props.reference),
  render: (props, language) => <StakeholderNotifiedEmail {...props} language={language} />,
};
