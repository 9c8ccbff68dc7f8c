/** Strings of the customer portal (French: the source catalogue). Shared strings are in @accord/ui/locales. */
export const fr = {
  app: {
    label: "Portail client",
  },
  home: {
    eyebrow: "Votre entreprise",
    invoicesTitle: "Vos factures",
    invoicesCaption: "Factures de {{company}}",
    noInvoices: "Aucune facture pour le moment.",
    columns: {
      number: "Numéro",
      issueDate: "Date",
      dueDate: "Échéance",
      amount: "Montant TTC",
      status: "Statut",
    },
  },
  invoiceStatus: {
    unpaid: "À payer",
    partially_paid: "Partiellement payée",
    paid: "Payée",
  },
};
