/** Strings of the back-office's receivables page (/invoices): invoices on hold or released, the ERP export. */
const fr = {
  receivables: {
    nav: "Factures",
    title: "Factures et litiges",
    description: "Les factures suspendues par un litige ouvert, celles dont le litige est résolu (nouvelles échéances), et l'export pour l'ERP.",
    filters: {
      legend: "Filtres",
      filter: "Afficher",
      account: "Client",
      anyAccount: "Tous les clients",
      submit: "Filtrer",
    },
    filter: {
      on_hold: "En litige (paiement suspendu)",
      released: "Libérées après résolution",
      all: "Toutes",
    },
    table: {
      caption: "Factures : {{filter}}, page de 50",
      number: "Facture",
      account: "Client",
      issueDate: "Date",
      dueDate: "Échéance",
      amount: "Montant TTC",
      state: "État",
      cases: "Dossiers",
      newDueDates: "Après résolution",
      empty: "Aucune facture ne correspond à ces filtres.",
      released: "{{undisputed}} le {{undisputedDate}} ; reste {{remainder}} le {{remainderDate}}",
      none: "—",
    },
    state: {
      on_hold: "En litige — paiement suspendu",
      overdue: "En retard",
      not_due: "À échéance le {{date}}",
      paid: "Payée",
    },
    pagination: "Pages de factures",
    previous: "Page précédente",
    next: "Page suivante",
    export: {
      title: "Export ERP",
      description:
        "Fichier CSV (UTF-8, séparateur « ; ») : les factures suspendues à ce jour et les avoirs à émettre, puis, sur la période, les libérations (nouvelles échéances) et les avoirs émis.",
      from: "Du",
      to: "Au",
      submit: "Télécharger le CSV",
    },
  },
};

const en: typeof fr = {
  receivables: {
    nav: "Invoices",
    title: "Invoices and disputes",
    description: "Invoices suspended by an open dispute, those whose dispute is resolved (new due dates), and the export for the ERP.",
    filters: {
      legend: "Filters",
      filter: "Show",
      account: "Customer",
      anyAccount: "All customers",
      submit: "Filter",
    },
    filter: {
      on_hold: "In dispute (payment suspended)",
      released: "Released after resolution",
      all: "All",
    },
    table: {
      caption: "Invoices: {{filter}}, pages of 50",
      number: "Invoice",
      account: "Customer",
      issueDate: "Date",
      dueDate: "Due date",
      amount: "Amount incl. VAT",
      state: "State",
      cases: "Cases",
      newDueDates: "After resolution",
      empty: "No invoice matches these filters.",
      released: "{{undisputed}} on {{undisputedDate}}; remaining {{remainder}} on {{remainderDate}}",
      none: "—",
    },
    state: {
      on_hold: "In dispute — payment suspended",
      overdue: "Overdue",
      not_due: "Due on {{date}}",
      paid: "Paid",
    },
    pagination: "Invoice pages",
    previous: "Previous page",
    next: "Next page",
    export: {
      title: "ERP export",
      description:
        "CSV file (UTF-8, “;” separated): invoices suspended today and credit notes to issue, then, over the period, the releases (new due dates) and the credit notes issued.",
      from: "From",
      to: "To",
      submit: "Download the CSV",
    },
  },
};

export const receivablesPageMessages = { fr, en };
