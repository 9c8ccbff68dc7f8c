/** Strings of the case page's Lines section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    lines: {
      lot: "lot {{lot}}",
      units: {
        sac_one: "{{quantity}} sac",
        sac_other: "{{quantity}} sacs",
        u_one: "{{quantity}} unité",
        u_other: "{{quantity}} unités",
        kg_one: "{{quantity}} kg",
        kg_other: "{{quantity}} kg",
      },
      caption: "Lignes de facture contestées",
      invoice: "Facture",
      description: "Désignation",
      invoiced: "Facturé",
      contested: "Contesté (quantité — prix)",
      disputed: "Montant contesté (HT)",
      total: "Total contesté : {{amount}}",
      none: "Aucune ligne.",
    },
  },
};

const en: typeof fr = {
  casePage: {
    lines: {
      lot: "lot {{lot}}",
      units: {
        sac_one: "{{quantity}} bag",
        sac_other: "{{quantity}} bags",
        u_one: "{{quantity}} unit",
        u_other: "{{quantity}} units",
        kg_one: "{{quantity}} kg",
        kg_other: "{{quantity}} kg",
      },
      caption: "Contested invoice lines",
      invoice: "Invoice",
      description: "Description",
      invoiced: "Invoiced",
      contested: "Contested (quantity — price)",
      disputed: "Disputed amount (excl. VAT)",
      total: "Total disputed: {{amount}}",
      none: "No line.",
    },
  },
};

export const linesMessages = { fr, en };
