/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles } from "../layout";
import type { EmailTemplate } from "../template";

/** Internal: a case breached an SLA target (to the assignee and the team's supervisors; never to a customer). */
export interface SlaBreachProps {
  /** The recipient's name. */
  name: string;
  reference: string;
  title: string;
  target: "first_response" | "resolution";
  /** The deadline that passed (ISO instant). */
  dueAt: string;
  /** The priority before and after the breach raised it (equal at P1). */
  priorityBefore: string;
  priorityAfter: string;
  /** The assignee's name, null when the case has none. */
  assigneeName: string | null;
  caseUrl: string | null;
}

const when = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
const targetFr = (target: SlaBreachProps["target"]) => (target === "first_response" ? "première réponse" : "résolution");
const targetEn = (target: SlaBreachProps["target"]) => (target === "first_response" ? "first-response" : "resolution");

const fr = {
  subject: (reference: string, target: SlaBreachProps["target"]) => `SLA dépassé : ${targetFr(target)} du dossier ${reference}`,
  preview: (reference: string) => `Le dossier ${reference} a dépassé son échéance.`,
  intro: (reference: string, target: SlaBreachProps["target"], dueAt: string) =>
    `Le dossier ${reference} a dépassé son objectif de ${targetFr(target)} (échéance du ${when(dueAt, "fr-FR")}, heure de Paris).`,
  priority: (before: string, after: string) => (before === after ? `Priorité : ${after} (déjà la plus haute).` : `Priorité relevée de ${before} à ${after}.`),
  assignee: (name: string | null) => (name ? `Assigné à : ${name}.` : "Le dossier n'est assigné à personne."),
  button: "Ouvrir le dossier",
  internal: "E-mail interne : ne pas transférer au client.",
};

const en: typeof fr = {
  subject: (reference, target) => `SLA breached: ${targetEn(target)} target of case ${reference}`,
  preview: (reference) => `Case ${reference} is past its deadline.`,
  intro: (reference, target, dueAt) => `Case ${reference} breached its ${targetEn(target)} target (due on ${when(dueAt, "en-GB")}, Paris time).`,
  priority: (before, after) => (before === after ? `Priority: ${after} (already the highest).` : `Priority raised from ${before} to ${after}.`),
  assignee: (name) => (name ? `Assigned to: ${name}.` : "The case is assigned to nobody."),
  button: "Open the case",
  internal: "Internal e-mail: do not forward to the customer.",
};

export const slaBreachMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function SlaBreachEmail(props: SlaBreachProps & { language: EmailLanguage }) {
  const m = slaBreachMessages[props.language];
  return (
    <EmailLayout language={props.language} preview={m.preview(props.reference)} recipient={props.name}>
      <Text style={emailStyles.paragraph}>{m.intro(props.reference, props.target, props.dueAt)}</Text>
      <Text style={{ ...emailStyles.paragraph, fontWeight: 600 }}>{props.title}</Text>
      <Text style={emailStyles.paragraph}>{m.priority(props.priorityBefore, props.priorityAfter)}</Text>
      <Text style={emailStyles.paragraph}>{m.assignee(props.assigneeName)}</Text>
      <ActionButton href={props.caseUrl} label={m.button} />
      <Text style={emailStyles.muted}>{m.internal}</Text>
    </EmailLayout>
  );
}

export const slaBreachTemplate: EmailTemplate<SlaBreachProps> = {
  audience: "staff",
  subject: (props, language) => slaBreachMessages[language].subject(props.reference, props.target),
  render: (props, language) => <SlaBreachEmail {...props} language={language} />,
};
