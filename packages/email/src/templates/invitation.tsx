/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { ActionButton, EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

export interface InvitationProps {
  /** The invitee's name as the inviting admin typed it. */
  name: string;
  /** Who sent the invitation. */
  inviterName: string;
  /** The customer company the invitee joins. */
  companyName: string;
  /** Absolute link to the portal's invitation page, carrying the single-use token. */
  acceptUrl: string;
  /** When the link stops working (ISO 8601). */
  expiresAt: string;
  /** The role the invitee will hold: the e-mail says what it lets them do (absent on e-mails queued before: member). */
  role?: "admin" | "member" | "viewer";
}

type InvitedRole = NonNullable<InvitationProps["role"]>;

const formatDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));

const fr = {
  subject: (companyName: string) => `Invitation à rejoindre ${companyName} sur Accord`,
  preview: (inviterName: string, companyName: string) => `${inviterName} vous invite à rejoindre ${companyName} sur le portail Accord.`,
  intro: (inviterName: string, companyName: string, role: InvitedRole) =>
    `${inviterName} vous invite à rejoindre l'espace de ${companyName} sur le portail Accord, ${
      {
        admin: "pour déclarer et suivre les réclamations de votre entreprise et gérer ses utilisateurs",
        member: "pour déclarer vos réclamations et en suivre le traitement",
        viewer: "pour consulter les réclamations de votre entreprise et leur suivi (en lecture seule)",
      }[role]
    }.`,
  button: "Accepter l'invitation",
  fallback: "Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :",
  validity: (expiresAt: string) =>
    `Ce lien ne peut servir qu'une seule fois et expire le ${formatDate(expiresAt, "fr-FR")} (heure de Paris).`,
  ignore: "Si vous ne vous attendiez pas à cette invitation, ignorez cet e-mail : aucun compte ne sera créé.",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (companyName: string) => `Invitation to join ${companyName} on Accord`,
  preview: (inviterName: string, companyName: string) => `${inviterName} invites you to join ${companyName} on the Accord portal.`,
  intro: (inviterName: string, companyName: string, role: InvitedRole) =>
    `${inviterName} invites you to join ${companyName}'s space on the Accord portal, ${
      {
        admin: "to report and follow your company's claims and manage its users",
        member: "to report your claims and follow how they are handled",
        viewer: "to read your company's claims and their progress (read-only)",
      }[role]
    }.`,
  button: "Accept the invitation",
  fallback: "If the button does not work, copy this link into your browser:",
  validity: (expiresAt: string) =>
    `This link can be used only once and expires on ${formatDate(expiresAt, "en-GB")} (Paris time).`,
  ignore: "If you did not expect this invitation, ignore this e-mail: no account will be created.",
  signature: "The Accord team",
};

export const invitationMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function InvitationEmail({ name, inviterName, companyName, acceptUrl, expiresAt, role = "member", language }: InvitationProps & { language: EmailLanguage }) {
  const m = invitationMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview(inviterName, companyName)} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(inviterName, companyName, role)}</Text>
      <ActionButton href={acceptUrl} label={m.button} />
      <LinkInFull label={m.fallback} href={acceptUrl} />
      <Text style={emailStyles.paragraph}>{m.validity(expiresAt)}</Text>
      <Text style={emailStyles.paragraph}>{m.ignore}</Text>
    </EmailLayout>
  );
}

export const invitationTemplate: EmailTemplate<InvitationProps> = {
  audience: "customer",
  subject: (props, language) => invitationMessages[language].subject(props.companyName),
  render: (props, language) => <InvitationEmail {...props} language={language} />,
  redact: (props) => ({ ...props, acceptUrl: "[redacted]" }),
};
