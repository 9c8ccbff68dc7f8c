/** Strings of the case page's Lines section, under `cases.page`, French and English side by side (merged in locales/cases.ts). */
const fr = {
  lines: {
    title: "Lignes de facture contestées",
    caption: "Lignes de facture contestées",
    empty: "Aucune ligne de facture.",
    invoice: "Facture",
    description: "Désignation",
    invoiced: "Facturé",
    contested: "Contesté",
    amount: "Montant contesté (HT)",
    quantity: "{{quantity}} {{unit}}",
    price: "{{price}} / {{unit}}",
  },
};

const en: typeof fr = {
  lines: {
    title: "Disputed invoice lines",
    caption: "Disputed invoice lines",
    empty: "No invoice line.",
    invoice: "Invoice",
    description: "Item",
    invoiced: "Invoiced",
    contested: "Disputed",
    amount: "Disputed amount (excl. VAT)",
    quantity: "{{quantity}} {{unit}}",
    price: "{{price}} / {{unit}}",
  },
};

export const linesMessages = { fr, en };
