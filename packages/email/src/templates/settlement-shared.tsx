/** @jsxRuntime automatic @jsxImportSource react */
// Explicit: tsx applies a tsconfig only to its own files, and the worker runs this package from elsewhere.
import { addMoney, formatMoney, money, type ApprovalLevel, type Outcome, type ProposalKind } from "@accord/domain";
import { Text } from "@react-email/components";
import type { EmailLanguage } from "../language";
import { emailStyles } from "../layout";

/**
 * Wording and formatting shared by the settlement e-mails (proposal, approval, acceptance,
 * resolution): enum values are translated here, never shown raw.
 */

const LOCALE: Record<EmailLanguage, string> = { fr: "fr-FR", en: "en-GB" };
const TIME_ZONE = "Europe/Paris";

/** A calendar date (YYYY-MM-DD) in words: noon UTC is the same day in Paris, whatever the season. */
export function formatDay(isoDate: string, language: EmailLanguage, style: "full" | "long" = "long"): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: style, timeZone: TIME_ZONE }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** An instant (ISO string) as a date and time in Paris: "6 décembre 2026 à 20:45", "6 December 2026 at 20:45". */
export function formatInstant(iso: string, language: EmailLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

/** Integer cents in the language's format, through the domain (no float on the way). */
export function formatCents(cents: number, currency: string, language: EmailLanguage): string {
  return formatMoney(money(cents, currency), language);
}

/** Excl. VAT + VAT, in cents. */
export function inclVatCents(amountExclVatCents: number, vatCents: number, currency: string): number {
  return addMoney(money(amountExclVatCents, currency), money(vatCents, currency)).cents;
}

/** One invoice after the resolution: the undisputed part keeps its date, the remainder falls due on the new one. */
export interface NewDueDate {
  invoiceNumber: string;
  undisputedCents: number;
  /** YYYY-MM-DD */
  undisputedDueDate: string;
  remainderCents: number;
  /** YYYY-MM-DD */
  remainderDueDate: string;
}

const fr = {
  kind: {
    credit_note: "Avoir",
    replacement: "Remplacement",
    refund: "Remboursement",
    commercial_gesture: "Geste commercial",
    price_adjustment: "Ajustement de prix",
    contract_amendment: "Avenant au contrat",
    settlement: "Transaction",
  } satisfies Record<ProposalKind, string>,
  /** What is offered, in plain words, completing "Nous vous proposons …". */
  offer: {
    credit_note: (amount: string) => `un avoir de ${amount} HT`,
    replacement: (amount: string) => `le remplacement des marchandises concernées, d'une valeur de ${amount} HT`,
    refund: (amount: string) => `un remboursement de ${amount} HT`,
    commercial_gesture: (amount: string) => `un geste commercial de ${amount} HT`,
    price_adjustment: (amount: string) => `un ajustement de prix de ${amount} HT`,
    contract_amendment: (amount: string) => `un avenant à votre contrat, d'une valeur de ${amount} HT`,
    settlement: (amount: string) => `une transaction, avec des concessions réciproques, d'un montant de ${amount} HT`,
  } satisfies Record<ProposalKind, (amount: string) => string>,
  level: { supervisor: "superviseur", finance: "finance" } satisfies Record<ApprovalLevel, string>,
  outcome: {
    settled_amicably: "Réglé à l'amiable",
    upheld: "Réclamation fondée",
    partially_upheld: "Réclamation partiellement fondée",
    rejected: "Réclamation non retenue",
    withdrawn: "Dossier retiré",
    judged: "Décision de justice",
  } satisfies Record<Outcome, string>,
  amountExclVat: "Montant HT :",
  vat: "TVA :",
  amountInclVat: "Montant TTC :",
  dueDatesTitle: "Les nouvelles échéances de vos factures :",
  invoice: (number: string) => `Facture ${number} :`,
  undisputed: (amount: string, date: string) => `partie non contestée, ${amount} : échéance inchangée, le ${date} ;`,
  remainder: (amount: string, date: string) => `solde, ${amount} : nouvelle échéance, le ${date}.`,
  nothingDue: "plus rien n'est dû sur cette facture.",
};

const en: typeof fr = {
  kind: {
    credit_note: "Credit note",
    replacement: "Replacement",
    refund: "Refund",
    commercial_gesture: "Commercial gesture",
    price_adjustment: "Price adjustment",
    contract_amendment: "Contract amendment",
    settlement: "Settlement agreement",
  },
  offer: {
    credit_note: (amount) => `a credit note of ${amount} excl. VAT`,
    replacement: (amount) => `the replacement of the goods concerned, worth ${amount} excl. VAT`,
    refund: (amount) => `a refund of ${amount} excl. VAT`,
    commercial_gesture: (amount) => `a commercial gesture of ${amount} excl. VAT`,
    price_adjustment: (amount) => `a price adjustment of ${amount} excl. VAT`,
    contract_amendment: (amount) => `an amendment to your contract, worth ${amount} excl. VAT`,
    settlement: (amount) => `a settlement agreement with reciprocal concessions, for ${amount} excl. VAT`,
  },
  level: { supervisor: "supervisor", finance: "finance" },
  outcome: {
    settled_amicably: "Settled amicably",
    upheld: "Claim upheld",
    partially_upheld: "Claim partially upheld",
    rejected: "Claim rejected",
    withdrawn: "Case withdrawn",
    judged: "Court decision",
  },
  amountExclVat: "Amount excl. VAT:",
  vat: "VAT:",
  amountInclVat: "Amount incl. VAT:",
  dueDatesTitle: "The new due dates of your invoices:",
  invoice: (number) => `Invoice ${number}:`,
  undisputed: (amount, date) => `undisputed part, ${amount}: due date unchanged, ${date};`,
  remainder: (amount, date) => `remainder, ${amount}: new due date, ${date}.`,
  nothingDue: "nothing remains due on this invoice.",
};

export const settlementMessages: Record<EmailLanguage, typeof fr> = { fr, en };

/** What a proposal offers, in plain words: "un avoir de 1 234,56 € HT", "a refund of €80.00 excl. VAT". */
export function offerInWords(kind: ProposalKind, amountExclVatCents: number, currency: string, language: EmailLanguage): string {
  return settlementMessages[language].offer[kind](formatCents(amountExclVatCents, currency, language));
}

/** The three amounts of a proposal, one per line: excl. VAT, VAT, incl. VAT. */
export function ProposalAmounts({ amountExclVatCents, vatCents, currency, language }: { amountExclVatCents: number; vatCents: number; currency: string; language: EmailLanguage }) {
  const m = settlementMessages[language];
  const format = (cents: number) => formatCents(cents, currency, language);
  return (
    <ul>
      <li>
        {m.amountExclVat} {format(amountExclVatCents)}
      </li>
      <li>
        {m.vat} {format(vatCents)}
      </li>
      <li>
        {m.amountInclVat} {format(inclVatCents(amountExclVatCents, vatCents, currency))}
      </li>
    </ul>
  );
}

/** Each invoice's new due dates; nothing when the resolution touched no invoice. */
export function NewDueDates({ dueDates, currency, language }: { dueDates: readonly NewDueDate[]; currency: string; language: EmailLanguage }) {
  if (dueDates.length === 0) return null;
  const m = settlementMessages[language];
  const format = (cents: number) => formatCents(cents, currency, language);
  return (
    <>
      <Text style={emailStyles.paragraph}>{m.dueDatesTitle}</Text>
      <ul>
        {dueDates.map((invoice) => (
          <li key={invoice.invoiceNumber}>
            {m.invoice(invoice.invoiceNumber)}
            <ul>
              {invoice.undisputedCents > 0 ? <li>{m.undisputed(format(invoice.undisputedCents), formatDay(invoice.undisputedDueDate, language))}</li> : null}
              {invoice.remainderCents > 0 ? <li>{m.remainder(format(invoice.remainderCents), formatDay(invoice.remainderDueDate, language))}</li> : null}
              {invoice.undisputedCents === 0 && invoice.remainderCents === 0 ? <li>{m.nothingDue}</li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
