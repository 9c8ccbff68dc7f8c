/** « Imports ERP » (ADR 0037). The report's strings are shared: packages/ui/src/locales/csv-imports.ts. */
const fr = {
  erpImport: {
    link: "Importer depuis l'ERP (CSV)",
    title: "Imports ERP",
    description: "Factures, lignes (avec leurs lots) et paiements exportés de l'ERP en CSV. Chaque fichier est vérifié en entier avant tout enregistrement : une seule ligne en erreur et rien n'est importé.",
    invoicesTitle: "Factures et lignes",
    invoicesHowTo:
      "Une ligne par ligne de facture. Le compte est désigné par son code client ERP (compte) et/ou son SIREN. Une facture déjà importée est remplacée tant qu'aucun dossier ne la concerne ; ensuite ses lignes sont refusées. Sans échéance, elle est calculée selon les conditions de paiement du compte.",
    invoicesFile: "Fichier des factures (CSV)",
    paymentsTitle: "Paiements",
    paymentsHowTo:
      "Une ligne par paiement : compte ou SIREN, numéro de facture, référence du paiement, date, montant TTC. Le montant payé et l'état de la facture (non payée, partiellement payée, payée) sont mis à jour ; un paiement déjà importé (même référence) n'est pas compté deux fois.",
    paymentsFile: "Fichier des paiements (CSV)",
    invoicesSummary: "{{created}} facture(s) créée(s), {{updated}} mise(s) à jour.",
    paymentsSummary: "{{created}} paiement(s) enregistré(s) sur {{invoices}} facture(s) ; {{unchanged}} déjà connu(s).",
    seeInvoices: "Voir les factures",
  },
};

const en: typeof fr = {
  erpImport: {
    link: "Import from the ERP (CSV)",
    title: "ERP imports",
    description: "Invoices, lines (with their lots) and payments exported from the ERP as CSV. Each file is checked whole before anything is recorded: one row in error and nothing is imported.",
    invoicesTitle: "Invoices and lines",
    invoicesHowTo:
      "One row per invoice line. The account is named by its ERP customer code (compte) and/or its SIREN. An invoice already imported is replaced while no case names it; after that its rows are refused. Without a due date, it is computed from the account's payment term.",
    invoicesFile: "Invoices file (CSV)",
    paymentsTitle: "Payments",
    paymentsHowTo:
      "One row per payment: account or SIREN, invoice number, payment reference, date, amount incl. VAT. The paid amount and the invoice's state (unpaid, partially paid, paid) are updated; a payment already imported (same reference) is not counted twice.",
    paymentsFile: "Payments file (CSV)",
    invoicesSummary: "{{created}} invoice(s) created, {{updated}} updated.",
    paymentsSummary: "{{created}} payment(s) recorded on {{invoices}} invoice(s); {{unchanged}} already known.",
    seeInvoices: "See the invoices",
  },
};

export const erpImportMessages = { fr, en };
