import { formatMoney, money, type IsoDate, type ProposalKind } from "@accord/domain";
import { AGREEMENT_LABELS } from "./agreement-labels";

/**
 * The exact text a customer reads and accepts, frozen when the proposal is offered: its SHA-256 is the
 * heart of the acceptance record (a simple electronic signature), so the portal shows this text as it is
 * stored and never re-composes it.
 */
export interface OfferedProposal {
  reference: string;
  number: number;
  kind: ProposalKind;
  amountCents: number;
  vatCents: number;
  currency: string;
  terms: string;
  concessions: { supplier: string[]; customer: string[] } | null;
  expiresOn: IsoDate | null;
  supplierName: string;
  customerName: string;
}

const fr = {
  title: (number: number, reference: string) => `Proposition n° ${number} — dossier ${reference}`,
  parties: (supplier: string, customer: string) => `Entre ${supplier} (le fournisseur) et ${customer} (le client).`,
  kind: "Nature",
  amount: "Montant",
  amounts: (excl: string, vat: string, incl: string) => `${excl} HT (TVA ${vat}), soit ${incl} TTC`,
  terms: "Conditions",
  supplierConcessions: "Concessions du fournisseur",
  customerConcessions: "Concessions du client",
  expires: (date: string) => `Proposition valable jusqu'au ${date} inclus.`,
  acceptance: "En acceptant, le client accepte cette proposition comme règlement du dossier.",
};

const en: typeof fr = {
  title: (number: number, reference: string) => `Proposal no. ${number} — case ${reference}`,
  parties: (supplier: string, customer: string) => `Between ${supplier} (the supplier) and ${customer} (the customer).`,
  kind: "Kind",
  amount: "Amount",
  amounts: (excl: string, vat: string, incl: string) => `${excl} excl. VAT (VAT ${vat}), i.e. ${incl} incl. VAT`,
  terms: "Terms",
  supplierConcessions: "The supplier's concessions",
  customerConcessions: "The customer's concessions",
  expires: (date: string) => `This proposal is open until ${date} inclusive.`,
  acceptance: "By accepting, the customer accepts this proposal as the settlement of the case.",
};

export const proposalTextMessages = { fr, en };

function longDate(date: IsoDate, language: "fr" | "en"): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/** The proposal in plain words, in the customer's language (one paragraph per line). */
export function proposalText(proposal: OfferedProposal, language: "fr" | "en"): string {
  const m = proposalTextMessages[language];
  const amount = (cents: number) => formatMoney(money(cents, proposal.currency), language);
  // French puts a space before the colon.
  const colon = language === "fr" ? " :" : ":";
  const lines = [
    m.title(proposal.number, proposal.reference),
    m.parties(proposal.supplierName, proposal.customerName),
    `${m.kind}${colon} ${AGREEMENT_LABELS[language].kinds[proposal.kind]}`,
    `${m.amount}${colon} ${m.amounts(amount(proposal.amountCents), amount(proposal.vatCents), amount(proposal.amountCents + proposal.vatCents))}`,
  ];
  if (proposal.terms.trim()) lines.push(`${m.terms}${colon} ${proposal.terms.trim()}`);
  const list = (label: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${label}${colon}`);
    for (const item of items) lines.push(`- ${item}`);
  };
  if (proposal.concessions) {
    list(m.supplierConcessions, proposal.concessions.supplier);
    list(m.customerConcessions, proposal.concessions.customer);
  }
  if (proposal.expiresOn) lines.push(m.expires(longDate(proposal.expiresOn, language)));
  lines.push(m.acceptance);
  return lines.join("\n");
}
