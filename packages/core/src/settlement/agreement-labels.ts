/**
 * Strings of the agreement ("protocole d'accord"), French and English side by side. `{{name}}`
 * placeholders are filled by agreement-content.ts. The agreement is rendered once and stored, so a
 * change here changes only the agreements rendered after it.
 */
const fr = {
  title: "Protocole d'accord",
  subtitle: "Dossier {{reference}} – proposition n° {{number}}",
  footer: "Protocole d'accord – dossier {{reference}} – page {{page}}/{{pages}}",
  labelSeparator: " : ",
  none: "—",
  notRecorded: "non enregistré",
  parties: {
    heading: "Entre les soussignés",
    siren: "SIREN",
    vatNumber: "N° de TVA intracommunautaire",
    address: "Adresse",
    supplierAlias: "ci-après « le Fournisseur »,",
    and: "et",
    customerAlias: "ci-après « le Client ».",
  },
  subject: {
    heading: "Objet",
    text: "Le présent protocole met fin au différend enregistré sous la référence {{reference}}.",
    textWithTitle: "Le présent protocole met fin au différend enregistré sous la référence {{reference}} : « {{title}} ».",
    invoices: "Factures concernées",
    invoice: "Facture n° {{number}} du {{date}}",
    noInvoice: "Aucune facture n'est concernée.",
  },
  resolution: {
    heading: "Solution retenue",
    kind: "Nature",
    terms: "Modalités",
  },
  kinds: {
    credit_note: "Avoir",
    replacement: "Remplacement",
    refund: "Remboursement",
    commercial_gesture: "Geste commercial",
    price_adjustment: "Ajustement de prix",
    contract_amendment: "Avenant au contrat",
    settlement: "Transaction",
  },
  concessions: {
    heading: "Concessions réciproques",
    supplier: "Le Fournisseur consent :",
    customer: "Le Client consent :",
    clause: "Les parties reconnaissent que le présent protocole comporte des concessions réciproques et vaut transaction au sens des articles 2044 et suivants du Code civil.",
  },
  amounts: {
    heading: "Montants",
    excludingVat: "Montant hors taxes",
    vat: "TVA",
    includingVat: "Montant toutes taxes comprises",
  },
  acceptance: {
    heading: "Acceptation",
    text: "Le Client a accepté la proposition en ligne, sur le portail Accord, par signature électronique simple. L'acceptation est enregistrée comme suit.",
    signer: "Signataire",
    email: "Adresse e-mail de l'utilisateur",
    acceptedAt: "Date et heure",
    acceptedAtValue: "{{date}} à {{time}} (heure de Paris, {{offset}})",
    ipAddress: "Adresse IP",
    userAgent: "Navigateur (user agent)",
    textSha256: "Empreinte SHA-256 du texte accepté",
  },
  signedOn: "Fait en ligne le {{date}}.",
};

const en: typeof fr = {
  title: "Settlement agreement",
  subtitle: "Case {{reference}} – proposal no. {{number}}",
  footer: "Settlement agreement – case {{reference}} – page {{page}}/{{pages}}",
  labelSeparator: ": ",
  none: "—",
  notRecorded: "not recorded",
  parties: {
    heading: "Between the undersigned",
    siren: "SIREN",
    vatNumber: "EU VAT number",
    address: "Address",
    supplierAlias: "hereinafter “the Supplier”,",
    and: "and",
    customerAlias: "hereinafter “the Customer”.",
  },
  subject: {
    heading: "Subject",
    text: "This agreement ends the dispute recorded under reference {{reference}}.",
    textWithTitle: "This agreement ends the dispute recorded under reference {{reference}}: “{{title}}”.",
    invoices: "Invoices concerned",
    invoice: "Invoice no. {{number}} of {{date}}",
    noInvoice: "No invoice is concerned.",
  },
  resolution: {
    heading: "Agreed resolution",
    kind: "Kind",
    terms: "Terms",
  },
  kinds: {
    credit_note: "Credit note",
    replacement: "Replacement",
    refund: "Refund",
    commercial_gesture: "Commercial gesture",
    price_adjustment: "Price adjustment",
    contract_amendment: "Contract amendment",
    settlement: "Settlement (transaction)",
  },
  concessions: {
    heading: "Reciprocal concessions",
    supplier: "The Supplier agrees to:",
    customer: "The Customer agrees to:",
    clause: "The parties acknowledge that this agreement contains reciprocal concessions and is a settlement (transaction) within the meaning of articles 2044 et seq. of the French Civil Code.",
  },
  amounts: {
    heading: "Amounts",
    excludingVat: "Amount excl. VAT",
    vat: "VAT",
    includingVat: "Amount incl. VAT",
  },
  acceptance: {
    heading: "Acceptance",
    text: "The Customer accepted the proposal online, on the Accord portal, by simple electronic signature. The acceptance is recorded as follows.",
    signer: "Signed by",
    email: "User's e-mail address",
    acceptedAt: "Date and time",
    acceptedAtValue: "{{date}} at {{time}} (Paris time, {{offset}})",
    ipAddress: "IP address",
    userAgent: "User agent",
    textSha256: "SHA-256 of the accepted text",
  },
  signedOn: "Signed online on {{date}}.",
};

export type AgreementLanguage = "fr" | "en";
export type AgreementLabels = typeof fr;

export const AGREEMENT_LABELS: Record<AgreementLanguage, AgreementLabels> = { fr, en };
