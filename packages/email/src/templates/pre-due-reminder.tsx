/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { Link, Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { EmailLayout, emailStyles, LinkInFull } from "../layout";
import type { EmailTemplate } from "../template";

/** One invoice falling due soon, with the link that opens the claim form on it. */
export interface PreDueInvoice {
  number: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** What is still to pay, in cents, and its currency. */
  amountDueCents: number;
  currency: string;
  /** Absolute link to the portal's claim form on this invoice. */
  reportUrl: string;
}

/** Invoices fall due soon: one e-mail per customer contact listing them (« relance client optimisée »). */
export interface PreDueReminderProps {
  name: string;
  invoices: PreDueInvoice[];
  /** Absolute link to the portal's profile, where the reminders can be turned off. */
  preferencesUrl: string;
}

const day = (iso: string, locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const money = (cents: number, currency: string, locale: string) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);

const fr = {
  subject: (count: number): string => (count > 1 ? `${count} factures arrivent à échéance` : "Une facture arrive à échéance"),
  preview: "Un problème sur une facture ? Signalez-le avant l'échéance.",
  intro: (count: number): string => (count > 1 ? "Les factures suivantes arrivent bientôt à échéance :" : "La facture suivante arrive bientôt à échéance :"),
  line: (invoice: PreDueInvoice) => `Facture ${invoice.number} : ${money(invoice.amountDueCents, invoice.currency, "fr-FR")} à régler le ${day(invoice.dueDate, "fr-FR")}`,
  report: "Signaler un problème",
  why: "Un écart de prix, une livraison incomplète, un produit non conforme ? Signalez-le dès maintenant : la facture concernée sera mise en attente pendant l'instruction.",
  preferences: "Vous pouvez désactiver ces rappels dans vos préférences :",
  signature: "L'équipe Accord",
};

const en: typeof fr = {
  subject: (count) => (count > 1 ? `${count} invoices fall due soon` : "An invoice falls due soon"),
  preview: "A problem with an invoice? Report it before it falls due.",
  intro: (count) => (count > 1 ? "The following invoices fall due soon:" : "The following invoice falls due soon:"),
  line: (invoice) => `Invoice ${invoice.number}: ${money(invoice.amountDueCents, invoice.currency, "en-GB")} due on ${day(invoice.dueDate, "en-GB")}`,
  report: "Report a problem",
  why: "A price difference, an incomplete delivery, a non-conforming product? Report it now: the invoice concerned is put on hold while it is investigated.",
  preferences: "You can turn these reminders off in your preferences:",
  signature: "The Accord team",
};

export const preDueReminderMessages: Record<EmailLanguage, typeof fr> = { fr, en };

function PreDueReminderEmail({ name, invoices, preferencesUrl, language }: PreDueReminderProps & { language: EmailLanguage }) {
  const m = preDueReminderMessages[language];
  return (
    <EmailLayout language={language} preview={m.preview} recipient={name} signature={m.signature}>
      <Text style={emailStyles.paragraph}>{m.intro(invoices.length)}</Text>
      <ul>
        {invoices.map((invoice) => (
          <li key={invoice.number}>
            {m.line(invoice)} — <Link href={invoice.reportUrl}>{m.report}</Link>
          </li>
        ))}
      </ul>
      <Text style={emailStyles.paragraph}>{m.why}</Text>
      <LinkInFull label={m.preferences} href={preferencesUrl} />
    </EmailLayout>
  );
}

export const preDueReminderTemplate: EmailTemplate<PreDueReminderProps> = {
  audience: "customer",
  subject: (props, language) => preDueReminderMessages[language].subject(props.invoices.length),
  render: (props, language) => <PreDueReminderEmail {...props} language={language} />,
};
