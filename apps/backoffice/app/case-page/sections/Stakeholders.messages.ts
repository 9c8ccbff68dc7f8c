/** Strings of the case page's Stakeholders section, French and English side by side (merged in locales/case-page.ts). */
const fr = {
  casePage: {
    stakeholders: {
      groupsLegend: "Destinataires par fonction",
      groups: { sales: "Commercial", operations: "Opérations", finance: "Finance", legal: "Juridique" },
      teamsLegend: "ou par équipe",
      message: "Message",
      submit: "Informer",
      error: { group: "Fonction inconnue.", nobody: "Choisissez au moins un destinataire (fonction ou équipe) qui compte un collaborateur actif." },
    },
  },
};

const en: typeof fr = {
  casePage: {
    stakeholders: {
      groupsLegend: "Recipients by function",
      groups: { sales: "Sales", operations: "Operations", finance: "Finance", legal: "Legal" },
      teamsLegend: "or by team",
      message: "Message",
      submit: "Notify",
      error: { group: "Unknown function.", nobody: "Choose at least one recipient (function or team) with an active colleague." },
    },
  },
};

export const stakeholdersMessages = { fr, en };
